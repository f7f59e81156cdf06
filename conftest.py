"""Test set-up shared by every app: plain static storage, compiled catalogues, a fresh var/."""

from __future__ import annotations

import os
import tempfile

import pytest

# Tests never write into the developer's ./var/.
os.environ.setdefault("PATRIKA_VAR_DIR", tempfile.mkdtemp(prefix="patrika-test-var-"))
os.environ.setdefault("PATRIKA_MANIFEST_STATIC", "0")
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# there unless told that this thread is not really serving async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config: pytest.Config) -> None:
    from patrika.catalogs import compile_catalogs

    compile_catalogs()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    from django.core.cache import cache

    cache.clear()
