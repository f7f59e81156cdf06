"""Listing pages without a COUNT: "newer" and "more news" links, as news sites have.

Counting every live story costs a scan of the archive on each listing request; reading one
story past the page tells whether there is a next page, whatever the archive's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import QuerySet

T = TypeVar("T")


@dataclass
class NewsPage(Generic[T]):
    object_list: list[T]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def page_number(raw: str | None, *, last: int = 10_000) -> int:
    """The page asked for, clamped to 1..last (a bad value means the first page)."""
    try:
        return min(max(int(raw or 1), 1), last)
    except ValueError:
        return 1


def news_page(items: QuerySet, *, number: int, size: int) -> NewsPage:
    start = (number - 1) * size
    rows = list(items[start : start + size + 1])
    return NewsPage(object_list=rows[:size], number=number, has_next=len(rows) > size)
