"""An admin account and a way to try its login form from any address, counting hashes."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client

PASSWORD = "correct horse battery staple"
LOGIN = "/admin/login/?next=/admin/"


class CountingHasher(MD5PasswordHasher):
    """A real hasher that counts its work: a refused attempt must cost none of it."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.calls += 1
        return super().encode(password, salt)

    def verify(self, password: str, encoded: str) -> bool:
        CountingHasher.calls += 1
        return super().verify(password, encoded)


@pytest.fixture(autouse=True)
def _counting_hasher(settings) -> type[CountingHasher]:
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


@pytest.fixture
def editor(db, _counting_hasher) -> User:
    return User.objects.create_user("editor", password=PASSWORD, is_staff=True)


def try_login(
    username: str,
    password: str,
    *,
    address: str = "198.51.100.7",
    forwarded_for: str | None = None,
    language: str = "en",
    user_agent: str = "Mozilla/5.0",
) -> HttpResponse:
    """One attempt through the admin's own login form, from a fresh browser."""
    headers = {"REMOTE_ADDR": address, "HTTP_ACCEPT_LANGUAGE": language}
    headers["HTTP_USER_AGENT"] = user_agent
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return Client().post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **headers
    )


def logged_in(response: HttpResponse) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"
