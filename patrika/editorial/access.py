"""Reads: what one person may do with one story, beyond what their role's permissions say.

A contributor (change permission, no publish permission) edits only the stories they created,
and only while those are drafts: once submitted, the story is the reviewer's until it is sent
back. Whoever may publish may edit any story.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from patrika.newsroom.models import Story, StoryStatus

PUBLISH = "newsroom.publish_story"
CHANGE = "newsroom.change_story"


def user_can_publish(*, user: User | AnonymousUser) -> bool:
    return user.is_active and user.has_perm(PUBLISH)


def story_can_edit(*, story: Story, user: User | AnonymousUser) -> bool:
    if not (user.is_active and user.has_perm(CHANGE)):
        return False
    if user_can_publish(user=user):
        return True
    return story.created_by_id == user.pk and story.status == StoryStatus.DRAFT


# The desk's moves from each status, for whoever may publish (patrika.editorial.workflow).
_EDITOR_MOVES: dict[str, list[str]] = {
    StoryStatus.IN_REVIEW: ["send_back", "approve"],
    StoryStatus.APPROVED: ["send_back", "publish", "schedule"],
    StoryStatus.SCHEDULED: ["publish", "schedule", "unpublish"],
    StoryStatus.PUBLISHED: ["unpublish", "archive"],
    StoryStatus.ARCHIVED: ["publish", "schedule"],
}


def story_transitions(*, story: Story, user: User | AnonymousUser) -> list[str]:
    """The workflow moves this person may make on this story now, in the order to offer them."""
    moves = []
    if story.status == StoryStatus.DRAFT and story_can_edit(story=story, user=user):
        moves.append("submit")
    if user_can_publish(user=user):
        moves += _EDITOR_MOVES.get(story.status, [])
    return moves
