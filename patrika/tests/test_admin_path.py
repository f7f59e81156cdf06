"""The admin at PATRIKA_ADMIN_PATH: found there, nowhere else, and not named in robots.txt."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import clear_url_caches, reverse

import patrika.urls


@pytest.fixture
def admin_at(settings: Any) -> Iterator[Any]:
    def move(path: str) -> None:
        settings.PATRIKA_ADMIN_PATH = path
        importlib.reload(patrika.urls)
        clear_url_caches()

    yield move
    settings.PATRIKA_ADMIN_PATH = "admin"
    importlib.reload(patrika.urls)
    clear_url_caches()


@pytest.mark.parametrize("path", ["desk", "newsroom/desk-7f3a", "A_b-9"])
def test_the_admin_moves_to_the_configured_path(
    admin_at: Any, admin_client: Client, client: Client, path: str
) -> None:
    admin_at(path)
    assert reverse("admin:index") == f"/{path}/"
    assert admin_client.get(f"/{path}/").status_code == 200
    assert admin_client.get(f"/{path}/newsroom/story/").status_code == 200
    assert client.get(f"/{path}/").status_code == 302  # to the login page, at the same place
    assert client.get(f"/{path}/")["Location"].startswith(f"/{path}/login/")
    for old in ("/admin/", "/admin/login/"):
        assert admin_client.get(old).status_code == 404
    robots = client.get("/robots.txt").content.decode()
    assert "admin" not in robots.lower() and path not in robots


def test_the_default_admin_is_kept_out_of_robots(client: Client, db: None) -> None:
    assert reverse("admin:index") == "/admin/"
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize("bad", ["../etc", "a b", "<x>", "desk?x=1", "a//b", "देस्क", ""])
def test_a_path_that_is_not_a_plain_path_is_refused(bad: str) -> None:
    env = {**os.environ, "PATRIKA_ADMIN_PATH": bad}
    done = subprocess.run(
        [sys.executable, "-c", "import patrika.settings"], env=env, capture_output=True, text=True
    )
    if bad == "":
        assert done.returncode == 0  # empty means the default
    else:
        assert done.returncode != 0 and "PATRIKA_ADMIN_PATH" in done.stderr
