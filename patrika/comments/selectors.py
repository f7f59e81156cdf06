"""Reads of comments (placeholder until the comments app lands)."""

from __future__ import annotations


def comment_counts(*, story_ids: list[int]) -> dict[int, int]:
    """Approved comments per story, for listings."""
    return {}
