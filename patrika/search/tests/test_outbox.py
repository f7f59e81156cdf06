"""The search outbox: every change queues its story in its own transaction, and a story leaves
the outbox only in the transaction that indexes it. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction

from patrika.newsroom import services as newsroom
from patrika.newsroom.models import Story, TranslationState
from patrika.newsroom.services import StoryData, TranslationData
from patrika.newsroom.tests.factories import make_story
from patrika.search import services
from patrika.search.backends.base import DatabaseBackend
from patrika.search.models import SearchEntry, SearchOutbox
from patrika.search.outbox import LOCK_SPACE

pytestmark = pytest.mark.django_db


def queued() -> list[int]:
    return sorted(SearchOutbox.objects.values_list("story_id", flat=True))


def indexed(story_id: int) -> list[str]:
    return sorted(SearchEntry.objects.filter(story_id=story_id).values_list("title", flat=True))


def _retitle(story: Story) -> None:
    newsroom.story_save(
        data=StoryData(
            translations=[TranslationData(language="en", title="Monsoon reaches Kerala")],
            status=story.status,
            published_at=story.published_at,
        ),
        story=story,
    )


def _batch(story: Story) -> None:
    with newsroom.stories_batched():
        _retitle(story)
        newsroom.story_touch(story=story)


def _hide_translation(story: Story) -> None:
    story.translations.filter(language="hi").update(state=TranslationState.NEEDS_UPDATE)
    newsroom.story_touch(story=story)


# Every way the newsroom changes a story, and what the index holds for it afterwards.
CHANGES: dict[str, tuple[Callable[[Story], Any], Callable[[Story], list[str]]]] = {
    "save": (_retitle, lambda story: ["Monsoon reaches Kerala"]),
    "publish": (
        lambda story: newsroom.story_publish(story=story),
        lambda story: sorted(t.title for t in story.translations.all()),
    ),
    "unpublish": (lambda story: newsroom.story_unpublish(story=story), lambda story: []),
    "touch": (_hide_translation, lambda story: [story.translations.get(language="en").title]),
    "delete": (lambda story: newsroom.story_delete(story=story), lambda story: []),
    "batch": (_batch, lambda story: ["Monsoon reaches Kerala"]),
}


@pytest.fixture
def story(publish: Callable[..., Story]) -> Story:
    story = publish()
    assert queued() == [] and len(indexed(story.pk)) == 2
    return story


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_and_its_outbox_row_commit_or_roll_back_together(
    story: Story, change: str
) -> None:
    make_change, _expected = CHANGES[change]
    story_id = story.pk
    with pytest.raises(RuntimeError), transaction.atomic():
        make_change(story)
        assert queued() == [story_id]  # written inside the change's transaction
        raise RuntimeError("the change fails after the story was written")
    assert queued() == []
    assert Story.objects.filter(pk=story_id).exists()


@pytest.mark.parametrize("change", CHANGES)
def test_after_commit_the_index_follows_and_the_outbox_empties(
    story: Story, change: str, django_capture_on_commit_callbacks: Any
) -> None:
    make_change, expected = CHANGES[change]
    story_id = story.pk
    with django_capture_on_commit_callbacks(execute=True):
        make_change(story)
        assert queued() == [story_id]
    assert queued() == []
    assert indexed(story_id) == expected(story)


def test_a_batch_is_queued_with_one_insert(django_assert_num_queries: Any) -> None:
    stories = [make_story() for _ in range(5)]
    SearchOutbox.objects.all().delete()
    with newsroom.stories_batched():
        for story in stories:
            newsroom.story_touch(story=story)
        written = len(queued())
    assert written == 0  # nothing until the block ends…
    assert queued() == sorted(s.pk for s in stories)  # …then every story once
    with django_assert_num_queries(1):
        services.search_queue(story_ids=[s.pk for s in stories])


def test_a_crash_while_indexing_leaves_the_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    stories = [make_story() for _ in range(3)]  # queued; the after-commit step never ran
    index_stories = DatabaseBackend.index_stories

    def index_then_die(self: DatabaseBackend, *, story_ids: list[int]) -> None:
        index_stories(self, story_ids=story_ids)
        raise KeyboardInterrupt  # stopped after writing entries, before the commit

    monkeypatch.setattr(DatabaseBackend, "index_stories", index_then_die)
    with pytest.raises(KeyboardInterrupt):
        services.search_index_pending()
    assert queued() == sorted(s.pk for s in stories)
    assert not SearchEntry.objects.exists()  # the entries went with the transaction

    monkeypatch.undo()
    assert services.search_index_pending() == 3
    assert queued() == []
    assert all(len(indexed(s.pk)) == 2 for s in stories)


def test_a_story_that_cannot_be_indexed_does_not_hold_up_the_others(
    monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    stories = [make_story() for _ in range(4)]
    broken = stories[1].pk
    last_row = SearchOutbox.objects.latest("pk").pk
    index_stories = DatabaseBackend.index_stories

    def refuse_one(self: DatabaseBackend, *, story_ids: list[int]) -> None:
        index_stories(self, story_ids=story_ids)
        if broken in story_ids:
            raise ValueError("cannot analyse this story")

    monkeypatch.setattr(DatabaseBackend, "index_stories", refuse_one)
    assert services.search_index_pending(batch_size=2) == 3  # ends: no endless retrying
    assert queued() == [broken]  # queued again, behind the rest
    assert SearchOutbox.objects.get().pk > last_row
    assert indexed(broken) == []
    assert all(len(indexed(s.pk)) == 2 for s in stories if s.pk != broken)
    assert f"Could not index story {broken}" in caplog.text

    monkeypatch.undo()
    assert services.search_index_pending() == 1
    assert queued() == [] and len(indexed(broken)) == 2


def test_only_the_given_stories_are_taken_out() -> None:
    first, second, third = (make_story() for _ in range(3))
    newsroom.story_touch(story=first)  # two rows for one story
    assert services.search_index_pending(story_ids=[first.pk, third.pk]) == 2
    assert queued() == [second.pk]
    assert len(indexed(first.pk)) == 2 and indexed(second.pk) == []


def test_a_change_committed_while_its_story_is_indexed_keeps_its_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story = make_story()
    index_stories = DatabaseBackend.index_stories

    def index_while_edited(self: DatabaseBackend, *, story_ids: list[int]) -> None:
        index_stories(self, story_ids=story_ids)
        # Another writer queues the story again meanwhile: its row is not among those claimed.
        SearchOutbox.objects.create(story_id=story.pk)

    monkeypatch.setattr(DatabaseBackend, "index_stories", index_while_edited)
    services.search_index_pending()
    assert queued() == [story.pk]


def test_reindex_works_through_the_outbox(capsys: Any) -> None:
    stories = [make_story() for _ in range(3)]
    call_command("reindex", pending=True)
    assert "waiting in the search outbox: 3" in capsys.readouterr().out
    assert queued() == [] and all(len(indexed(s.pk)) == 2 for s in stories)

    newsroom.story_unpublish(story=stories[0])  # queued, not yet taken out of the index
    call_command("reindex", verbosity=0)
    assert queued() == [] and indexed(stories[0].pk) == []
    capsys.readouterr()

    call_command("reindex", pending=True)
    assert capsys.readouterr().out == ""  # nothing waiting, nothing said


@pytest.mark.django_db(transaction=True)
def test_one_story_is_indexed_by_one_worker_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker indexing a story holds it: an editor's newer change of the story, committed
    meanwhile, is indexed after it, from what the editor committed, never overwritten by it."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: test_crash_recovery covers it")
    story = make_story(en="Monsoon nears Kerala", hi=None)  # committed and indexed
    SearchOutbox.objects.create(story_id=story.pk)  # and queued again, for the slow worker
    paused, resume = threading.Event(), threading.Event()
    index_stories = DatabaseBackend.index_stories

    def index_slowly(self: DatabaseBackend, *, story_ids: list[int]) -> None:
        index_stories(self, story_ids=story_ids)  # the story is read and its entries written…
        if threading.current_thread().name == "slow":
            paused.set()
            resume.wait()  # …and the transaction is still open

    def slow_worker() -> None:
        try:
            services.search_index_pending()
        finally:
            connections.close_all()

    def editor() -> None:
        try:
            _retitle(Story.objects.get(pk=story.pk))
        finally:
            connections.close_all()

    monkeypatch.setattr(DatabaseBackend, "index_stories", index_slowly)
    threads = [threading.Thread(target=slow_worker, name="slow"), threading.Thread(target=editor)]
    try:
        threads[0].start()
        assert paused.wait(timeout=120)
        threads[1].start()
        # The editor's change commits; indexing it waits for the story, held by the slow worker.
        waiting = 0
        for _attempt in range(1200):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                    "AND classid = %s AND objid = %s",
                    [LOCK_SPACE, story.pk],
                )
                waiting = cursor.fetchone()[0]
            if waiting or not threads[1].is_alive():
                break
            time.sleep(0.05)
        assert waiting == 1
    finally:
        resume.set()
        for thread in threads:
            thread.join(timeout=120)
    assert indexed(story.pk) == ["Monsoon reaches Kerala"]
    assert queued() == []
