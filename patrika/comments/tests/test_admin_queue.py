"""The moderation queue at speed: it opens on "pending", each comment has one-click
approve / spam / trash (and keys in Chromium), with its story's title and spam score."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from patrika.comments.models import Comment, CommentStatus
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/comment/"
DECIDE = "/admin/comments/comment/decide/"


def _one_of_each() -> dict[str, Comment]:
    story = make_story(en="Monsoon reaches Bhopal early")
    return {
        status: Comment.objects.create(
            story=story,
            language="en",
            name=f"Reader {status}",
            email="r@example.org",
            body=f"A comment that is {status}.",
            status=status,
            spam_score=0.87,
        )
        for status in CommentStatus
    }


def _rows(html: str) -> set[str]:
    return {status for status in CommentStatus if f"A comment that is {status}." in html}


def test_the_queue_opens_on_pending_and_shows_story_and_score(admin_client) -> None:
    _one_of_each()
    page = admin_client.get(QUEUE).content.decode()
    assert _rows(page) == {CommentStatus.PENDING}
    assert "Monsoon reaches Bhopal early" in page and "0.87" in page
    for status in CommentStatus:
        assert _rows(admin_client.get(QUEUE, {"status__exact": status}).content.decode()) == {
            status
        }
    assert _rows(admin_client.get(QUEUE, {"status__exact": "all"}).content.decode()) == set(
        CommentStatus
    )


@pytest.mark.parametrize("start", list(CommentStatus), ids=lambda s: s.value)
@pytest.mark.parametrize(
    "decision", [CommentStatus.APPROVED, CommentStatus.SPAM, CommentStatus.TRASH]
)
def test_one_click_decides_one_comment(admin_client, admin_user, start: str, decision: str) -> None:
    comments = _one_of_each()
    comment = comments[start]
    page = admin_client.get(QUEUE, {"status__exact": start}).content.decode()
    button = f'value="{comment.pk}:{decision}"'
    if start == decision:
        assert button not in page
        return
    assert button in page
    back = f"{QUEUE}?status__exact={start}"
    response = admin_client.post(DECIDE, {"decision": f"{comment.pk}:{decision}", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    comment.refresh_from_db()
    assert comment.status == decision and comment.moderated_by == admin_user
    others = {c.pk: c.status for c in Comment.objects.exclude(pk=comment.pk)}
    assert others == {c.pk: s for s, c in comments.items() if c.pk != comment.pk}


def test_no_decision_without_the_moderate_permission() -> None:
    comment = _one_of_each()[CommentStatus.PENDING]
    user = User.objects.create_user("helper", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_comment", "change_comment"])
    )
    client = Client()
    client.force_login(user)
    assert 'form="comment-decide"' not in client.get(QUEUE).content.decode()
    response = client.post(DECIDE, {"decision": f"{comment.pk}:approved"})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.parametrize("bad", ["", "x:approved", "1:pending", "1:deleted", "1"])
def test_a_malformed_decision_changes_nothing(admin_client, bad: str) -> None:
    _one_of_each()
    before = dict(Comment.objects.values_list("pk", "status"))
    assert admin_client.post(DECIDE, {"decision": bad}).status_code == 403
    assert dict(Comment.objects.values_list("pk", "status")) == before


def test_offsite_next_goes_back_to_the_queue(admin_client) -> None:
    comment = _one_of_each()[CommentStatus.PENDING]
    response = admin_client.post(
        DECIDE, {"decision": f"{comment.pk}:spam", "next": "https://evil.example/"}
    )
    assert response["Location"] == QUEUE


def test_keys_moderate_in_chromium(live_server, page, admin_user) -> None:
    story = make_story()
    for n in range(3):
        Comment.objects.create(
            story=story, language="en", name=f"R{n}", email="r@example.org", body=f"Comment {n}"
        )
    page.goto(live_server.url + "/admin/login/?next=" + QUEUE)
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url("**" + QUEUE)
    # Newest first (the queue's order): j moves to the second comment, s marks it spam.
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("s")
    # Back on the queue, on its first comment: a approves it.
    with page.expect_navigation():
        page.keyboard.press("a")
    statuses = {c.body: c.status for c in Comment.objects.all()}
    assert statuses == {
        "Comment 0": CommentStatus.PENDING,
        "Comment 1": CommentStatus.SPAM,
        "Comment 2": CommentStatus.APPROVED,
    }
