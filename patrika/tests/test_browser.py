"""What a reader sees and clicks, in Debian's headless Chromium."""

from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from patrika.newsroom.demo import SAMPLE_KEY, load_demo
from patrika.newsroom.models import Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    load_demo(generated=14)
    return live_server.url


def _sample(lang: str):
    return Story.objects.get(import_source=SAMPLE_KEY).translations.get(language=lang)


def test_reader_follows_story_and_switches_to_hindi(demo_site, page, artifacts_dir) -> None:
    page.goto(demo_site + "/en/")
    english_title = _sample("en").title
    page.get_by_role("link", name=english_title).first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == english_title

    page.get_by_role("link", name="हिन्दी").first.click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "hi"
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text().startswith("पुतिन–मोदी वार्ता")
    assert heading.is_visible()
    assert page.get_by_role("heading", name="मुख्य विषय").is_visible()
    # Devanagari is shaped with a real font: the heading has height and width on screen.
    box = heading.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 20
    page.screenshot(path=os.path.join(artifacts_dir, "story-hi.png"), full_page=True)


def test_bilingual_view_jumps_between_languages(demo_site, page, artifacts_dir) -> None:
    page.goto(demo_site + _sample("en").get_bilingual_url())
    hindi_part = page.locator("#story-hi")
    assert hindi_part.get_attribute("lang") == "hi"
    page.locator('.jump a[href="#story-hi"]').click()
    page.wait_for_function("location.hash === '#story-hi'")
    assert hindi_part.locator("h1").is_visible()
    page.screenshot(path=os.path.join(artifacts_dir, "bilingual.png"))


@pytest.mark.parametrize(
    "path",
    [
        lambda: "/",
        lambda: "/hi/",
        lambda: _sample("en").get_absolute_url(),
        lambda: _sample("hi").get_absolute_url(),
        lambda: _sample("en").get_bilingual_url(),
    ],
    ids=["home", "hindi-home", "story-en", "story-hi", "bilingual"],
)
def test_no_serious_accessibility_violations(demo_site, page, path) -> None:
    page.goto(demo_site + path())
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
