"""Guessing an admin password: an account and an address are each locked after a few failures,
cheaply, whichever worker or address the guesses come from."""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.utils import timezone

from .conftest import PASSWORD, CountingHasher, logged_in, try_login

pytestmark = pytest.mark.django_db

LIMIT = 10
MESSAGES = {
    "en": "Too many failed logins for this account or from this address.",
    "hi": "इस खाते के लिए या इस पते से बहुत अधिक असफल लॉगिन हुए।",
}


@pytest.fixture(autouse=True)
def _throttle(settings) -> None:
    # The documented defaults, whatever the environment running the tests says.
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)


def _addresses(count: int) -> list[str]:
    """As many different readers: IPv4 and IPv6 in turn, from unrelated networks."""
    v4, v6 = ipaddress.ip_address("198.51.100.10"), ipaddress.ip_address("2001:db8::10")
    return [str(v6 + n * 65536 if n % 2 else v4 + n) for n in range(count)]


def _assert_locked(response, language: str = "en") -> None:
    assert response.status_code == 429
    assert MESSAGES[language] in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session


@pytest.mark.parametrize("language", ["en", "hi"])
def test_thirty_wrong_passwords_then_the_right_one_is_refused(editor, language) -> None:
    # A few typos do not lock anyone out.
    for n in range(LIMIT - 1):
        assert not logged_in(try_login("editor", f"wrong {n}", language=language))
    assert logged_in(try_login("editor", PASSWORD, language=language))

    for n in range(30):
        try_login("editor", f"guess {n}", language=language)
    response = try_login("editor", PASSWORD, language=language)
    _assert_locked(response, language)
    assert response["Retry-After"] == str(30 * 60)
    assert "30" in response.content.decode()


def test_a_locked_out_attempt_runs_no_password_hasher(editor) -> None:
    for n in range(LIMIT):
        try_login("editor", f"guess {n}")
    CountingHasher.calls = 0
    for password in ["another guess", PASSWORD, ""]:
        try_login("editor", password)
    # The address is locked too: a name never tried from it costs no hashing either.
    try_login("nobody-at-all", "guess", address="198.51.100.7")
    assert CountingHasher.calls == 0


def test_the_account_is_locked_whatever_addresses_the_guesses_come_from(editor) -> None:
    addresses = _addresses(31)
    for n, address in enumerate(addresses[:30]):
        try_login("editor", f"guess {n}", address=address, user_agent=f"bot {n}")
    assert AccessAttempt.objects.filter(ip_address=addresses[0]).count() == 1
    _assert_locked(try_login("editor", PASSWORD, address=addresses[30]))


def test_the_address_is_locked_whatever_accounts_it_guesses(editor) -> None:
    User.objects.create_user("reporter", password=PASSWORD, is_staff=True)
    names = ["admin", "root", "reporter", "संपादक", *(f"user{n}" for n in range(26))]
    for name in names:
        try_login(name, "guess", address="203.0.113.66", user_agent=f"bot {name}")
    _assert_locked(try_login("editor", PASSWORD, address="203.0.113.66"))
    # The lock is the address's: the editor logs in from anywhere else.
    assert logged_in(try_login("editor", PASSWORD, address="203.0.113.67"))


@pytest.mark.parametrize(
    "forged",
    [
        lambda n: f"10.0.{n}.1",  # a new "client" in front each time
        lambda n: f"198.51.100.{n}, 10.1.1.{n}",  # a whole made-up chain
        lambda n: f"not-an-address-{n}",  # garbage
        lambda n: f"2001:db8::{n:x}",
    ],
    ids=["one", "chain", "garbage", "ipv6"],
)
def test_a_forged_forwarded_for_does_not_dodge_the_lock(editor, settings, forged) -> None:
    """Behind one proxy, the reader's address is what the proxy appended, right-most; what the
    client wrote to its left changes nothing."""
    settings.PATRIKA_TRUSTED_PROXIES = 1
    proxy, attacker, neighbour = "10.9.9.9", "203.0.113.99", "203.0.113.100"
    for n in range(30):
        try_login(f"user{n}", "guess", address=proxy, forwarded_for=f"{forged(n)}, {attacker}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {attacker}
    forged_again = f"{forged(99)}, {attacker}"
    _assert_locked(try_login("editor", PASSWORD, address=proxy, forwarded_for=forged_again))
    # Another reader behind the same proxy is someone else.
    assert logged_in(try_login("editor", PASSWORD, address=proxy, forwarded_for=neighbour))


def test_a_lock_ends_after_the_cooloff(editor) -> None:
    for n in range(30):
        try_login("editor", f"guess {n}")
    _assert_locked(try_login("editor", PASSWORD))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert logged_in(try_login("editor", PASSWORD))


def test_without_a_cooloff_the_lock_stays(editor, settings) -> None:
    settings.AXES_COOLOFF_TIME = None
    for n in range(LIMIT):
        try_login("editor", f"guess {n}")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(days=365))
    response = try_login("editor", PASSWORD)
    _assert_locked(response)
    assert "Ask an administrator to unlock it." in response.content.decode()
    assert "Retry-After" not in response


@pytest.mark.parametrize(
    ("env", "limit", "cooloff"),
    [
        ({}, 10, timedelta(minutes=30)),
        ({"PATRIKA_LOGIN_FAILURE_LIMIT": "3"}, 3, timedelta(minutes=30)),
        ({"PATRIKA_LOGIN_COOLOFF_MINUTES": "5"}, 10, timedelta(minutes=5)),
        ({"PATRIKA_LOGIN_COOLOFF_MINUTES": "0"}, 10, None),
    ],
)
def test_limits_come_from_the_environment(env, limit, cooloff, tmp_path) -> None:
    code = (
        "import patrika.settings as s; "
        "print(repr((s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME, s.AXES_LOCKOUT_PARAMETERS)))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PATRIKA_LOGIN_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env, "PATRIKA_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == repr((limit, cooloff, ["username", "ip_address"]))
