"""Comment feeds per site and per story: approved only, newest first, plain text."""

from __future__ import annotations

import pytest
from django.test import Client

from patrika.comments.models import Comment, CommentStatus
from patrika.newsroom.models import StoryStatus
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db


def _add(story, body: str, status=CommentStatus.APPROVED, language="en") -> Comment:
    return Comment.objects.create(
        story=story, language=language, name="Ravi", email="r@example.org", body=body, status=status
    )


def test_story_feed_has_approved_comments_only(story, en) -> None:
    _add(story, "approved one")
    _add(story, "pending one", status=CommentStatus.PENDING)
    _add(story, "spam one", status=CommentStatus.SPAM)
    response = Client().get(f"/comments/feed/{story.pk}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "approved one" in text
    assert "pending one" not in text and "spam one" not in text
    assert f"{en.get_absolute_url()}#comment-" in text


def test_site_feed_covers_all_live_stories(story) -> None:
    other = make_story()
    draft = make_story(status=StoryStatus.DRAFT)
    _add(story, "on the first")
    _add(other, "on the second", language="hi")
    _add(draft, "on a draft")
    text = Client().get("/comments/feed/").content.decode()
    assert "on the first" in text and "on the second" in text
    assert "on a draft" not in text
    assert text.index("on the second") < text.index("on the first")  # newest first
    assert "/hi/news/" in text


def test_story_feed_of_unpublished_story_is_404() -> None:
    draft = make_story(status=StoryStatus.DRAFT)
    assert Client().get(f"/comments/feed/{draft.pk}/").status_code == 404


def test_feed_markup_is_escaped(story) -> None:
    _add(story, "<script>alert(1)</script>")
    text = Client().get(f"/comments/feed/{story.pk}/atom/").content.decode()
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_story_page_links_its_comment_feed(story, en) -> None:
    html = Client().get(en.get_absolute_url()).content.decode()
    assert f'href="/comments/feed/{story.pk}/"' in html
