"""A small real-shaped newsroom for the API tests: bilingual and one-language stories,
drafts, a scheduled story, comments in every status, sources, an image, and stored URLs that
must never leave (written past the validators, as a hand-made SQL row would be)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from patrika.comments.models import Comment, CommentStatus
from patrika.newsroom.baking import story_bake
from patrika.newsroom.models import Author, Image, SourceAttribution, Story, StoryStatus
from patrika.newsroom.services import SourceData
from patrika.newsroom.tests.factories import make_section, make_story

PRIVATE = "private.reader@example.org"
UNSAFE_URLS = ["javascript:alert(1)", "http://user:pw@example.com/", "//evil.example/x", "data:,x"]


@dataclass
class Newsroom:
    live: list[Story]
    english_only: Story
    hindi_only: Story
    hidden: list[Story]
    commented: Story
    approved: list[Comment]
    not_public: list[Comment]


def _comment(story: Story, n: int, status: str, **extra: Any) -> Comment:
    return Comment.objects.create(
        story=story,
        language="hi",
        name=f"पाठक {n}",
        email=f"reader{n}@example.org",
        body=f"टिप्पणी {n} https://example.com/{n}",
        status=status,
        created_at=timezone.now() - timedelta(minutes=100 - n),
        **extra,
    )


@pytest.fixture
def newsroom(db: None, django_capture_on_commit_callbacks: Any) -> Newsroom:
    # Run the after-commit work (search indexing) as a real commit would.
    with django_capture_on_commit_callbacks(execute=True):
        return _newsroom()


def _newsroom() -> Newsroom:
    world = make_section()
    same_time = timezone.now() - timedelta(hours=1)
    live = [
        make_story(
            section=world,
            tags=["चुनाव", "Politics"],
            authors=["Asha Writer"],
            sources=[SourceData(title="Wire", publisher="PTI", url="https://example.com/wire")],
            # Ties on published_at: the cursor must still neither repeat nor skip a story.
            published_at=same_time if i % 3 == 0 else None,
        )
        for i in range(7)
    ]
    Author.objects.update(email="asha.private@example.org", bio="रिपोर्टर")
    english_only = make_story(hi=None)
    hindi_only = make_story(en=None)
    hidden = [
        make_story(status=StoryStatus.DRAFT),
        make_story(status=StoryStatus.SCHEDULED, published_at=timezone.now() + timedelta(days=1)),
    ]
    commented = live[0]
    image = Image.objects.create(source_url="https://example.com/photo.jpg", credit="PTI")
    Story.objects.filter(pk=commented.pk).update(featured_image=image)
    # Rows older than the URL rule, or written by hand: stored, never handed out.
    SourceAttribution.objects.create(story=commented, title="Old", url=UNSAFE_URLS[0])
    story_bake(story=commented)
    approved = [_comment(commented, n, CommentStatus.APPROVED) for n in range(5)]
    approved.append(
        _comment(commented, 5, CommentStatus.APPROVED, parent=approved[0], website=UNSAFE_URLS[1])
    )
    Comment.objects.filter(pk=approved[1].pk).update(website="https://reader.example/")
    not_public = [
        _comment(commented, 10 + i, status)
        for i, status in enumerate([CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.TRASH])
    ]
    return Newsroom(
        live=[*live, english_only, hindi_only],
        english_only=english_only,
        hindi_only=hindi_only,
        hidden=hidden,
        commented=commented,
        approved=approved,
        not_public=not_public,
    )


def path(url: str) -> str:
    """An absolute API URL as the test client asks for it."""
    from django.conf import settings

    assert url.startswith(settings.PATRIKA_SITE_URL), url
    return url[len(settings.PATRIKA_SITE_URL) :]
