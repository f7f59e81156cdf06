"""The moderation queue in Django's admin: filters, story column, bulk actions that teach."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.html import escape

from patrika.comments.models import Comment, CommentStatus, SpamToken
from patrika.safe_url import MESSAGES
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/comment/"
# The queue shows (and its actions act on) pending comments unless told otherwise.
QUEUE_ALL = QUEUE + "?status__exact=all"


def _add(story, n: int, **fields) -> Comment:
    values = {
        "language": "en",
        "name": f"Bot {n}",
        "email": f"bot{n}@example.org",
        "body": f"cheap pills casino offer number{n}",
        "spam_score": 0.97,
    }
    values.update(fields)
    return Comment.objects.create(story=story, **values)


def test_queue_lists_pending_with_story_and_score(admin_client, story) -> None:
    _add(story, 1)
    response = admin_client.get(QUEUE, {"status__exact": "pending"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "cheap pills casino offer number1" in html
    assert str(story) in html and f"?story__id__exact={story.pk}" in html
    assert "0.97" in html


@pytest.mark.parametrize(
    "query", [{"score": "high"}, {"score": "none"}, {"language__exact": "hi"}, {"q": "casino"}]
)
def test_queue_filters_work(admin_client, story, query) -> None:
    _add(story, 1)
    assert admin_client.get(QUEUE, query).status_code == 200


def test_filter_by_score(admin_client, story) -> None:
    _add(story, 1)
    _add(story, 2, spam_score=0.1, body="a kind word")
    html = admin_client.get(QUEUE, {"score": "high"}).content.decode()
    assert "number1" in html and "a kind word" not in html


def test_clear_a_queue_of_spam_in_one_action(admin_client, story) -> None:
    spam = [_add(story, n) for n in range(30)]
    good = _add(story, 99, body="a real reader", spam_score=0.1)
    response = admin_client.post(
        QUEUE,
        {"action": "mark_spam", "_selected_action": [c.pk for c in spam]},
        follow=True,
    )
    assert response.status_code == 200
    assert "30 comments marked Spam." in response.content.decode()
    assert Comment.objects.filter(status=CommentStatus.SPAM).count() == 30
    good.refresh_from_db()
    assert good.status == CommentStatus.PENDING
    docs = SpamToken.objects.get(language="en", token="")
    assert docs.spam_count == 30
    assert SpamToken.objects.get(language="en", token="casino").spam_count == 30


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("trash", "trash"), ("unapprove", "pending")],
)
def test_bulk_actions(admin_client, story, action: str, status: str) -> None:
    comments = [_add(story, n, status=CommentStatus.SPAM) for n in range(3)]
    admin_client.post(QUEUE_ALL, {"action": action, "_selected_action": [c.pk for c in comments]})
    assert set(Comment.objects.values_list("status", flat=True)) == {status}


def test_status_change_on_the_edit_page_goes_through_the_service(admin_client, story) -> None:
    comment = _add(story, 1)
    url = f"{QUEUE}{comment.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    response = admin_client.post(
        url,
        {
            "status": "spam",
            "story": story.pk,
            "parent": "",
            "language": "en",
            "name": comment.name,
            "email": comment.email,
            "website": "",
            "body": comment.body,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM and comment.spam_trained == "spam"
    assert comment.moderated_by is not None


def _staff(client, *codenames: str):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user("desk", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


@pytest.mark.parametrize("action", ["approve", "mark_spam", "trash", "unapprove"])
def test_editing_comments_is_not_moderating_them(client, story, action: str) -> None:
    """May view and change comments, may not moderate: neither an action nor the form moves a
    comment's status."""
    desk = _staff(client, "view_comment", "change_comment")
    pending, spam = _add(story, 1, spam_score=0.1), _add(story, 2, status=CommentStatus.SPAM)
    desk.post(QUEUE, {"action": action, "_selected_action": [pending.pk, spam.pk], "index": "0"})
    assert dict(Comment.objects.values_list("pk", "status")) == {
        pending.pk: CommentStatus.PENDING,
        spam.pk: CommentStatus.SPAM,
    }

    url = f"{QUEUE}{pending.pk}/change/"
    assert 'name="status"' not in desk.get(url).content.decode()
    fields = {
        "story": story.pk,
        "parent": "",
        "language": "en",
        "name": pending.name,
        "email": pending.email,
        "website": "",
        "body": "A typo fixed.",
    }
    assert desk.post(url, {**fields, "status": "approved"}).status_code == 302
    pending.refresh_from_db()
    assert (pending.body, pending.status) == ("A typo fixed.", CommentStatus.PENDING)


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("mark_spam", "spam"), ("trash", "trash"), ("unapprove", "pending")],
)
def test_a_moderator_moderates_without_editing(client, story, action: str, status: str) -> None:
    moderator = _staff(client, "view_comment", "moderate_comment")
    comments = [_add(story, 1, status=CommentStatus.APPROVED), _add(story, 2, status="trash")]
    comments.append(_add(story, 3, status=CommentStatus.SPAM))
    moderator.post(QUEUE_ALL, {"action": action, "_selected_action": [c.pk for c in comments]})
    assert set(Comment.objects.values_list("status", flat=True)) == {status}


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_editing_a_website_that_is_not_public_is_refused(admin_client, story, url) -> None:
    comment = _add(story, 1, website="https://reader.example.org/", status="approved")
    response = admin_client.post(
        f"{QUEUE}{comment.pk}/change/",
        {
            "status": "approved",
            "story": story.pk,
            "parent": "",
            "language": "en",
            "name": comment.name,
            "email": comment.email,
            "website": url,
            "body": "Edited text that the moderator keeps.",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Edited text that the moderator keeps." in html
    with translation.override("en"):
        texts = [escape(str(m)).split("%")[0] for m in MESSAGES.values()]
    assert any(text in html for text in texts), html[:3000]
    comment.refresh_from_db()
    assert comment.website == "https://reader.example.org/"
