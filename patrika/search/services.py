"""Writes to the search index. Signal receivers and the reindex command call these.

Changes reach the index through the outbox: `search_queue` in the transaction of a change,
`search_index_pending` after it (and at start-up); `search_rebuild` starts over.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Iterator

from django.db import transaction

from patrika.newsroom.models import LIVE_STATUSES, Story

from .backends import SearchBackend, get_backend
from .models import SearchOutbox
from .outbox import outbox_claim, outbox_last_id, outbox_lock_stories

logger = logging.getLogger(__name__)


def search_queue(*, story_ids: Iterable[int]) -> None:
    """Put stories in the outbox, in the caller's transaction (one insert for a whole batch)."""
    SearchOutbox.objects.bulk_create([SearchOutbox(story_id=pk) for pk in story_ids])


def search_index_pending(*, story_ids: Collection[int] | None = None, batch_size: int = 200) -> int:
    """Index the stories waiting in the outbox (only those of `story_ids`, if given); returns
    how many were indexed.

    Each batch is claimed, indexed and taken out of the outbox in one transaction, so a crash
    anywhere leaves it queued for the next run. Only rows queued before the call are worked
    through: a story that fails is queued again behind them, for a later run.
    """
    up_to = outbox_last_id()
    done = 0
    while True:
        with transaction.atomic():
            rows = outbox_claim(up_to=up_to, story_ids=story_ids, limit=batch_size)
            if not rows:
                return done
            pending = sorted({story_id for _pk, story_id in rows})
            outbox_lock_stories(pending)
            failed = _index(get_backend(), pending)
            SearchOutbox.objects.filter(pk__in=[pk for pk, _story_id in rows]).delete()
            # Behind everything else: one story that cannot be indexed does not hold up the rest.
            search_queue(story_ids=failed)
        done += len(pending) - len(failed)


def _index(backend: SearchBackend, story_ids: list[int]) -> list[int]:
    """Index `story_ids` together, or one by one if that fails; returns the ones that failed."""
    try:
        with transaction.atomic():
            backend.index_stories(story_ids=story_ids)
        return []
    except Exception:
        if len(story_ids) == 1:
            logger.exception("Could not index story %s; it stays queued", story_ids[0])
            return story_ids
    failed: list[int] = []
    for story_id in story_ids:
        try:
            with transaction.atomic():
                backend.index_stories(story_ids=[story_id])
        except Exception:
            logger.exception("Could not index story %s; it stays queued", story_id)
            failed.append(story_id)
    return failed


def search_rebuild(*, batch_size: int = 200) -> Iterator[int]:
    """Rebuild the whole index; yields the number of stories done in each batch."""
    return get_backend().rebuild(batch_size=batch_size)


def search_story_count() -> int:
    """How many stories a rebuild will look at (for a progress bar)."""
    return Story.objects.filter(status__in=LIVE_STATUSES, published_at__isnull=False).count()
