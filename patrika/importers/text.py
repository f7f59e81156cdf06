"""`patrika import text`: one bilingual story per plain-text dump, cleaned by the general rules
of patrika.importers.textdump (boilerplate, keyword stuffing, sources, languages, headings)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from django.utils import timezone

from patrika.editorial.lint.phrases import fold
from patrika.newsroom.models import Story, StoryStatus
from patrika.newsroom.services import StoryData, TranslationData

from .base import (
    BaseImporter,
    ImportFileError,
    ItemError,
    checksum,
    public_url_or_warn,
    story_find_by_title,
    story_upsert,
)
from .textdump import ParsedDump, parse_dump

__all__ = ["TextImporter", "decode_text", "parse_dump", "story_key"]


def decode_text(raw: bytes, *, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ImportFileError(
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} at column {column}); "
            "save the file as UTF-8 and import it again",
            file=path,
            line=line,
        ) from None


def story_key(parsed: ParsedDump) -> str:
    # Path-independent: the same story imported from another folder or name still updates.
    title = parsed.translations[0].title
    return "text:" + hashlib.sha1(fold(title).encode("utf-8", "surrogatepass")).hexdigest()[:24]


class TextImporter(BaseImporter):
    name = "text"
    suffixes = (".txt", ".text", ".md")

    def import_file(self, path: Path, *, advance: Callable[..., None]) -> None:
        try:
            text = decode_text(path.read_bytes(), path=path)
            where = str(path)
            try:
                parsed = parse_dump(text, language=self.options.language)
            except ItemError as error:
                raise ImportFileError(str(error), file=path) from None
            for warning in parsed.warnings:
                self.result.warn(where, warning)
            for source in parsed.sources:
                source.url = public_url_or_warn(
                    source.url, result=self.result, where=where, what=f"source {source.title!r}"
                )
            self.upsert(parsed, where=where)
        finally:
            advance()

    def upsert(self, parsed: ParsedDump, *, where: str) -> Story | None:
        key = story_key(parsed)
        original = parsed.translations[0]
        digest = checksum(
            [vars(t) for t in parsed.translations],
            parsed.tags,
            parsed.authors,
            [vars(s) for s in parsed.sources],
            self.options.publish,
        )

        def find_foreign() -> Story | None:
            return story_find_by_title(language=original.language, title=original.title)

        def build(existing: Story | None) -> StoryData:
            publish = self.options.publish
            status = (
                StoryStatus.PUBLISHED
                if publish
                else (existing.status if existing else StoryStatus.DRAFT)
            )
            published_at = existing.published_at if existing else None
            if publish and published_at is None:
                published_at = timezone.now()
            return StoryData(
                translations=[
                    TranslationData(language=t.language, title=t.title, body=t.body)
                    for t in parsed.translations
                ],
                original_language=parsed.original_language,
                status=status,
                published_at=published_at,
                section=existing.section if existing else None,
                featured_image=existing.featured_image if existing else None,
                tags=parsed.tags,
                authors=parsed.authors,
                sources=parsed.sources,
            )

        return story_upsert(
            key=key,
            importer=self.name,
            where=where,
            digest=digest,
            build=build,
            result=self.result,
            options=self.options,
            find_foreign=find_foreign,
        )
