"""What a reader sees and clicks, in Debian's headless Chromium."""

from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User

from patrika.newsroom.demo import SAMPLE_KEY, load_demo
from patrika.newsroom.models import Story
from patrika.text import normalize

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


def test_editor_changes_the_hindi_body_in_the_admin(demo_site, page, artifacts_dir) -> None:
    """The sample story as loaded (a Hindi slug with matras), saved from the admin in
    Chromium with a new Hindi body; readers see the change."""
    User.objects.create_superuser("editor", password="a-long-test-password-1")
    page.goto(demo_site + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password-1")
    page.click('input[type="submit"]')
    page.wait_for_url("**/admin/")

    story = Story.objects.get(import_source=SAMPLE_KEY)
    page.goto(f"{demo_site}/admin/newsroom/story/{story.pk}/change/")
    prefix = page.eval_on_selector(
        'select[name^="translations-"][name$="-language"] option[value="hi"]:checked',
        "option => option.parentElement.name.replace(/-language$/, '')",
    )
    body = page.locator(f'textarea[name="{prefix}-body"]')
    assert body.input_value().startswith(_sample("hi").body.strip()[:40])
    body.fill("## ताज़ा जानकारी\n\nबातचीत के बाद दोनों देशों ने संयुक्त बयान जारी किया।")
    page.click('input[name="_save"]')
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert page.url == f"{demo_site}/admin/newsroom/story/", errors
    assert page.locator(".messagelist .success").count() == 1

    page.goto(demo_site + _sample("hi").get_absolute_url())
    assert page.get_by_role("heading", name=normalize("ताज़ा जानकारी")).is_visible()
    assert page.get_by_text("दोनों देशों ने संयुक्त बयान जारी किया").is_visible()
    page.screenshot(path=os.path.join(artifacts_dir, "admin-edit-hi.png"))
