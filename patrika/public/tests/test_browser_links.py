"""In a real Chromium: a story whose stored source URL (and image and commenter's website) is
hostile shows the source as text, and clicking around it runs nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import story_with_stored_links, url_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = [
    "javascript:window.__pwned='source';alert('source')",
    "JaVaScRiPt:window.__pwned='case';alert('case')",
    "data:text/html,<script>alert('data')</script>",
    "\x01java\tscript:window.__pwned='control';alert('control')",
]


@pytest.mark.parametrize("url", HOSTILE, ids=["javascript", "case", "data", "control"])
def test_clicking_a_hostile_source_runs_nothing(live_server, page: Page, url: str) -> None:
    story = story_with_stored_links(url)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script("window.__pwned = false;")
    pages = [url_of(story, "en"), url_of(story, "hi")]
    pages.append(story.translations.get(language="en").get_bilingual_url())
    for path in pages:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        for source in page.locator(".sources li").all():
            source.click()
            for link in source.locator("a").all():
                link.click()
        for link in page.locator(".comment-author a").all():
            link.click()
        page.wait_for_load_state("load")
        assert page.url == live_server.url + path
        assert page.evaluate("window.__pwned") is False, path
        assert page.locator(".sources cite", has_text="Original report").count() >= 1
    assert dialogs == []
