"""What the rest of Patrika can listen to: the comments shown under these stories changed.

Sent after the commit by every service that changes what readers see (a new approved comment,
a moderation decision, an erasure); a page cache or baked page of those stories is stale then.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

# Arguments: story_ids (a sorted list of ints).
comments_changed = Signal()


def announce(*, story_ids: Iterable[int]) -> None:
    ids = sorted(set(story_ids))
    if ids:
        transaction.on_commit(lambda: comments_changed.send(sender=None, story_ids=ids))
