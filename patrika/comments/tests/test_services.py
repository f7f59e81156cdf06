"""comment_post and comment_moderate: held, auto-approved, spam, learnt, notified."""

from __future__ import annotations

import socket

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from patrika.comments import services
from patrika.comments.models import Comment, CommentStatus, SpamToken
from patrika.comments.services import CommentDraft

from .conftest import run_worker

pytestmark = pytest.mark.django_db


def _draft(story, **values) -> CommentDraft:
    fields = {
        "story": story,
        "language": "en",
        "name": "Ravi",
        "email": "ravi@example.org",
        "body": "Interesting analysis of the talks.",
        "ip_address": "203.0.113.5",
    }
    fields.update(values)
    return CommentDraft(**fields)


def test_first_time_commenter_is_held(story) -> None:
    result = services.comment_post(draft=_draft(story))
    assert result.created and result.comment.status == CommentStatus.PENDING


def test_known_commenter_is_approved_automatically(story, admin_user) -> None:
    first = services.comment_post(draft=_draft(story)).comment
    services.comment_moderate(comments=[first], status=CommentStatus.APPROVED, by=admin_user)
    second = services.comment_post(draft=_draft(story, body="And another thought.")).comment
    assert second.status == CommentStatus.APPROVED


def test_known_email_under_another_name_is_held(story, admin_user) -> None:
    first = services.comment_post(draft=_draft(story)).comment
    services.comment_moderate(comments=[first], status=CommentStatus.APPROVED, by=admin_user)
    other = services.comment_post(draft=_draft(story, name="Not Ravi", body="hm")).comment
    assert other.status == CommentStatus.PENDING


def test_auto_approval_can_be_switched_off(story, admin_user, settings) -> None:
    settings.PATRIKA_COMMENTS_AUTO_APPROVE_KNOWN = False
    first = services.comment_post(draft=_draft(story)).comment
    services.comment_moderate(comments=[first], status=CommentStatus.APPROVED, by=admin_user)
    second = services.comment_post(draft=_draft(story, body="Again.")).comment
    assert second.status == CommentStatus.PENDING


def test_known_commenter_with_links_is_still_held(story, admin_user) -> None:
    first = services.comment_post(draft=_draft(story)).comment
    services.comment_moderate(comments=[first], status=CommentStatus.APPROVED, by=admin_user)
    linked = services.comment_post(
        draft=_draft(story, body="see http://a.example and http://b.example")
    ).comment
    assert linked.status == CommentStatus.PENDING
    assert linked.spam_score == 0.5 and "links: 2 links" in linked.spam_reason


def test_too_many_links_past_the_form_is_spam(story) -> None:
    body = " ".join(f"http://spam{n}.example" for n in range(5))
    comment = services.comment_post(draft=_draft(story, body=body)).comment
    assert comment.status == CommentStatus.SPAM and comment.spam_score == 1.0


def test_closed_story_refuses(story) -> None:
    story.comments_open = False
    story.save()
    with pytest.raises(services.CommentsClosed):
        services.comment_post(draft=_draft(story))
    assert not Comment.objects.exists()


def test_moderation_teaches_the_classifier_and_can_be_undone(story, admin_user) -> None:
    comment = services.comment_post(draft=_draft(story, body="cheap pills online")).comment
    services.comment_moderate(comments=[comment], status=CommentStatus.SPAM, by=admin_user)
    row = SpamToken.objects.get(language="en", token="pills")
    assert (row.spam_count, row.ham_count) == (1, 0)
    comment.refresh_from_db()
    assert comment.spam_trained == "spam" and comment.moderated_by == admin_user
    services.comment_moderate(comments=[comment], status=CommentStatus.APPROVED, by=admin_user)
    row.refresh_from_db()
    assert (row.spam_count, row.ham_count) == (0, 1)
    services.comment_moderate(comments=[comment], status=CommentStatus.TRASH, by=admin_user)
    row.refresh_from_db()
    assert (row.spam_count, row.ham_count) == (0, 0)


def test_automatic_decisions_do_not_train(story) -> None:
    comment = services.comment_post(draft=_draft(story)).comment
    services.comment_moderate(comments=[comment], status=CommentStatus.APPROVED, by=None)
    assert not SpamToken.objects.exists()


def test_unknown_status_is_refused(story, admin_user) -> None:
    comment = services.comment_post(draft=_draft(story)).comment
    with pytest.raises(ValueError):
        services.comment_moderate(comments=[comment], status="deleted", by=admin_user)


@pytest.mark.django_db(transaction=True)  # the worker runs: see test_notifications
def test_notification_to_authors_not_for_spam(story, mailoutbox) -> None:
    services.comment_post(draft=_draft(story))
    services.comment_post(
        draft=_draft(story, body=" ".join(f"http://x{n}.example" for n in range(5)))
    )
    assert mailoutbox == []  # nothing is mailed inside the post
    run_worker()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.startswith("New comment on")


@pytest.mark.django_db(transaction=True)  # the worker runs: see test_notifications
def test_notifications_can_be_switched_off(story, mailoutbox, settings) -> None:
    settings.PATRIKA_COMMENTS_NOTIFY_AUTHORS = False
    services.comment_post(draft=_draft(story))
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True)  # the worker runs: see test_notifications
def test_a_mail_server_that_is_down_loses_no_comment(story, settings) -> None:
    with socket.create_server(("127.0.0.1", 0)) as closed:
        port = closed.getsockname()[1]  # nothing listens there once the block ends
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    result = services.comment_post(draft=_draft(story))
    run_worker()
    assert Comment.objects.filter(pk=result.comment.pk).exists()
    job = DBTaskResult.objects.get()
    assert job.status == TaskResultStatus.FAILED
    assert "ConnectionRefusedError" in job.traceback


def test_a_failing_spam_checker_holds_the_comment(story, settings) -> None:
    settings.PATRIKA_COMMENTS_SPAM_CHECKERS = [
        "patrika.comments.tests.test_services.BrokenChecker",
        "patrika.comments.spam.rules.LinkRule",
    ]
    comment = services.comment_post(draft=_draft(story)).comment
    assert comment.status == CommentStatus.PENDING
    assert "broken: unavailable" in comment.spam_reason


class BrokenChecker:
    name = "broken"

    def check(self, submission: object) -> object:
        raise TimeoutError("down")

    def learn(self, lessons: object) -> None:
        raise TimeoutError("down")


def test_changes_readers_see_are_announced(
    story, admin_user, django_capture_on_commit_callbacks
) -> None:
    from patrika.comments.signals import comments_changed

    heard: list[list[int]] = []

    def listener(sender: object, story_ids: list[int], **kwargs: object) -> None:
        heard.append(story_ids)

    comments_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            comment = services.comment_post(draft=_draft(story)).comment
        assert heard == []  # pending: nothing public changed
        with django_capture_on_commit_callbacks(execute=True):
            services.comment_moderate(comments=[comment], status="approved", by=admin_user)
        assert heard == [[story.pk]]
        with django_capture_on_commit_callbacks(execute=True):
            services.commenter_erase(email="ravi@example.org")
        assert heard == [[story.pk], [story.pk]]
    finally:
        comments_changed.disconnect(listener)
