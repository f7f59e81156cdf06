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

from .models import Image, Story, TranslationState

META_VERSION = 1


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
    section = story.section
    return {
        "v": META_VERSION,
        "section": {
            "slug": section.slug,
            "names": {n.language: n.name for n in section.names.all()},
        }
        if section
        else None,
        "tags": [{"name": t.name, "slug": t.slug} for t in story.tags.all()],
        "authors": [{"name": a.name, "slug": a.slug} for a in story.authors.all()],
        "sources": [
            {"title": s.title, "publisher": s.publisher, "url": s.url} for s in story.sources.all()
        ],
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
                "updated": t.updated_at.isoformat(),
            }
            for t in sorted(story.translations.all(), key=lambda t: _order(t.language))
            if t.state == TranslationState.READY
        },
    }


def _order(language: str) -> int:
    codes = languages.codes()
    return codes.index(language) if language in codes else len(codes)


def story_bake(*, story: Story) -> dict[str, Any]:
    fresh = (
        Story.objects.select_related("section", "featured_image")
        .prefetch_related("section__names", "tags", "authors", "sources", "translations")
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
