"""Comment rate limits per address and per e-mail, counted in the shared rate store."""

from __future__ import annotations

from patrika.comments import conf
from patrika.ratelimit.services import rate_limit_hit as _hit
from patrika.ratelimit.services import rate_retry_after


def rate_limit_hit(*, scope: str, ident: str) -> bool:
    """Count one comment for `ident` in `scope` ("ip" or "email"); True when over the limit."""
    limit, window = conf.rate(scope)
    return _hit(scope=f"comments:{scope}", ident=ident, limit=limit, window=window)


def retry_after(*, scope: str) -> int:
    """Seconds until the current window ends."""
    _limit, window = conf.rate(scope)
    return rate_retry_after(window=window)
