"""The upgrade that indexes stopwords queues every indexed story for the outbox to index again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from patrika.newsroom.models import Story, StoryStatus
from patrika.search.models import SearchEntry, SearchOutbox
from patrika.search.services import search_index_pending

from .test_backends import titles


def _stopwords_migration(executor: MigrationExecutor) -> tuple[str, str]:
    (name,) = [
        name
        for app, name in executor.loader.disk_migrations
        if app == "search" and name.endswith("_index_stopwords_queue_reindex")
    ]
    return "search", name


@pytest.mark.django_db(transaction=True)
def test_upgrading_queues_the_indexed_stories(publish: Callable[..., Story]) -> None:
    live = publish(en=None, hi="आखिर कौन है यही शख्स")
    publish(en="Budget draft", hi=None, status=StoryStatus.DRAFT)  # not in the index
    # An index written before stopwords were: the story's entry has none.
    SearchEntry.objects.update(title_words="आखिर शख्स", title_keys="akir skss")
    assert titles("कौन यही") == [] and not SearchOutbox.objects.exists()

    executor = MigrationExecutor(connection)
    target = _stopwords_migration(executor)
    (previous,) = executor.loader.graph.node_map[target].parents
    executor.migrate([previous.key])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert list(SearchOutbox.objects.values_list("story_id", flat=True)) == [live.pk]
    assert search_index_pending() == 1
    assert titles("कौन यही") == ["आखिर कौन है यही शख्स"]
