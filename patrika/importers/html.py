"""Saved article pages (`patrika import html FILE_OR_DIR`): trafilatura finds the article
(title, author, date, body) and leaves menus, share bars, related links and comment forms out;
the body becomes Markdown through our converter.

The text is kept as the page has it (`verbatim`); the headline loses the site name and date the
`<title>` adds (`pagemeta`); "Read more: …" link lines and "read in Hindi" lines are dropped
(`pointers`); the language comes from the page's `lang` and the text's script (`language`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import lxml.html
from django.utils import timezone

from patrika.editorial.lint.phrases import boilerplate_phrases, is_boilerplate
from patrika.newsroom.models import Story, StoryStatus
from patrika.newsroom.services import SourceData, StoryData, TranslationData
from patrika.text import MARKUP_SPACE, text_key

from .base import (
    BaseImporter,
    ImportFileError,
    ItemError,
    checksum,
    public_url_or_warn,
    story_find_by_title,
    story_upsert,
)
from .htmlmd import html_to_markdown
from .language import language_decide
from .pagemeta import _date_of, headline_from, page_facts
from .pointers import is_language_pointer, is_link_only, is_read_cue, is_read_more_line
from .verbatim import Verbatim

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
    warnings: list[str] = field(default_factory=list)


def _body_blocks(markdown: str, *, title: str) -> list[str]:
    """The article's blocks without the repeated headline, boilerplate, "read in Hindi" lines
    and "Read more: …" link lines (a "Read more:" label alone takes the links under it along)."""
    phrases = boilerplate_phrases()
    kept: list[str] = []
    after_cue = False
    for block in (b.strip("\n") for b in markdown.split("\n\n")):
        plain = block.lstrip("#").strip(MARKUP_SPACE)
        if not plain:
            continue
        cue = is_read_cue(plain.strip("*_:：-–—|»() "))
        if (
            cue
            or (after_cue and is_link_only(block))
            or (block.startswith("# ") and text_key(plain) == text_key(title))
            or is_boilerplate(plain, phrases)
            or is_language_pointer(plain)
            or is_read_more_line(block)
        ):
            after_cue = cue or (after_cue and is_link_only(block))
            continue
        after_cue = False
        kept.append(block)
    return kept


def extract_page(raw: bytes, *, path: Path, language: str = "") -> Page:
    """The article of a saved page, or ImportFileError when there is none (or it is in a
    language the site does not publish and `language` names none to store it under)."""
    try:
        import trafilatura  # imported here: it is slow to load and only this importer needs it
        from trafilatura.utils import load_html
    except ImportError as error:  # lxml 6 needs the separate lxml-html-clean package
        raise ImportFileError(
            f"HTML import is not available on this installation ({error})", file=path
        ) from None

    tree = load_html(raw)
    if tree is None:
        raise ImportFileError("no article text found in the page", file=path)
    facts = page_facts(tree)
    verbatim = Verbatim(lxml.html.tostring(tree, encoding="unicode"))
    verbatim.protect_tree(tree)
    protected = lxml.html.tostring(tree, encoding="unicode")

    options = {"include_comments": False, "include_tables": True, "include_images": True}
    meta = trafilatura.bare_extraction(protected, with_metadata=True, **options)
    text = verbatim.restore(meta.text or "") if meta is not None else ""
    if meta is None or len(text) < MIN_TEXT:
        raise ImportFileError("no article text found in the page", file=path)
    html = trafilatura.extract(
        protected, output_format="html", include_formatting=True, include_links=True, **options
    )
    title = verbatim.restore(meta.title or "").strip(MARKUP_SPACE)
    if not title:
        raise ImportFileError("the page has no title", file=path)
    url = (meta.url or "").strip()
    sitename = verbatim.restore(meta.sitename or "").strip(MARKUP_SPACE)
    facts.site_names += [sitename, *(urlparse(url).hostname or "").split(".")]
    if meta.date and (day := _date_of(meta.date)):
        facts.dates.add(day)
    title = headline_from(title, facts)
    try:
        decision = language_decide(
            text=f"{title} {text[:2000]}", declared=facts.language, forced=language, what="the page"
        )
    except ItemError as error:
        raise ImportFileError(str(error), file=path) from None
    body = verbatim.restore(html_to_markdown(html or ""))
    author = verbatim.restore(meta.author or "")
    authors = facts.authors or [a.strip() for a in author.replace(";", ",").split(",") if a.strip()]
    return Page(
        title=title[:300],
        body="\n\n".join(_body_blocks(body, title=title)) + "\n",
        language=decision.language,
        author=authors,
        date=meta.date or "",
        sitename=sitename,
        url=url,
        description=verbatim.restore(meta.description or "").strip(MARKUP_SPACE),
        warnings=decision.warnings,
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
            page = extract_page(path.read_bytes(), path=path, language=self.options.language)
            for warning in page.warnings:
                self.result.warn(str(path), warning)
            self.upsert(page, where=str(path))
        finally:
            advance()

    def upsert(self, page: Page, *, where: str) -> Story | None:
        identity = page.url or text_key(page.title)
        key = "html:" + (page.url or hashlib.sha1(identity.encode()).hexdigest()[:24])

        def find_foreign() -> Story | None:
            return story_find_by_title(language=page.language, title=page.title)

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
