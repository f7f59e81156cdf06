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
# Sent inside the transaction that created, changed or deleted stories, with `story_ids` (a
# list; one send for a whole stories_batched() block). Receivers record there what must follow
# the change (search queues the stories in its outbox), so that a crash between the commit and
# the after-commit signals above loses nothing. They only write to the database and let errors
# propagate: a change is not saved without its record.
stories_written = Signal()
