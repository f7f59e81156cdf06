"""The roles on the story admin, kept apart from newsroom/admin.py: a contributor edits and
deletes only their own drafts (patrika.editorial.access), and a story made in the admin
remembers who made it."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from patrika.newsroom.models import Story

from .access import story_can_edit


class StoryAccessMixin(admin.ModelAdmin):
    def has_change_permission(self, request: HttpRequest, obj: Story | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or story_can_edit(story=obj, user=request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Story | None = None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or story_can_edit(story=obj, user=request.user)

    def save_model(self, request: HttpRequest, obj: Story, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
