"""Signals sent by newsroom services, the one place other apps (search, caches) hook in."""

from django.dispatch import Signal

# Sent after commit with `story` (a Story) whenever what a story shows may have changed:
# publish, unpublish, edit, translation change. Receivers must not assume it is live.
story_changed = Signal()
# Sent with `story_id` after a story was deleted.
story_deleted = Signal()
# Sent after commit with `stories` (a list) instead of one story_changed each, for the
# changes made inside newsroom.services.stories_batched() (imports).
stories_changed = Signal()
