"""Revisions of a story with all its translations and sources, kept by django-reversion.

Why django-reversion: it is maintained (Django 5.2 supported), stores each revision as one
row per object in its own tables (no schema change to Story), follows relations (a story's
translations and sources are saved together with it, so one revision is the whole story in
every language), records who and when, and reverts a revision in a transaction. What it does
not do — a diff a newsroom can read, in Devanagari too — is patrika.editorial.diff.

The story admin wraps every save in a revision (desk_admin); restoring is a revision too.
"""

from __future__ import annotations

from dataclasses import dataclass

import reversion
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from reversion.models import Version

from patrika.newsroom import services as newsroom
from patrika.newsroom.models import SourceAttribution, Story, Translation

from .access import story_can_edit

# What a reader or an editor would call a change: text fields of each translation, and the
# story's own fields that are not the workflow's (status has its own history: the desk).
TRANSLATION_FIELDS = ["title", "summary", "body", "seo_description", "image_alt", "image_caption"]
STORY_FIELDS = ["section", "original_language", "featured_image", "comments_open"]


def revisions_register() -> None:
    if not reversion.is_registered(Story):
        reversion.register(Story, follow=["translations", "sources"])
        reversion.register(Translation)
        reversion.register(SourceAttribution)


@dataclass
class Revision:
    version: Version
    texts: dict[str, str]  # "hi: body" → text

    @property
    def id(self) -> int:
        return self.version.revision_id


def _texts(version: Version) -> dict[str, str]:
    texts = {f"{name}": str(version.field_dict.get(name, "")) for name in STORY_FIELDS}
    translation_type = ContentType.objects.get_for_model(Translation)
    for other in version.revision.version_set.filter(content_type=translation_type):
        fields = other.field_dict
        for name in TRANSLATION_FIELDS:
            texts[f"{fields['language']}: {name}"] = str(fields.get(name, ""))
    return texts


def story_revisions(*, story: Story) -> list[Revision]:
    """Newest first, each with the texts it holds (for "which fields" and the diff)."""
    versions = Version.objects.get_for_object(story).select_related("revision__user")
    return [Revision(version=v, texts=_texts(v)) for v in versions]


def revision_changed_fields(*, revision: Revision, before: Revision | None) -> list[str]:
    if before is None:
        return sorted(k for k, v in revision.texts.items() if v)
    keys = revision.texts.keys() | before.texts.keys()
    return sorted(k for k in keys if revision.texts.get(k, "") != before.texts.get(k, ""))


def revision_get(*, story: Story, revision_id: int) -> Revision | None:
    return next((r for r in story_revisions(story=story) if r.id == revision_id), None)


@transaction.atomic
def story_revision_restore(*, story: Story, revision: Revision, by: User) -> Story:
    """Bring back the story's text, translations and sources as they were in `revision`; the
    status and publication time stay as they are now (those change only on the desk). The
    restore is itself a new revision."""
    if not story_can_edit(story=story, user=by):
        raise PermissionDenied
    status, published_at = story.status, story.published_at
    with reversion.create_revision():
        revision.version.revision.revert(delete=True)
        story.refresh_from_db()
        story.status, story.published_at = status, published_at
        story.save()
        for translation in story.translations.all():
            # Saved again so the body's HTML is rendered from the restored Markdown.
            translation.save()
        reversion.set_user(by)
        reversion.set_comment(
            _("Restored the revision of %(when)s.")
            % {"when": revision.version.revision.date_created.isoformat(timespec="minutes")}
        )
    newsroom.story_touch(story=story)
    return story
