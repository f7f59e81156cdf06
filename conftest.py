"""Test set-up shared by every app: plain static storage, compiled catalogues, a fresh var/."""

from __future__ import annotations

import os
import tempfile

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# there unless told that this thread is not really serving async code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config: pytest.Config) -> None:
    # pytest-django has loaded settings before this file runs, so adjust them here: tests
    # never write into the developer's ./var/ and need no collectstatic manifest.
    from django.conf import settings

    from patrika.catalogs import compile_catalogs

    scratch = tempfile.mkdtemp(prefix="patrika-test-")
    settings.STATIC_ROOT = os.path.join(scratch, "static")
    os.makedirs(settings.STATIC_ROOT)
    settings.MEDIA_ROOT = os.path.join(scratch, "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    compile_catalogs()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _language_reset():
    # A request in Hindi leaves Hindi active in the thread (LocaleMiddleware activates and
    # never deactivates): without this, the next test's messages come out in Hindi.
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    from django.core.cache import cache

    cache.clear()


ARTIFACTS = os.path.join(os.path.dirname(__file__), "test-artifacts")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("PATRIKA_CHROMIUM", "/usr/bin/chromium")
    if not os.path.exists(executable):
        pytest.fail(
            f"Chromium not found at {executable}: run `make test` (apt-get install chromium)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def artifacts_dir() -> str:
    os.makedirs(ARTIFACTS, exist_ok=True)
    return ARTIFACTS
