"""Reads of the editorial app: a story's lint findings, their counts, and what keeps a story
from being published."""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.utils.translation import gettext as _

from patrika.newsroom.models import Story, StoryStatus

from .lint import ERROR, Document, Finding, lint_document
from .lint.documents import document_from_story
from .models import ReviewComment


def story_lint(*, story: Story) -> list[Finding]:
    return lint_document(document_from_story(story))


def story_lint_counts(*, story: Story) -> Counter[str]:
    """Findings per level ("error", "warning", "info")."""
    return Counter(finding.level for finding in story_lint(story=story))


def document_publish_blockers(*, document: Document) -> list[Finding]:
    """The findings that keep `document` from going live: its errors, when
    PATRIKA_LINT_BLOCK_PUBLISH is on; none otherwise."""
    if not settings.PATRIKA_LINT_BLOCK_PUBLISH:
        return []
    return [f for f in lint_document(document) if f.level == ERROR]


def story_publish_blockers(*, story: Story) -> list[str]:
    """For `PATRIKA_PUBLISH_CHECKS`: why `story` may not be published, one line per finding."""
    return [
        describe(finding)
        for finding in document_publish_blockers(document=document_from_story(story))
    ]


def describe(finding: Finding) -> str:
    """One line for a person: where, which rule, what."""
    if finding.paragraph is None:
        place = _("%(language)s title") % {"language": finding.language}
    else:
        place = _("%(language)s paragraph %(number)d") % {
            "language": finding.language,
            "number": finding.paragraph + 1,
        }
    return f"{place} · {finding.rule}: {finding.message}"


def review_comment_list(*, story: Story) -> list[ReviewComment]:
    return list(story.review_comments.select_related("author"))


def desk_stories(*, user: User | AnonymousUser, limit: int = 20) -> dict[str, list]:
    """The admin's front page: the person's own unfinished stories, what waits for review,
    and what is scheduled (soonest first)."""
    stories = Story.objects.prefetch_related("translations")
    open_statuses = [StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.APPROVED]
    return {
        "mine": list(
            stories.filter(created_by_id=user.pk, status__in=open_statuses).order_by("-updated_at")[
                :limit
            ]
        ),
        "review": list(
            stories.filter(status__in=[StoryStatus.IN_REVIEW, StoryStatus.APPROVED]).order_by(
                "updated_at"
            )[:limit]
        ),
        "scheduled": list(
            stories.filter(status=StoryStatus.SCHEDULED).order_by("published_at")[:limit]
        ),
    }
