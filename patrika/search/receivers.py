"""Keep the index in step with the newsroom.

Inside the transaction of every change, the story goes into the outbox (`SearchOutbox`); after
commit, the outbox rows of the changed stories are worked through. A failure to index is logged,
never raised: the story is already saved by then, and it stays in the outbox until the next
start-up (`patrika serve`), the next change of that story or `patrika reindex` indexes it.
"""

from __future__ import annotations

import logging
from typing import Any

from patrika.newsroom.models import Story

from . import services

logger = logging.getLogger(__name__)


def on_stories_written(sender: Any, *, story_ids: list[int], **kwargs: Any) -> None:
    # In the writer's transaction; an error here must undo the change, not hide the story.
    services.search_queue(story_ids=story_ids)


def _index_pending(story_ids: list[int]) -> None:
    try:
        services.search_index_pending(story_ids=story_ids)
    except Exception:
        logger.exception("Could not index stories %s; they stay queued", story_ids[:20])


def on_story_changed(sender: Any, *, story: Story, **kwargs: Any) -> None:
    _index_pending([story.pk])


def on_story_deleted(sender: Any, *, story_id: int, **kwargs: Any) -> None:
    _index_pending([story_id])


def on_stories_changed(sender: Any, *, stories: list[Story], **kwargs: Any) -> None:
    _index_pending([story.pk for story in stories])
