"""The desk's state changes of a story, one service per change:

    draft → in review → approved → published / scheduled → archived
      ↑________ sent back ______|        │ unpublished → draft

Each checks who asks (patrika.editorial.access) and where the story stands, then writes
through patrika.newsroom.services, which bakes and announces the change. Views and admin
actions call these and only report what they return.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from patrika.newsroom import services as newsroom
from patrika.newsroom.models import Story, StoryStatus

from .access import story_can_edit, user_can_publish
from .models import ReviewComment


class TransitionRefused(Exception):
    """The story is not in a state this change starts from (the message says which)."""


def _require(story: Story, *allowed: str) -> None:
    if story.status not in allowed:
        raise TransitionRefused(
            _("Not done: the story is “%(status)s”.") % {"status": story.get_status_display()}
        )


def _require_publisher(by: User) -> None:
    if not user_can_publish(user=by):
        raise PermissionDenied


def _set_status(story: Story, status: str) -> Story:
    return newsroom.story_status_set(story=story, status=status)


@transaction.atomic
def review_comment_add(*, story: Story, by: User, body: str) -> ReviewComment:
    if not (by.is_active and by.has_perm("newsroom.view_story")):
        raise PermissionDenied
    return ReviewComment.objects.create(story=story, author=by, body=body.strip())


@transaction.atomic
def story_submit(*, story: Story, by: User) -> Story:
    """The writer hands a draft to the editors."""
    if not story_can_edit(story=story, user=by):
        raise PermissionDenied
    _require(story, StoryStatus.DRAFT)
    return _set_status(story, StoryStatus.IN_REVIEW)


@transaction.atomic
def story_send_back(*, story: Story, by: User, note: str = "") -> Story:
    """A reviewer returns the story to its writer as a draft, with what to change."""
    _require_publisher(by)
    _require(story, StoryStatus.IN_REVIEW, StoryStatus.APPROVED)
    if note.strip():
        review_comment_add(story=story, by=by, body=note)
    return _set_status(story, StoryStatus.DRAFT)


@transaction.atomic
def story_approve(*, story: Story, by: User) -> Story:
    _require_publisher(by)
    _require(story, StoryStatus.IN_REVIEW)
    return _set_status(story, StoryStatus.APPROVED)


@transaction.atomic
def story_publish_now(*, story: Story, by: User) -> Story:
    """Live from this moment. Raises newsroom.services.PublishBlocked when a check refuses."""
    _require_publisher(by)
    _require(story, StoryStatus.APPROVED, StoryStatus.SCHEDULED, StoryStatus.ARCHIVED)
    return newsroom.story_publish(story=story, at=timezone.now())


@transaction.atomic
def story_schedule(*, story: Story, by: User, at: datetime | None) -> Story:
    """Live by itself at `at`, which must be in the future."""
    _require_publisher(by)
    _require(story, StoryStatus.APPROVED, StoryStatus.SCHEDULED, StoryStatus.ARCHIVED)
    if at is None:
        raise TransitionRefused(_("Not scheduled: give a date and time."))
    if at <= timezone.now():
        raise TransitionRefused(_("Not scheduled: the time is already past."))
    return newsroom.story_publish(story=story, at=at)


@transaction.atomic
def story_unpublish(*, story: Story, by: User) -> Story:
    """Off the site (or no longer scheduled), back to draft."""
    _require_publisher(by)
    _require(story, StoryStatus.PUBLISHED, StoryStatus.SCHEDULED)
    return newsroom.story_unpublish(story=story)


@transaction.atomic
def story_archive(*, story: Story, by: User) -> Story:
    _require_publisher(by)
    _require(story, StoryStatus.PUBLISHED)
    return _set_status(story, StoryStatus.ARCHIVED)
