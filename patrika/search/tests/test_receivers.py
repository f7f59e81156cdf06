"""Indexing hooks into the newsroom's signals and never breaks a save."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from patrika.newsroom.models import Story
from patrika.search.backends.base import DatabaseBackend
from patrika.search.models import SearchEntry, SearchOutbox

pytestmark = pytest.mark.django_db


def test_publishing_indexes_after_commit(publish: Callable[..., Story]) -> None:
    story = publish(en="Tea harvest begins in Assam", hi=None)
    assert SearchEntry.objects.filter(story=story).count() == 1


def test_nothing_is_indexed_before_commit() -> None:
    from patrika.newsroom.tests.factories import make_story

    make_story(en="Tea harvest begins in Assam", hi=None)  # on_commit never runs in this test
    assert not SearchEntry.objects.exists()


def test_index_failure_is_logged_not_raised_and_the_story_stays_queued(
    publish: Callable[..., Story], monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    def broken(self: DatabaseBackend, **kwargs: Any) -> None:
        raise RuntimeError("index down")

    monkeypatch.setattr(DatabaseBackend, "index_stories", broken)
    story = publish(en="Saved even if search is down", hi=None)
    assert Story.objects.filter(pk=story.pk).exists()
    assert f"Could not index story {story.pk}" in caplog.text
    assert list(SearchOutbox.objects.values_list("story_id", flat=True)) == [story.pk]


def test_a_batch_of_stories_is_indexed_together(django_capture_on_commit_callbacks) -> None:
    from patrika.newsroom import services as newsroom_services
    from patrika.newsroom.tests.factories import make_story

    with django_capture_on_commit_callbacks(execute=True):
        with newsroom_services.stories_batched():
            stories = [make_story(en=f"Batch story {n}") for n in range(3)]
    assert SearchEntry.objects.filter(story_id__in=[s.pk for s in stories]).count() == 6
