from __future__ import annotations

import hashlib
import time

from .stores import get_store


def rate_limit_hit(*, scope: str, ident: str, limit: int, window: int) -> bool:
    """Count one attempt of `ident` in `scope` within fixed windows of `window` seconds;
    True when that makes more than `limit` in the current window."""
    if not ident:
        return False
    bucket = int(time.time() // window)
    # Hashed: the store holds no addresses or e-mails in clear.
    digest = hashlib.sha256(ident.strip().lower().encode()).hexdigest()[:32]
    count = get_store().hit(key=f"patrika:rate:{scope}:{digest}:{bucket}", ttl=window + 5)
    return count > limit


def rate_retry_after(*, window: int) -> int:
    """Seconds until the current window ends."""
    return int(window - time.time() % window) + 1
