"""`patrika unlock`: what an administrator runs when a colleague (or an office) is locked out."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from .conftest import PASSWORD, logged_in, try_login

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _throttle(settings) -> None:
    settings.AXES_FAILURE_LIMIT = 10


def _lock_account(name: str) -> None:
    # From many addresses, so only the account is locked.
    for n in range(12):
        try_login(name, f"guess {n}", address=f"198.51.100.{n + 1}")


def _lock_address(address: str) -> None:
    for n in range(12):
        try_login(f"user{n}", "guess", address=address)


def test_unlock_user_lets_the_account_log_in_again(editor, capsys) -> None:
    _lock_account("editor")
    assert try_login("editor", PASSWORD, address="203.0.113.1").status_code == 429
    call_command("unlock", "--user", "editor")
    # Twelve guesses and the refused login, each from its own address. (`patrika unlock` is
    # this command; run_from_argv would close the test's database connection.)
    assert "13 failed-attempt record(s) removed" in capsys.readouterr().out
    assert logged_in(try_login("editor", PASSWORD, address="203.0.113.1"))


def test_unlocking_another_user_leaves_the_lock(editor) -> None:
    _lock_account("editor")
    call_command("unlock", "--user", "Editor")
    assert try_login("editor", PASSWORD, address="203.0.113.1").status_code == 429


@pytest.mark.parametrize(
    ("locked", "typed"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8::7", "2001:DB8:0:0::7"),  # any spelling of the same address
        ("::ffff:203.0.113.7", " ::FFFF:203.0.113.7 "),
    ],
)
def test_unlock_ip_lets_the_address_log_in_again(editor, locked, typed) -> None:
    _lock_address(locked)
    assert try_login("editor", PASSWORD, address=locked).status_code == 429
    call_command("unlock", "--ip", typed)
    assert logged_in(try_login("editor", PASSWORD, address=locked))


def test_unlock_both_lifts_each_lock(editor) -> None:
    _lock_account("editor")
    _lock_address("203.0.113.8")
    call_command("unlock", "--user", "editor", "--ip", "203.0.113.8")
    assert logged_in(try_login("editor", PASSWORD, address="203.0.113.8"))


@pytest.mark.parametrize("args", [[], ["--ip", "not-an-address"], ["--ip", "203.0.113.300"]])
def test_unlock_refuses_what_it_cannot_use(args) -> None:
    with pytest.raises(CommandError):
        call_command("unlock", *args)
