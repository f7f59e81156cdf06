"""The email address never appears in public output, hashed or not, and never leaves the site."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.test import Client

from patrika.comments.avatars import avatar_svg
from patrika.comments.models import Comment, CommentStatus

from .conftest import EMAIL, post_comment, run_worker

pytestmark = pytest.mark.django_db

AUTHOR_EMAIL = "asha.author@example.org"


def _forms_of_email(email: str) -> list[str]:
    lowered = email.strip().lower().encode()
    return [
        email,
        email.split("@")[0],
        hashlib.md5(lowered).hexdigest(),  # Gravatar
        hashlib.sha256(lowered).hexdigest(),  # Gravatar's newer form
        email.replace("@", "&#64;"),
        email.replace("@", "%40"),
    ]


def _assert_private(text: str) -> None:
    for email in (EMAIL, AUTHOR_EMAIL):
        for form in _forms_of_email(email):
            assert form not in text, f"{form!r} leaked"


@pytest.fixture
def approved(client, en, hi) -> list[Comment]:
    post_comment(client, en, website="https://ravi.example")
    post_comment(client, hi, body="हिंदी में टिप्पणी")
    Comment.objects.update(status=CommentStatus.APPROVED)
    return list(Comment.objects.all())


@pytest.mark.parametrize(
    "path",
    [
        "/comments/feed/",
        "/comments/feed/atom/",
        "/comments/feed/{story}/",
        "/comments/feed/{story}/atom/",
        "{en}",
        "{hi}",
        "{en}bilingual/",
        "/en/",
        "/hi/",
        "/",
        "/en/feed/rss/",
        "/en/feed/atom/",
        "/sitemap.xml",
        "/news-sitemap.xml",
        "/comments/feed/987654/",
        "/en/news/no-such-story-{email}/",
    ],
)
def test_email_is_not_in_public_output(approved, story, en, hi, path: str) -> None:
    url = path.format(story=story.pk, en=en.get_absolute_url(), hi=hi.get_absolute_url(), email="")
    response = Client().get(url)
    assert response.status_code in (200, 404)
    text = response.content.decode()
    _assert_private(text)
    if path.startswith("/comments/feed/{"):
        assert "A thoughtful comment" in text and "Ravi Kumar" in text


def test_feeds_carry_the_comments_without_email(approved, story) -> None:
    text = Client().get(f"/comments/feed/{story.pk}/").content.decode()
    assert text.count("<item>") == 2
    assert "<author>" not in text  # RSS <author> must be an email address: left out
    assert "Ravi Kumar" in text
    _assert_private(text)


def test_json_ld_has_the_comment_count_and_no_email(approved, en) -> None:
    html = Client().get(en.get_absolute_url()).content.decode()
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json_ld is not None
    # One discussion per story: comments in either language count on both pages.
    assert '"commentCount": 2' in json_ld.group(1)
    _assert_private(json_ld.group(1))


def test_the_refused_form_does_not_show_other_readers_addresses(approved, en) -> None:
    other = Client()
    response = post_comment(other, en, email="someone.else@example.org", name="")
    assert response.status_code == 400
    text = response.content.decode()
    _assert_private(text)
    # Their own typed address does come back, to them.
    assert "someone.else@example.org" in text


def test_avatar_is_keyed_and_stable() -> None:
    one = avatar_svg(email=EMAIL)
    assert one == avatar_svg(email=EMAIL.upper())
    assert one != avatar_svg(email="somebody@example.org")
    _assert_private(one)


def test_avatar_depends_on_the_secret_key(settings) -> None:
    before = avatar_svg(email=EMAIL)
    settings.SECRET_KEY = "another-secret-" * 4
    assert avatar_svg(email=EMAIL) != before


def test_no_gravatar_or_other_third_party_image(approved, en) -> None:
    html = Client().get(en.get_absolute_url()).content.decode()
    comments = html.split('id="comments"', 1)[1]
    assert "gravatar" not in comments.lower()
    assert not re.search(r'<img[^>]+src="https?://', comments)


@pytest.mark.django_db(transaction=True)  # the worker runs: see test_notifications
def test_author_notification_goes_only_to_the_authors(client, en, mailoutbox) -> None:
    post_comment(client, en)
    run_worker()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [AUTHOR_EMAIL]
    assert EMAIL not in message.body and EMAIL not in message.subject
    assert "A thoughtful comment about the talks." in message.body
    assert "/admin/comments/comment/" in message.body
