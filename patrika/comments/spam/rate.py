"""Rate limits in Django's cache: fixed windows, atomic increments (locmem or Redis)."""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache

from patrika.comments import conf


def rate_limit_hit(*, scope: str, ident: str) -> bool:
    """Count one attempt for `ident` in `scope` ("ip" or "email"); True when over the limit."""
    if not ident:
        return False
    limit, window = conf.rate(scope)
    bucket = int(time.time() // window)
    # Hashed: the cache holds no email addresses in clear.
    digest = hashlib.sha256(ident.strip().lower().encode()).hexdigest()[:32]
    key = f"patrika:comments:rate:{scope}:{digest}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count > limit


def retry_after(*, scope: str) -> int:
    """Seconds until the current window ends."""
    _limit, window = conf.rate(scope)
    return int(window - time.time() % window) + 1
