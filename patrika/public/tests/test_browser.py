"""Finding your way as a reader, in Debian's headless Chromium, on a phone and on a desktop:
the section menu, archive and tag pages, story cards with pictures, and the search page."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from patrika import dates
from patrika.newsroom.demo import PICTURES, SECTIONS, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE, DESKTOP = 375, 1280
QUERIES = {"en": "monsoon", "hi": "मानसून"}


@pytest.fixture
def demo_site(live_server) -> str:
    load_demo(generated=14)
    return live_server.url


def _open(browser: Browser, width: int) -> Iterator[Page]:
    phone = width < 600
    context = browser.new_context(
        viewport={"width": width, "height": 812 if phone else 900},
        device_scale_factor=2 if phone else 1,
        is_mobile=phone,
        has_touch=phone,
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    yield from _open(browser, PHONE)


@pytest.fixture
def screen(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page at the width the test is parametrized with (indirect)."""
    yield from _open(browser, request.param)


def _fits_the_screen(page: Page) -> None:
    """Nothing makes the page scroll sideways (the section menu scrolls within itself)."""
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"


def _pictures_loaded(page: Page) -> list[dict]:
    """The cards' pictures, scrolled into view (they load lazily), with their loaded size."""
    pictures = page.locator("img.card-image")
    found = []
    for i in range(pictures.count()):
        picture = pictures.nth(i)
        picture.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
        )
        found.append(
            {
                "alt": picture.get_attribute("alt"),
                "box": picture.bounding_box(),
                "natural": picture.evaluate("img => img.naturalWidth"),
                "current": picture.evaluate("img => img.currentSrc"),
            }
        )
    return found


def test_hindi_reader_on_a_phone_browses_by_section_archive_and_tag(
    demo_site, phone: Page, artifacts_dir
) -> None:
    def shot(name: str) -> None:
        phone.screenshot(path=os.path.join(artifacts_dir, f"phone-hi-{name}.png"), full_page=True)

    phone.goto(demo_site + "/hi/")
    _fits_the_screen(phone)
    shot("home")

    # By section, from the menu.
    menu = phone.get_by_role("navigation", name="खंड")
    menu.get_by_role("link", name=SECTIONS["business"]["hi"]).click()
    phone.wait_for_url("**/hi/section/business/")
    assert phone.get_by_role("heading", level=1).inner_text() == SECTIONS["business"]["hi"]
    current = menu.locator("[aria-current=page]")
    assert current.inner_text() == SECTIONS["business"]["hi"] and current.is_visible()
    pictures = _pictures_loaded(phone)
    assert pictures and all(p["alt"] == PICTURES["business"][1]["hi"] for p in pictures)
    # A phone loads a small rendition, and the picture fills the card's width.
    assert all(p["current"].endswith(".webp") and p["natural"] <= 960 for p in pictures)
    assert all(300 <= p["box"]["width"] <= PHONE and p["box"]["height"] > 150 for p in pictures)
    _fits_the_screen(phone)
    shot("section")

    # To a story, and on by its tag, named in Hindi.
    phone.locator("article.card h3 a").first.click()
    phone.wait_for_load_state()
    assert phone.locator("html").get_attribute("lang") == "hi"
    assert "/hi/news/" in phone.url
    phone.get_by_role("list", name="टैग").get_by_role("link", name="बाज़ार").click()
    phone.wait_for_url("**/hi/tag/markets/")
    assert phone.get_by_role("heading", level=1).inner_text() == "बाज़ार"
    assert phone.locator("article.card").count() >= 2
    _fits_the_screen(phone)
    shot("tag")

    # By month, from the archive.
    menu.get_by_role("link", name="संग्रह").click()
    phone.wait_for_url("**/hi/archive/")
    months = phone.locator(".archive-months a")
    assert months.count() >= 1
    newest = months.first
    month_name = newest.inner_text().split()[0]
    hindi_months = [dates.month_name(m, lang="hi") for m in range(1, 13)]
    assert month_name in hindi_months
    newest.click()
    phone.wait_for_load_state()
    heading = phone.get_by_role("heading", level=1).inner_text()
    assert month_name in heading and "/" not in heading
    cards = phone.locator("article.card")
    assert cards.count() >= 1
    assert all(
        month_name in cards.nth(i).locator("time").inner_text() for i in range(cards.count())
    )
    assert phone.locator(".archive-nav [aria-current=page]").inner_text().startswith(month_name)
    _fits_the_screen(phone)
    shot("archive-month")


def _overlap(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], indirect=True)
@pytest.mark.parametrize("lang", ["en", "hi"])
def test_search_page_is_laid_out_in_both_languages(
    demo_site, screen: Page, artifacts_dir, lang: str
) -> None:
    page, width = screen, screen.viewport_size["width"]
    page.goto(f"{demo_site}/{lang}/search/?q={QUERIES[lang]}")
    page.wait_for_load_state()
    form = page.locator("form.search-form")

    # Every label sits clear of its field, and the query field is wide enough to type in.
    for control in form.locator("input:not([type=hidden]), select").all():
        ident = control.get_attribute("id")
        label = form.locator(f'label[for="{ident}"]')
        assert label.count() == 1, ident
        assert not _overlap(label.bounding_box(), control.bounding_box()), ident
        assert label.is_visible() and control.is_visible()
    query, button = page.locator("#id_q"), form.get_by_role("button")
    assert query.bounding_box()["width"] >= 0.5 * min(width, 700)
    assert not _overlap(query.bounding_box(), button.bounding_box())

    # Months to choose, named in the page's language: no browser date format anywhere.
    assert page.locator("input[type=date]").count() == 0
    assert "mm/dd/yyyy" not in page.locator("body").inner_text().lower()
    months = page.locator('select[name="from"] option').all_inner_texts()
    names = [dates.month_name(m, lang=lang) for m in range(1, 13)]
    assert len(months) > 1 and all(any(n in text for n in names) for text in months[1:])

    # Results are cards with their pictures, side by side or stacked, never on top of each other.
    hits = page.locator("li.search-hit")
    assert hits.count() >= 2
    pictures = _pictures_loaded(page)
    assert len(pictures) == hits.count()
    boxes = [hits.nth(i).bounding_box() for i in range(hits.count())]
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    _fits_the_screen(page)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=os.path.join(artifacts_dir, f"search-{lang}-{width}.png"), full_page=True)


def _pages(lang: str) -> list[str]:
    return [
        f"/{lang}/",
        f"/{lang}/section/world/",
        f"/{lang}/tag/monsoon/",
        f"/{lang}/archive/",
        f"/{lang}/search/?q={QUERIES[lang]}",
        f"/{lang}/search/",
    ]


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], indirect=True)
@pytest.mark.parametrize("lang", ["en", "hi"])
def test_no_serious_accessibility_violations_on_listings_and_search(
    demo_site, screen: Page, artifacts_dir, lang: str
) -> None:
    page, width = screen, screen.viewport_size["width"]
    page.goto(f"{demo_site}/{lang}/archive/")
    paths = [*_pages(lang), page.locator(".archive-months a").first.get_attribute("href")]
    found = []
    for path in paths:
        page.goto(demo_site + path)
        _pictures_loaded(page)
        results = Axe().run(page)
        found += [
            (path, v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        name = path.strip("/").replace("/", "-").split("?")[0] + ("-results" if "?" in path else "")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=os.path.join(artifacts_dir, f"{name}-{width}.png"))
    assert found == []
