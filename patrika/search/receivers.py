"""Keep the index in step with the newsroom: its services announce every change after commit.

A failure to index is logged, never raised: the story is already saved and published by then,
and `patrika reindex` repairs the index.
"""

from __future__ import annotations

import logging
from typing import Any

from patrika.newsroom.models import Story

from . import services

logger = logging.getLogger(__name__)


def on_story_changed(sender: Any, *, story: Story, **kwargs: Any) -> None:
    try:
        services.search_index_story(story=story)
    except Exception:
        logger.exception("Could not index story %s; run `patrika reindex`", story.pk)


def on_story_deleted(sender: Any, *, story_id: int, **kwargs: Any) -> None:
    try:
        services.search_remove_story(story_id=story_id)
    except Exception:
        logger.exception("Could not remove story %s from the index", story_id)


def on_stories_changed(sender: Any, *, stories: list[Story], **kwargs: Any) -> None:
    try:
        services.search_index_stories(story_ids=[story.pk for story in stories])
    except Exception:
        logger.exception("Could not index %d stories; run `patrika reindex`", len(stories))
