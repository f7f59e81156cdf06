"""Documents for the linter from what Patrika has: a saved story, a story form not yet saved,
or a plain-text dump read by the importer's own parser (boilerplate and stuffing kept in
place, so the linter can point at them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from patrika.importers.textdump import parse_dump
from patrika.newsroom.models import Story, Translation

from .base import Document, Text


def text_from_fields(fields: Mapping[str, Any]) -> Text:
    """A translation from its model fields (a Translation's, or a form's cleaned data)."""
    return Text(
        language=fields.get("language") or "",
        title=fields.get("title") or "",
        body=fields.get("body") or "",
        description=fields.get("seo_description") or fields.get("summary") or "",
        image_alt=fields.get("image_alt") or "",
    )


def text_from_translation(translation: Translation) -> Text:
    return text_from_fields(vars(translation))


def document_from_story(
    story: Story, *, translations: Iterable[Text] | None = None, sources: list[str] | None = None
) -> Document:
    """`story` as the linter sees it; `translations`/`sources` replace the saved ones (a form
    being checked before it is saved). Reads prefetched translations and sources."""
    texts = list(translations) if translations is not None else None
    if texts is None:
        texts = [text_from_translation(t) for t in story.translations.all()]
    if sources is None:
        sources = [s.title for s in story.sources.all()] if story.pk else []
    return Document(
        texts=texts,
        story=story.pk,
        original_language=story.original_language,
        has_image=story.featured_image_id is not None,
        sources=sources,
    )


def document_from_dump(text: str, *, name: str) -> Document:
    parsed = parse_dump(text, keep_noise=True)
    return Document(
        texts=[Text(language=t.language, title=t.title, body=t.body) for t in parsed.translations],
        story=name,
        original_language=parsed.original_language,
        sources=[source.title for source in parsed.sources],
    )
