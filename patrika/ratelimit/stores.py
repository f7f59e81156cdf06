"""Where rate-limit counters are kept; `PATRIKA_RATE_STORE` names the class."""

from __future__ import annotations

import random
from datetime import timedelta
from functools import cache
from typing import Protocol

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import RateCounter


class RateStore(Protocol):
    def hit(self, *, key: str, ttl: int) -> int:
        """Count one hit of `key` and return the hits so far; the count ends after `ttl` s."""
        ...


class DatabaseStore:
    """One upsert per hit: atomic on SQLite (3.35+) and PostgreSQL, shared by every worker."""

    # Expired counters are swept now and then rather than on every hit.
    sweep_probability = 0.01

    def hit(self, *, key: str, ttl: int) -> int:
        now = timezone.now()
        table = connection.ops.quote_name(RateCounter._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (key, count, expires_at) VALUES (%s, 1, %s) "
                f"ON CONFLICT (key) DO UPDATE SET count = {table}.count + 1 RETURNING count",
                [key, now + timedelta(seconds=ttl)],
            )
            (count,) = cursor.fetchone()
        if random.random() < self.sweep_probability:
            RateCounter.objects.filter(expires_at__lt=now).delete()
        return int(count)


class CacheStore:
    """Atomic increments in the shared cache; only for a cache that all workers share (Redis)."""

    def hit(self, *, key: str, ttl: int) -> int:
        django_cache.add(key, 0, timeout=ttl)
        try:
            return int(django_cache.incr(key))
        except ValueError:  # expired between add and incr
            django_cache.set(key, 1, timeout=ttl)
            return 1


@cache
def _load(path: str) -> RateStore:
    return import_string(path)()


def get_store() -> RateStore:
    return _load(settings.PATRIKA_RATE_STORE)
