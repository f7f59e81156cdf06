"""The three roles of the newsroom, as Django groups (created by migration 0001_roles).

- contributor: writes stories and edits their own drafts, submits them for review; cannot
  publish, delete or moderate.
- editor: edits every story, reviews, publishes, schedules, unpublishes; moderates comments.
- admin: everything, users and settings included.

What a group may do is its permissions; what a contributor may do with one story (only their
own, only while it is a draft) is patrika.editorial.selectors.story_can_edit.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CONTRIBUTOR = "contributor"
EDITOR = "editor"
ADMIN = "admin"

ROLES = {
    CONTRIBUTOR: _("contributor"),
    EDITOR: _("editor"),
    ADMIN: _("admin"),
}
