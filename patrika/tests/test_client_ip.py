"""The reader's address behind proxies: only what our own proxies wrote is believed."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from patrika.client_ip import client_ip

CASES = [
    # (trusted proxies, X-Forwarded-For, REMOTE_ADDR, expected)
    (0, "", "203.0.113.9", "203.0.113.9"),
    (0, "1.2.3.4", "203.0.113.9", "203.0.113.9"),  # no proxy configured: header ignored
    (1, "198.51.100.7", "10.0.0.1", "198.51.100.7"),
    (1, "1.2.3.4, 198.51.100.7", "10.0.0.1", "198.51.100.7"),  # forged left-most entry
    (1, "1.2.3.4,5.6.7.8, 198.51.100.7", "10.0.0.1", "198.51.100.7"),
    (2, "1.2.3.4, 198.51.100.7, 10.0.0.2", "10.0.0.1", "198.51.100.7"),
    (2, "198.51.100.7", "10.0.0.1", "10.0.0.1"),  # shorter than the proxy chain
    (1, "", "10.0.0.1", "10.0.0.1"),
    (1, "not-an-address", "10.0.0.1", "10.0.0.1"),
    (1, "1.2.3.4, 2001:db8::1", "10.0.0.1", "2001:db8::1"),
    (1, "<script>", "10.0.0.1", "10.0.0.1"),
    (0, "", "garbage", None),
]


@pytest.mark.parametrize(("proxies", "forwarded", "remote", "expected"), CASES)
def test_client_ip(settings, proxies: int, forwarded: str, remote: str, expected: str) -> None:
    settings.PATRIKA_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == expected


def test_another_header_can_be_named(settings) -> None:
    settings.PATRIKA_TRUSTED_PROXIES = 1
    settings.PATRIKA_FORWARDED_FOR_HEADER = "HTTP_X_REAL_IP"
    request = RequestFactory().get(
        "/", HTTP_X_REAL_IP="198.51.100.7", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.1"
    )
    assert client_ip(request) == "198.51.100.7"
