"""The reader's network address, for rate limits, login throttling and moderation.

Behind reverse proxies the connection comes from the nearest proxy, and the reader's address is
in `X-Forwarded-For`. Each proxy *appends* the address it was connected from, so only the
right-most entries were written by proxies we trust; everything to their left came from the
client and can say anything. With `PATRIKA_TRUSTED_PROXIES = n`, the address the first of our
`n` proxies saw is the n-th entry from the right.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def trusted_proxy_count() -> int:
    return int(getattr(settings, "PATRIKA_TRUSTED_PROXIES", 0))


def forwarded_header() -> str:
    return str(getattr(settings, "PATRIKA_FORWARDED_FOR_HEADER", "HTTP_X_FORWARDED_FOR"))


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The reader's address: the one our nearest trusted proxy was connected from, or the
    connection's own address when no proxy is configured (or the header is short or malformed,
    which only a misconfigured proxy chain produces)."""
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    proxies = trusted_proxy_count()
    if proxies <= 0:
        return remote
    entries = [e for e in request.META.get(forwarded_header(), "").split(",") if e.strip()]
    if len(entries) < proxies:
        return remote
    return _valid(entries[-proxies]) or remote
