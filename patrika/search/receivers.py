"""Keep the index in step with the newsroom: its services announce every change after commit."""

from __future__ import annotations

from typing import Any

from patrika.newsroom.models import Story

from . import services


def on_story_changed(sender: Any, *, story: Story, **kwargs: Any) -> None:
    services.search_index_story(story=story)


def on_story_deleted(sender: Any, *, story_id: int, **kwargs: Any) -> None:
    services.search_remove_story(story_id=story_id)
