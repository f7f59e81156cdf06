"""Finding your way: a section menu in each language, and links to every month with stories."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from babel.dates import format_date
from django.conf import settings
from django.utils import timezone

from patrika import dates
from patrika.newsroom.services import section_get_or_create
from patrika.newsroom.tests.factories import make_section, make_story

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
ARCHIVE_LINKS = '//nav[@class="archive-nav"]//a'
SECTION_NAMES = {"en": "Business", "hi": "व्यापार", "mr": "व्यवसाय"}


def _menu(html: str) -> list[tuple[str, str, str | None]]:
    """(text, href, aria-current) of each link in the section menu."""
    nav = lxml.html.fromstring(html).xpath('//nav[@class="section-menu"]')
    assert len(nav) == 1
    return [(a.text_content(), a.get("href"), a.get("aria-current")) for a in nav[0].iter("a")]


@pytest.fixture
def site():
    business = section_get_or_create(
        slug="business", names={code: SECTION_NAMES[code] for code in LANGUAGES}
    )
    world = make_section()
    # Named in English only: other languages fall back to that name.
    english_only = section_get_or_create(slug="local", names={"en": "Local"})
    story = make_story(section=business, tags=["Markets"], authors=["Asha Verma"])
    make_story(section=world)
    return {"business": business, "world": world, "local": english_only, "story": story}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_the_section_menu_in_its_language(client, site, lang) -> None:
    story = site["story"]
    pages = [
        "/",  # the site home, in the language the reader's browser asks for
        f"/{lang}/",
        f"/{lang}/section/world/",
        f"/{lang}/tag/markets/",
        f"/{lang}/author/asha-verma/",
        f"/{lang}/archive/",
        f"/{lang}/archive/{story.published_at.year}/",
        f"/{lang}/search/?q=news",
        story.translations.get(language=lang).get_absolute_url(),
        story.translations.get(language=lang).get_bilingual_url(),
        f"/{lang}/news/no-such-story/",
    ]
    for path in pages:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=lang)
        menu = _menu(response.text)
        texts = [text for text, _href, _current in menu]
        assert SECTION_NAMES[lang] in texts, path
        assert "Local" in texts
        assert all(href.startswith(f"/{lang}/") for _text, href, _current in menu), path
        assert f"/{lang}/archive/" in [href for _text, href, _current in menu]
        # Every section, in order, between the home and archive links.
        hrefs = [href for _text, href, _current in menu]
        assert hrefs[1:-1] == [
            f"/{lang}/section/{slug}/" for slug in ("business", "local", "world")
        ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_current_section_is_marked(client, site, lang) -> None:
    def current(path: str) -> list[tuple[str, str | None]]:
        return [(href, c) for _text, href, c in _menu(client.get(path).text) if c]

    assert current(f"/{lang}/section/business/") == [(f"/{lang}/section/business/", "page")]
    story_url = site["story"].translations.get(language=lang).get_absolute_url()
    assert current(story_url) == [(f"/{lang}/section/business/", "true")]
    assert current(f"/{lang}/") == [(f"/{lang}/", "page")]
    assert current(f"/{lang}/archive/") == [(f"/{lang}/archive/", "page")]
    assert current(f"/{lang}/tag/markets/") == []


def _published(year: int, month: int) -> datetime:
    return datetime(year, month, 12, 10, 0, tzinfo=ZoneInfo(settings.TIME_ZONE))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_archive_links_every_month_with_stories_and_only_those(client, lang) -> None:
    months = [(2024, 12), (2025, 1), (2025, 3), (2025, 11), (2026, 8)]
    for year, month in months:
        make_story(published_at=_published(year, month))
    other = next((code for code in LANGUAGES if code != lang), None)
    if other:  # a month whose only story is in another language has nothing in this one
        make_story(published_at=_published(2025, 6), **{lang: None})
    make_story(status="draft", published_at=_published(2025, 7))
    # Scheduled for a later year: not out yet, so neither is its year or month.
    make_story(status="scheduled", published_at=_published(timezone.now().year + 2, 2))

    locale = dates.style_for(lang).locale
    doc = lxml.html.fromstring(client.get(f"/{lang}/archive/").text)
    links = {a.get("href"): a.text_content() for a in doc.xpath(ARCHIVE_LINKS)}
    expected_months = {
        f"/{lang}/archive/{y}/{m}/": f"{format_date(_published(y, m), 'LLLL', locale=locale)} {y}"
        for y, m in months
    }
    expected_years = {f"/{lang}/archive/{y}/": str(y) for y in (2026, 2025, 2024)}
    assert links == expected_years | expected_months
    # Newest first.
    hrefs = [a.get("href") for a in doc.xpath(ARCHIVE_LINKS)]
    assert hrefs.index(f"/{lang}/archive/2026/") < hrefs.index(f"/{lang}/archive/2025/")

    # A month's page links its year's months and every year, and marks itself.
    page = lxml.html.fromstring(client.get(f"/{lang}/archive/2025/3/").text)
    nav = page.xpath('//nav[@class="archive-nav"]')[0]
    hrefs = [a.get("href") for a in nav.iter("a")]
    assert hrefs == [
        f"/{lang}/archive/2026/",
        f"/{lang}/archive/2025/",
        f"/{lang}/archive/2025/11/",
        f"/{lang}/archive/2025/3/",
        f"/{lang}/archive/2025/1/",
        f"/{lang}/archive/2024/",
    ]
    current = [a.get("href") for a in nav.iter("a") if a.get("aria-current") == "page"]
    assert current == [f"/{lang}/archive/2025/3/"]
    heading = page.xpath("//h1")[0].text_content()
    assert dates.month_text(2025, 3, lang=lang) in heading


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("month", range(1, 13))
def test_archive_month_names_in_every_language(client, lang, month) -> None:
    make_story(published_at=_published(2025, month))
    html = client.get(f"/{lang}/archive/").text
    name = format_date(_published(2025, month), "LLLL", locale=dates.style_for(lang).locale)
    assert re.search(rf'/{lang}/archive/2025/{month}/"[^>]*>{name}<', html)
