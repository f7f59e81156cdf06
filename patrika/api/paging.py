"""Cursor pagination: each page ends with an opaque, signed cursor naming its last row.

Keyset rather than offset: a page is found along an index whatever its depth, and a story
published while a client walks the list neither repeats nor skips a row.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from django.core import signing
from django.db.models import Model, Q, QuerySet

M = TypeVar("M", bound=Model)

_SALT = "patrika.api.cursor"
MAX_LIMIT = 100


class BadCursor(ValueError):
    pass


def _default(value: Any) -> str:
    # Every microsecond (DjangoJSONEncoder keeps milliseconds): a key rounded down would
    # match its own row again on the next page.
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a cursor")


class _JSONSerializer:
    # Django's JSONSerializer cannot write datetimes, and keys hold published_at.
    def dumps(self, obj: Any) -> bytes:
        return json.dumps(obj, default=_default, separators=(",", ":")).encode("latin-1")

    def loads(self, data: bytes) -> Any:
        return json.loads(data.decode("latin-1"))


def cursor_encode(values: Sequence[Any]) -> str:
    return signing.dumps(list(values), salt=_SALT, serializer=_JSONSerializer, compress=True)


def cursor_decode(raw: str) -> list[Any]:
    try:
        values = signing.loads(raw, salt=_SALT, serializer=_JSONSerializer)
    except signing.BadSignature:
        raise BadCursor(raw) from None
    if not isinstance(values, list):
        raise BadCursor(raw)
    return values


@dataclass
class KeysetPage(Generic[M]):
    items: list[M]
    next_cursor: str | None


def _after(fields: Sequence[str], values: Sequence[Any], *, descending: bool) -> Q:
    """Rows strictly after `values` in the order of `fields` (all one direction)."""
    op = "lt" if descending else "gt"
    condition = Q()
    for i, name in enumerate(fields):
        step = Q(**dict(zip(fields[:i], values[:i], strict=True)))
        step &= Q(**{f"{name}__{op}": values[i]})
        condition |= step
    return condition


def keyset_page(
    items: QuerySet[M],
    *,
    fields: Sequence[str],
    descending: bool,
    cursor: str | None,
    limit: int,
) -> KeysetPage[M]:
    """One page of `items` ordered by `fields` (the last one unique), after `cursor`."""
    limit = max(1, min(limit, MAX_LIMIT))
    if cursor:
        values = cursor_decode(cursor)
        if len(values) != len(fields):
            raise BadCursor(cursor)
        try:
            items = items.filter(_after(fields, values, descending=descending))
        except (ValueError, TypeError):
            raise BadCursor(cursor) from None
    order = [f"-{f}" if descending else f for f in fields]
    rows = list(items.order_by(*order)[: limit + 1])
    page, more = rows[:limit], len(rows) > limit
    next_cursor = None
    if more:
        last = page[-1]
        next_cursor = cursor_encode([getattr(last, f) for f in fields])
    return KeysetPage(items=page, next_cursor=next_cursor)
