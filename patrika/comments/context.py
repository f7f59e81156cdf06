"""Template context for the comments block under a story (placeholder until comments land)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def story_comments_context(request: HttpRequest, *, story: Any, translation: Any) -> dict:
    return {}
