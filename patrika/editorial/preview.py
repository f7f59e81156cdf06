"""Previews of a story before readers see it: for staff from the story form, and through a
signed link that expires (PATRIKA_PREVIEW_LINK_HOURS) for someone without a login.

The link carries only the story's id, signed with SECRET_KEY and a timestamp
(django.core.signing): it cannot be forged or extended, and it opens nothing but that story.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing

from patrika.newsroom.baking import ensure_baked
from patrika.newsroom.models import Story, Translation

_SALT = "patrika.editorial.preview"


def preview_token_make(*, story: Story) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(story.pk))


def preview_story_from_token(*, token: str) -> Story | None:
    """The story of a preview link, or None when the link is forged, altered or expired."""
    max_age = settings.PATRIKA_PREVIEW_LINK_HOURS * 3600
    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:
        return None
    return Story.objects.filter(pk=int(pk)).first()


def preview_translation(*, story: Story, lang: str) -> Translation | None:
    """The story's text in `lang` whatever its state, with the story baked as pages read it."""
    translation = story.translations.filter(language=lang).first()
    if translation is None:
        return None
    ensure_baked([story])
    translation.story = story
    return translation
