"""Both stores count the same way; the database store is what every worker shares by default."""

from __future__ import annotations

import pytest

from patrika.ratelimit.models import RateCounter
from patrika.ratelimit.services import rate_limit_hit
from patrika.ratelimit.stores import CacheStore, DatabaseStore, RateStore

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("store", [DatabaseStore(), CacheStore()], ids=["database", "cache"])
def test_store_counts_each_key_on_its_own(store: RateStore) -> None:
    assert [store.hit(key="a", ttl=60) for _ in range(4)] == [1, 2, 3, 4]
    assert store.hit(key="b", ttl=60) == 1


def test_limit_allows_exactly_the_limit(settings) -> None:
    settings.PATRIKA_RATE_STORE = "patrika.ratelimit.stores.DatabaseStore"
    hits = [rate_limit_hit(scope="t", ident="10.0.0.1", limit=3, window=60) for _ in range(5)]
    assert hits == [False, False, False, True, True]
    assert rate_limit_hit(scope="t", ident="10.0.0.2", limit=3, window=60) is False


def test_database_store_sweeps_expired_counters(monkeypatch) -> None:
    store = DatabaseStore()
    store.hit(key="old", ttl=-10)
    monkeypatch.setattr(DatabaseStore, "sweep_probability", 1.0)
    store.hit(key="new", ttl=60)
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["new"]


def test_default_store_is_shared_unless_the_cache_is() -> None:
    from django.conf import settings

    # Tests run with the default cache (local memory, one per process): counters must not
    # be kept there.
    assert settings.PATRIKA_RATE_STORE == "patrika.ratelimit.stores.DatabaseStore"
