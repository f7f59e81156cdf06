"""Saved article pages (`patrika import html FILE_OR_DIR`): trafilatura finds the article
(title, author, date, body) and leaves menus, share bars, related links and comment forms out;
the body becomes Markdown through our converter, the language comes from its script."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.utils import timezone

from patrika import languages
from patrika.editorial.lint.phrases import boilerplate_phrases, is_boilerplate
from patrika.newsroom.models import Story, StoryStatus, Translation
from patrika.newsroom.services import SourceData, StoryData, TranslationData

from .base import BaseImporter, ImportFileError, checksum, public_url_or_warn, story_upsert
from .htmlmd import html_to_markdown

# Fewer letters than this is a page without an article (an index, a 404 page).
MIN_TEXT = 80


@dataclass
class Page:
    title: str
    body: str
    language: str
    author: list[str] = field(default_factory=list)
    date: str = ""
    sitename: str = ""
    url: str = ""
    description: str = ""


def extract_page(raw: bytes, *, path: Path) -> Page:
    """The article of a saved page, or ImportFileError when there is none."""
    try:
        import trafilatura  # imported here: it is slow to load and only this importer needs it
    except ImportError as error:  # lxml 6 needs the separate lxml-html-clean package
        raise ImportFileError(
            f"HTML import is not available on this installation ({error})", file=path
        ) from None

    options = {"include_comments": False, "include_tables": True, "include_images": True}
    meta = trafilatura.bare_extraction(raw, with_metadata=True, **options)
    if meta is None or len(meta.text or "") < MIN_TEXT:
        raise ImportFileError("no article text found in the page", file=path)
    html = trafilatura.extract(
        raw, output_format="html", include_formatting=True, include_links=True, **options
    )
    title = (meta.title or "").strip()
    if not title:
        raise ImportFileError("the page has no title", file=path)
    body = html_to_markdown(html or "")
    phrases = boilerplate_phrases()
    blocks = []
    for block in body.split("\n\n"):
        plain = block.lstrip("#").strip()
        # The page's own <h1> repeats the title; share and comment prompts are boilerplate.
        if block.startswith("# ") and plain == title:
            continue
        if is_boilerplate(plain, phrases):
            continue
        blocks.append(block.strip("\n"))
    authors = [a.strip() for a in (meta.author or "").replace(";", ",").split(",") if a.strip()]
    return Page(
        title=title[:300],
        body="\n\n".join(blocks).strip() + "\n",
        language=languages.detect_script_language(f"{title} {meta.text[:1000]}"),
        author=authors,
        date=meta.date or "",
        sitename=(meta.sitename or "").strip(),
        url=(meta.url or "").strip(),
        description=(meta.description or "").strip(),
    )


def _page_date(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


class HtmlImporter(BaseImporter):
    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def import_file(self, path: Path, *, advance: Callable[..., None]) -> None:
        try:
            page = extract_page(path.read_bytes(), path=path)
            self.upsert(page, where=str(path))
        finally:
            advance()

    def upsert(self, page: Page, *, where: str) -> Story | None:
        identity = page.url or page.title.casefold()
        key = "html:" + (page.url or hashlib.sha1(identity.encode()).hexdigest()[:24])

        def find_foreign() -> Story | None:
            match = Translation.objects.filter(language=page.language, title=page.title).first()
            return match.story if match else None

        def build(existing: Story | None) -> StoryData:
            publish = self.options.publish
            status = (
                StoryStatus.PUBLISHED
                if publish
                else (existing.status if existing else StoryStatus.DRAFT)
            )
            published_at = _page_date(page.date) if page.date else None
            if publish and published_at is None:
                published_at = existing.published_at if existing else timezone.now()
            sources = []
            if page.sitename or page.url:
                url = public_url_or_warn(
                    page.url, result=self.result, where=where, what="the page's own address"
                )
                sources.append(SourceData(title=page.title, publisher=page.sitename[:200], url=url))
            return StoryData(
                translations=[
                    TranslationData(
                        language=page.language,
                        title=page.title,
                        body=page.body,
                        summary=page.description,
                    )
                ],
                original_language=page.language,
                status=status,
                published_at=published_at,
                section=existing.section if existing else None,
                featured_image=existing.featured_image if existing else None,
                authors=page.author,
                sources=sources,
            )

        return story_upsert(
            key=key[:300],
            importer=self.name,
            where=where,
            digest=checksum(vars(page), self.options.publish),
            build=build,
            result=self.result,
            options=self.options,
            find_foreign=find_foreign,
        )
