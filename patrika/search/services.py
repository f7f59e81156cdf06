"""Writes to the search index. Signal receivers and the reindex command call these."""

from __future__ import annotations

from collections.abc import Iterator

from patrika.newsroom.models import LIVE_STATUSES, Story

from .backends import get_backend


def search_index_story(*, story: Story) -> None:
    """Index `story`'s ready translations if it is live (or scheduled), remove it otherwise."""
    get_backend().index_story(story=story)


def search_index_stories(*, story_ids: list[int]) -> None:
    """Index many stories in one batch (after an import's commit)."""
    get_backend().index_stories(story_ids=story_ids)


def search_remove_story(*, story_id: int) -> None:
    get_backend().remove_story(story_id=story_id)


def search_rebuild(*, batch_size: int = 200) -> Iterator[int]:
    """Rebuild the whole index; yields the number of stories done in each batch."""
    return get_backend().rebuild(batch_size=batch_size)


def search_story_count() -> int:
    """How many stories a rebuild will look at (for a progress bar)."""
    return Story.objects.filter(status__in=LIVE_STATUSES, published_at__isnull=False).count()
