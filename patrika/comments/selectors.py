"""Reads of comments. Public reads return `PublicComment`s, which carry no email address."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from patrika.newsroom.models import Story
from patrika.safe_url import public_url_or_empty

from . import conf
from .avatars import avatar_svg
from .models import Comment, CommentStatus
from .text import render, visible


def comments_close_at(*, story: Story) -> datetime | None:
    days = conf.close_after_days()
    if not days or not story.published_at:
        return None
    return story.published_at + timedelta(days=days)


def comments_are_open(*, story: Story) -> bool:
    """Open when the story allows comments and is not older than CLOSE_AFTER_DAYS."""
    if not story.comments_open:
        return False
    close_at = comments_close_at(story=story)
    return close_at is None or timezone.now() < close_at


def comment_counts(*, story_ids: list[int]) -> dict[int, int]:
    """Approved comments per story, for listings (stories without comments are left out)."""
    if not story_ids:
        return {}
    rows = (
        Comment.objects.filter(story_id__in=story_ids, status=CommentStatus.APPROVED)
        .values("story_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["story_id"]: row["n"] for row in rows}


@dataclass
class PublicComment:
    """A comment as readers see it: public fields only, the body already rendered."""

    id: int
    name: str
    website: str
    body_html: SafeString
    created_at: datetime
    language: str
    avatar: SafeString
    is_pending: bool
    parent_id: int | None
    depth: int = 0
    can_reply: bool = False
    children: list[PublicComment] = field(default_factory=list)


def _public(comment: Comment) -> PublicComment:
    return PublicComment(
        id=comment.pk,
        name=visible(comment.name) or gettext("Anonymous"),
        website=public_url_or_empty(comment.website),
        body_html=render(comment.body),
        created_at=comment.created_at,
        language=comment.language,
        avatar=avatar_svg(email=comment.email),
        is_pending=comment.status == CommentStatus.PENDING,
        parent_id=comment.parent_id,
    )


@dataclass
class CommentThread:
    roots: list[PublicComment]
    approved_count: int
    own_pending: list[int]


def comment_thread(
    *, story: Story, own_ids: Collection[int] = (), replies_open: bool = True
) -> CommentThread:
    """Approved comments of `story`, oldest first, nested under their parents, plus the
    reader's own pending comments (`own_ids`, from their signed cookie).

    A reply whose parent is not shown (trashed, or erased) moves up to the top level."""
    rows = Comment.objects.filter(story=story, status=CommentStatus.APPROVED)
    if own_ids:
        rows = rows | Comment.objects.filter(
            story=story, status=CommentStatus.PENDING, pk__in=list(own_ids)[:50]
        )
    nodes = {c.pk: _public(c) for c in rows.order_by("created_at", "id")}
    roots: list[PublicComment] = []
    max_depth = conf.max_depth()
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id else None
        if parent is not None and parent.created_at <= node.created_at:
            node.depth = parent.depth + 1
            parent.children.append(node)
        else:
            roots.append(node)
        node.can_reply = replies_open and not node.is_pending and node.depth < max_depth - 1
    approved = sum(1 for n in nodes.values() if not n.is_pending)
    own = [n.id for n in nodes.values() if n.is_pending]
    return CommentThread(roots=roots, approved_count=approved, own_pending=own)


def comment_get_public(*, story: Story, comment_id: int) -> Comment | None:
    """An approved comment of `story` (what a reply may answer)."""
    return Comment.objects.filter(story=story, pk=comment_id, status=CommentStatus.APPROVED).first()


def comment_depth(*, comment: Comment) -> int:
    """0 for a top-level comment; stops counting at the configured maximum."""
    depth, parent_id = 0, comment.parent_id
    while parent_id and depth < conf.max_depth():
        depth += 1
        parent_id = Comment.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
    return depth


def commenter_is_known(*, name: str, email: str) -> bool:
    """Has this name + email an approved comment already?"""
    return Comment.objects.filter(
        email=email.lower(), name=name, status=CommentStatus.APPROVED
    ).exists()


def comment_list_feed(*, story: Story | None = None, limit: int = 50) -> list[Comment]:
    """Latest approved comments, newest first (site-wide, or of one live story)."""
    comments = Comment.objects.filter(
        status=CommentStatus.APPROVED, story__in=Story.objects.live()
    ).defer("email", "ip_address", "user_agent")
    if story is not None:
        comments = comments.filter(story=story)
    return list(
        comments.select_related("story")
        .prefetch_related("story__translations")
        .order_by("-created_at", "-id")[:limit]
    )


def comment_find_duplicate(*, story: Story, email: str, body: str) -> Comment | None:
    """The same text from the same address on the same story, not yet thrown away."""
    return (
        Comment.objects.filter(story=story, email=email.lower(), body=body)
        .exclude(status=CommentStatus.TRASH)
        .first()
    )


def commenter_comments(*, email: str) -> QuerySet[Comment]:
    return Comment.objects.filter(email__iexact=email.strip()).order_by("created_at", "id")


def moderation_counts() -> dict[str, int]:
    rows = Comment.objects.values("status").annotate(n=Count("id")).order_by()
    return {row["status"]: row["n"] for row in rows}
