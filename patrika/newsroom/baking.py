"""Bake what public pages show of a story's relations into `Story.meta`.

Pages, listings and feeds then read a story in one query. The baked data is a pure function
of the story's rows; `story_bake` rewrites it whenever one of them changes (services call it,
and receivers cover edits of shared rows such as a tag's name or a section's names).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.files.storage import default_storage

from patrika import languages

from .models import (
    Author,
    Image,
    SectionName,
    SourceAttribution,
    Story,
    Tag,
    Translation,
    TranslationState,
)

# 2: tags carry their names per language, translations their image alt text.
META_VERSION = 2


def image_meta(image: Image) -> dict[str, Any]:
    renditions = sorted(image.renditions.items(), key=lambda item: int(item[0]))
    return {
        "url": image.url,
        "local": bool(image.file),
        "width": image.width,
        "height": image.height,
        "credit": image.credit,
        "srcset": ", ".join(f"{default_storage.url(name)} {w}w" for w, name in renditions),
    }


def story_meta(story: Story) -> dict[str, Any]:
    """Bake from the story's relations (prefetch them)."""
    return meta_from(
        story,
        section_names=list(story.section.names.all()) if story.section else [],
        tags=story.tags.all(),
        authors=story.authors.all(),
        sources=story.sources.all(),
        translations=story.translations.all(),
    )


def meta_from(
    story: Story,
    *,
    section_names: Iterable[SectionName],
    tags: Iterable[Tag],  # with their names prefetched
    authors: Iterable[Author],
    sources: Iterable[SourceAttribution],
    translations: Iterable[Translation],
) -> dict[str, Any]:
    """Bake from rows already in hand (story_save passes what it has just written)."""
    section = story.section
    return {
        "v": META_VERSION,
        "section": {"slug": section.slug, "names": {n.language: n.name for n in section_names}}
        if section
        else None,
        "tags": [
            {"name": t.name, "slug": t.slug, "names": {n.language: n.name for n in t.names.all()}}
            for t in tags
        ],
        "authors": [{"name": a.name, "slug": a.slug} for a in authors],
        "sources": [{"title": s.title, "publisher": s.publisher, "url": s.url} for s in sources],
        "image": image_meta(story.featured_image) if story.featured_image else None,
        # In settings order, so every page lists the languages the same way.
        "translations": {
            t.language: {
                "language": t.language,
                "title": t.title,
                "slug": t.slug,
                "url": t.get_absolute_url(),
                "summary": t.summary,
                "description": t.description,
                "image_alt": t.image_alt,
                "updated": t.updated_at.isoformat(),
                # Public but made from an older version of its source (newsroom.instep):
                # pages say so, and date the change.
                "behind": {"source": t.source_language, "since": t.source_changed_at.isoformat()}
                if t.state == TranslationState.NEEDS_UPDATE and t.source_changed_at
                else None,
            }
            for t in sorted(translations, key=lambda t: _order(t.language))
            if t.is_public
        },
    }


def baked_name(item: dict[str, Any] | None, language: str) -> str:
    """A baked section's or tag's name in `language`; else the tag's own name, else the name
    in any language, else the slug."""
    if not item:
        return ""
    names = item.get("names") or {}
    return names.get(language) or item.get("name") or next(iter(names.values()), item["slug"])


def _order(language: str) -> int:
    codes = languages.codes()
    return codes.index(language) if language in codes else len(codes)


def story_bake(*, story: Story) -> dict[str, Any]:
    fresh = (
        Story.objects.select_related("section", "featured_image")
        .prefetch_related("section__names", "tags__names", "authors", "sources", "translations")
        .get(pk=story.pk)
    )
    meta = story_meta(fresh)
    # A queryset update: baking is not an edit, so updated_at stays as it was.
    Story.objects.filter(pk=story.pk).update(meta=meta)
    story.meta = meta
    return meta


def stories_bake(*, stories: Iterable[Story]) -> int:
    count = 0
    for story in stories:
        story_bake(story=story)
        count += 1
    return count


def ensure_baked(stories: Iterable[Story]) -> None:
    """Bake stories written before baking existed or by code that bypassed the services."""
    for story in stories:
        if story.meta.get("v") != META_VERSION:
            story_bake(story=story)
