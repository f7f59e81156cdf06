"""Translations kept in step with their source.

Each translation has a text version, bumped whenever its title, summary or body change (a
digest of the text tells), and a translation made from another one — the story's original
language — records that source's language, version and text at the time. When the source's
version moves past it, a ready translation becomes "needs update": it stays public with a
notice (`source_changed_at` says since when) until a person marks it up to date, which records
the source's current version. Nothing else clears the flag: a form saved unchanged, or with
"ready" chosen again, leaves it.

The functions here work on translations in memory; newsroom.services calls them (story_save
and story_touch through `translations_keep_in_step`, one place) and saves the result.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime

from patrika.text import normalize
from patrika.textdiff import ParagraphChange, canonical, diff_paragraphs

from .models import Story, Translation, TranslationState

TEXT_FIELDS = ("title", "summary", "body")
# What translations_keep_in_step may change: save these.
TRACKED_FIELDS = [
    "state",
    "text_version",
    "text_digest",
    "source_language",
    "source_version",
    "source_text",
    "source_changed_at",
]


def text_snapshot(translation: Translation) -> dict[str, str]:
    """The text that versions count, as stored and compared (NFC, canonical line ends)."""
    return {name: canonical(normalize(getattr(translation, name))) for name in TEXT_FIELDS}


def text_digest(translation: Translation) -> str:
    data = json.dumps(text_snapshot(translation), ensure_ascii=False, sort_keys=True)
    # surrogatepass: a lone surrogate is refused when the text is stored, not here.
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def source_of(story: Story, translations: Iterable[Translation]) -> Translation | None:
    """The translation the others are made from: the story's original language's."""
    return next((t for t in translations if t.language == story.original_language), None)


def is_behind(translation: Translation, source: Translation | None) -> bool:
    """Made from an older version of `source` than its current one."""
    return (
        source is not None
        and translation is not source
        and translation.source_language == source.language
        and translation.source_version is not None
        and translation.source_version < source.text_version
    )


def translation_take_source(translation: Translation, source: Translation) -> None:
    """Record `source`'s current version and text as what `translation` is made from."""
    translation.source_language = source.language
    translation.source_version = source.text_version
    translation.source_text = text_snapshot(source)


def translations_keep_in_step(
    *, story: Story, translations: list[Translation], now: datetime
) -> list[Translation]:
    """Bring the version fields of `translations` (every translation of `story`, as about to be
    or just saved) up to date, and return those whose fields changed.

    A text that changed gets the next version. A translation with no recorded source (new, or
    the story's original language changed) is taken as made from the source's current text.
    A ready one made from an older version becomes "needs update", public, since `now`; one
    already flagged that way keeps the flag and moves its time to `now` when the source changes
    again. Drafts are left as they are.
    """
    changed: list[Translation] = []
    moved: set[str] = set()
    for translation in translations:
        digest = text_digest(translation)
        if digest == translation.text_digest:
            continue
        if translation.text_digest:
            translation.text_version += 1
            moved.add(translation.language)
        translation.text_digest = digest
        changed.append(translation)

    source = source_of(story, translations)
    for translation in translations:
        before = [getattr(translation, name) for name in TRACKED_FIELDS]
        if source is None or translation is source:
            translation.source_language, translation.source_version = "", None
            translation.source_text, translation.source_changed_at = {}, None
        elif translation.source_language != source.language or translation.source_version is None:
            translation_take_source(translation, source)
        elif is_behind(translation, source) and (
            translation.state == TranslationState.READY
            or (translation.is_public and source.language in moved)
        ):
            translation.state = TranslationState.NEEDS_UPDATE
            if source.language in moved or translation.source_changed_at is None:
                translation.source_changed_at = now
        after = [getattr(translation, name) for name in TRACKED_FIELDS]
        if after != before and translation not in changed:
            changed.append(translation)
    return changed


def source_changes(
    translation: Translation, source: Translation
) -> dict[str, list[ParagraphChange]]:
    """What changed in `source` since `translation` was made from it, per text field (only
    the fields that changed), paragraph by paragraph."""
    then = translation.source_text or {}
    now = text_snapshot(source)
    changes = {name: diff_paragraphs(then.get(name, ""), now[name]) for name in TEXT_FIELDS}
    return {name: found for name, found in changes.items() if found}
