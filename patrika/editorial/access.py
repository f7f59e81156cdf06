"""Reads: what one person may do with one story, beyond what their role's permissions say.

A contributor (change permission, no publish permission) edits only the stories they created,
and only while those are drafts: once submitted, the story is the reviewer's until it is sent
back. Whoever may publish may edit any story.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from patrika.newsroom.models import Story, StoryStatus

PUBLISH = "newsroom.publish_story"
CHANGE = "newsroom.change_story"


def user_can_publish(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_active and user.has_perm(PUBLISH)


def story_can_edit(*, story: Story, user: AbstractBaseUser | AnonymousUser) -> bool:
    if not (user.is_active and user.has_perm(CHANGE)):
        return False
    if user_can_publish(user=user):
        return True
    return story.created_by_id == user.pk and story.status == StoryStatus.DRAFT
