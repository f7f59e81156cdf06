"""Writes of comments. Every state change of a comment goes through a function here (posting,
moderating, erasing), so the classifier, notifications and later cache invalidation hook in at
one place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from patrika.newsroom.models import Story

from . import conf, selectors, spam, tasks
from .models import Comment, CommentStatus
from .signals import announce
from .spam.rate import rate_limit_hit, retry_after

# What the classifier learns from each status a moderator sets.
_LABELS = {CommentStatus.SPAM: "spam", CommentStatus.APPROVED: "ham"}


@dataclass(frozen=True)
class CommentDraft:
    """A reader's comment, already cleaned and validated by the form."""

    story: Story
    language: str
    name: str
    email: str
    body: str
    website: str = ""
    parent: Comment | None = None
    ip_address: str | None = None
    user_agent: str = ""
    submission_key: str = ""
    permalink: str = ""


class CommentRejected(Exception):
    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CommentsClosed(CommentRejected):
    status_code = 403


class RateLimited(CommentRejected):
    status_code = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class PostResult:
    comment: Comment
    # False when this was the same form sent again, or the same text posted twice: the
    # earlier comment is returned and nothing new is stored.
    created: bool


def _rate_limit(draft: CommentDraft) -> None:
    for scope, ident in (("ip", draft.ip_address or ""), ("email", draft.email)):
        if rate_limit_hit(scope=scope, ident=ident):
            wait = retry_after(scope=scope)
            minutes = max(1, round(wait / 60))
            raise RateLimited(
                gettext(
                    "You have posted several comments in a short time. Please wait about "
                    "%(minutes)d minute(s) and send it again; your text is kept below."
                )
                % {"minutes": minutes},
                retry_after=wait,
            )


def _thread_parent(parent: Comment | None) -> Comment | None:
    """Replies nest at most MAX_DEPTH deep: a reply to a deeper comment answers its parent."""
    while parent is not None and selectors.comment_depth(comment=parent) >= conf.max_depth() - 1:
        parent = parent.parent
    return parent


def comment_post(*, draft: CommentDraft) -> PostResult:
    """Store a reader's comment as pending, approved (a known commenter) or spam.

    Raises CommentsClosed or RateLimited; returns the earlier comment for a repeated form.
    """
    if not selectors.comments_are_open(story=draft.story):
        raise CommentsClosed(gettext("Comments are closed on this story."))
    if draft.submission_key:
        earlier = Comment.objects.filter(submission_key=draft.submission_key).first()
        if earlier is not None:
            return PostResult(earlier, created=False)
    duplicate = selectors.comment_find_duplicate(
        story=draft.story, email=draft.email, body=draft.body
    )
    if duplicate is not None:
        return PostResult(duplicate, created=False)
    _rate_limit(draft)

    submission = spam.Submission(
        language=draft.language,
        name=draft.name,
        email=draft.email.strip().lower(),
        website=draft.website,
        body=draft.body,
        ip_address=draft.ip_address,
        user_agent=draft.user_agent,
        permalink=draft.permalink,
    )
    assessment = spam.assess(submission)
    if assessment.is_spam:
        status = CommentStatus.SPAM
    elif (
        conf.auto_approve_known()
        and (assessment.score is None or assessment.score < conf.auto_approve_max_score())
        and selectors.commenter_is_known(name=draft.name, email=draft.email)
    ):
        status = CommentStatus.APPROVED
    else:
        status = CommentStatus.PENDING

    comment = Comment(
        story=draft.story,
        parent=_thread_parent(draft.parent),
        language=draft.language,
        name=draft.name,
        email=draft.email.strip().lower(),
        website=draft.website,
        body=draft.body,
        status=status,
        ip_address=draft.ip_address,
        user_agent=draft.user_agent[:300],
        spam_score=assessment.score,
        spam_reason=assessment.reason,
        submission_key=draft.submission_key,
    )
    try:
        with transaction.atomic():
            comment.save()
            if status == CommentStatus.APPROVED:
                announce(story_ids=[comment.story_id])
            if status != CommentStatus.SPAM and conf.notify_authors():
                # The job is a row in the same transaction: it exists exactly when the comment
                # does, and the worker mails outside this request (a slow server cannot hold it).
                tasks.comment_notify_authors.enqueue(comment_id=comment.pk)
    except IntegrityError:
        # Two copies of one form raced each other: the other one was stored first.
        earlier = Comment.objects.filter(submission_key=draft.submission_key).first()
        if earlier is None:
            raise
        return PostResult(earlier, created=False)
    return PostResult(comment, created=True)


def comment_moderate(*, comments: Iterable[Comment], status: str, by: Any | None) -> int:
    """Set `status` on `comments`; returns how many changed.

    With a moderator (`by`), the decision teaches the spam checkers: spam and approved are
    lessons, and changing one's mind (spam → approved, or → trash) takes the old lesson back.
    """
    if status not in CommentStatus.values:
        raise ValueError(f"unknown comment status {status!r}")
    now = timezone.now()
    lessons: list[spam.Lesson] = []
    changed = 0
    stories: set[int] = set()
    with transaction.atomic():
        for comment in comments:
            if comment.status == status:
                continue
            if CommentStatus.APPROVED in (comment.status, status):
                stories.add(comment.story_id)
            fields = ["status", "moderated_at", "moderated_by"]
            if by is not None:
                label = _LABELS.get(CommentStatus(status), "")
                lessons.append(
                    spam.Lesson(
                        spam.Submission.from_comment(comment), was=comment.spam_trained, now=label
                    )
                )
                comment.spam_trained = label
                fields.append("spam_trained")
            comment.status = status
            comment.moderated_at = now
            comment.moderated_by = by if by is not None and by.pk else None
            comment.save(update_fields=fields)
            changed += 1
        announce(story_ids=stories)
    spam.learn(lessons)
    return changed


def commenter_export(*, email: str) -> dict[str, Any]:
    """Everything stored about the commenter with this address (for an access request)."""
    comments = []
    for c in selectors.commenter_comments(email=email).select_related("story"):
        comments.append(
            {
                "id": c.pk,
                "story_id": c.story_id,
                "story": str(c.story),
                "parent_id": c.parent_id,
                "language": c.language,
                "name": c.name,
                "email": c.email,
                "website": c.website,
                "body": c.body,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
                "ip_address": c.ip_address,
                "user_agent": c.user_agent,
            }
        )
    return {"email": email.strip(), "exported_at": timezone.now().isoformat(), "comments": comments}


@transaction.atomic
def commenter_erase(*, email: str, delete: bool = False) -> int:
    """Erase the commenter's personal data; returns how many comments were touched.

    By default the comments stay (so replies still make sense) with name, email, website, IP
    and user agent removed; with `delete` they are removed, and replies by other people move
    up to the erased comment's parent instead of disappearing.
    """
    comments = list(selectors.commenter_comments(email=email))
    if not email.strip() or not comments:
        return 0
    announce(story_ids=[c.story_id for c in comments if c.status == CommentStatus.APPROVED])
    if delete:
        for comment in comments:
            Comment.objects.filter(parent=comment).update(parent=comment.parent_id)
        Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()
        return len(comments)
    Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
        name="", email="", website="", ip_address=None, user_agent=""
    )
    return len(comments)
