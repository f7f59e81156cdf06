"""The search backend in use: `settings.PATRIKA_SEARCH_BACKEND` names a class; left empty, the
database decides (FTS5 on SQLite, full-text search on PostgreSQL), as in Wagtail's
`search/backends/database/__init__.py`."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils.module_loading import import_string

from .base import Filters, Hit, Matches, SearchBackend

__all__ = ["Filters", "Hit", "Matches", "SearchBackend", "get_backend"]

BY_VENDOR = {
    "sqlite": "patrika.search.backends.sqlite_fts5.Backend",
    "postgresql": "patrika.search.backends.postgres.Backend",
}


def backend_path() -> str:
    if settings.PATRIKA_SEARCH_BACKEND:
        return settings.PATRIKA_SEARCH_BACKEND
    try:
        return BY_VENDOR[connection.vendor]
    except KeyError:
        raise ImproperlyConfigured(
            f"No search backend for the {connection.vendor!r} database: set PATRIKA_SEARCH_BACKEND"
        ) from None


@cache
def _load(path: str) -> SearchBackend:
    return import_string(path)()


def get_backend() -> SearchBackend:
    return _load(backend_path())
