"""The search outbox in the database: claiming queued rows so that concurrent workers never take
the same one, and making workers index any one story one after the other.

Only `services.search_index_pending` uses these.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from django.db import connection
from django.db.models import Max

from .models import SearchOutbox

# First key of the PostgreSQL advisory locks taken on stories: keeps them apart from other locks.
LOCK_SPACE = 0x5053_6978


def outbox_last_id() -> int:
    return SearchOutbox.objects.aggregate(last=Max("pk"))["last"] or 0


def outbox_claim(
    *, up_to: int, story_ids: Collection[int] | None, limit: int
) -> list[tuple[int, int]]:
    """Up to `limit` queued rows (id, story id) no newer than `up_to`, oldest first, held until
    the transaction ends. Call inside one. On PostgreSQL, rows another worker holds are skipped
    rather than waited for; on SQLite the transaction already excludes every other writer
    (settings: transaction_mode IMMEDIATE), so what it reads nobody else can take."""
    rows = SearchOutbox.objects.filter(pk__lte=up_to)
    if story_ids is not None:
        rows = rows.filter(story_id__in=story_ids)
    rows = rows.select_for_update(skip_locked=True).order_by("pk")
    return list(rows.values_list("pk", "story_id")[:limit])


def outbox_lock_stories(story_ids: Iterable[int]) -> None:
    """Hold `story_ids` until the transaction ends, so that two workers that claimed different
    rows of one story index it in turn, the second reading what was committed before it: run
    side by side, the slower could write an older version of the story over a newer one."""
    if connection.vendor != "postgresql":
        return  # SQLite: one writing transaction at a time already
    # Sorted, so that two workers wanting some of the same stories cannot wait on each other.
    keys = sorted({story_id & 0x7FFF_FFFF for story_id in story_ids})
    with connection.cursor() as cursor:
        cursor.executemany(
            "SELECT pg_advisory_xact_lock(%s::integer, %s::integer)",
            [(LOCK_SPACE, key) for key in keys],
        )
