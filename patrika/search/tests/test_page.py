"""The search page in every language: a labelled query field, month filters named in the
page's language (no browser date picker, whose format ignores the page), results as cards."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.conf import settings
from django.utils import timezone

from patrika import dates
from patrika.newsroom.models import Story

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=ZoneInfo(settings.TIME_ZONE))


@pytest.fixture
def stories(publish: Callable[..., Story]) -> dict[str, Story]:
    return {
        "march": publish(en="Harvest fair in March", hi=None, published_at=_at(2025, 3, 31, 23)),
        "may": publish(en="Harvest fair in May", hi=None, published_at=_at(2025, 5, 1, 0)),
    }


def _select(doc: lxml.html.HtmlElement, name: str) -> list[tuple[str, str]]:
    (select,) = doc.xpath(f'//select[@name="{name}"]')
    return [(o.get("value"), o.text_content()) for o in select.xpath(".//option")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_month_filters_are_named_in_the_pages_language(client, stories, lang) -> None:
    doc = lxml.html.fromstring(client.get(f"/{lang}/search/").text)
    assert not doc.xpath('//input[@type="date"]')
    now = timezone.localtime()
    expected = []
    year, month = now.year, now.month
    while (year, month) >= (2025, 3):
        expected.append((f"{year:04d}-{month:02d}", dates.month_text(year, month, lang=lang)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    for name in ("from", "to"):
        options = _select(doc, name)
        assert options[0][0] == "" and options[1:] == expected
        (label,) = doc.xpath(
            f'//label[@for="{doc.xpath(f"//select[@name={name!r}]")[0].get("id")}"]'
        )
        assert label.text_content().strip()
    # The query field has its own visible label.
    (label,) = doc.xpath('//label[@for="id_q"]')
    assert label.text_content().strip() and doc.xpath('//input[@id="id_q"]')


@pytest.mark.parametrize("lang", LANGUAGES)
def test_month_filters_cover_whole_months(client, stories, lang) -> None:
    def titles(**params: str) -> list[str]:
        doc = lxml.html.fromstring(client.get(f"/{lang}/search/", {"q": "harvest", **params}).text)
        return sorted(h.text_content() for h in doc.xpath('//li[@class="search-hit"]//h2'))

    march, may = "Harvest fair in March", "Harvest fair in May"
    assert titles() == [march, may]
    assert titles(**{"from": "2025-04"}) == [may]
    assert titles(to="2025-03") == [march]  # to the last minute of 31 March
    assert titles(**{"from": "2025-05", "to": "2025-05"}) == [may]
    assert titles(**{"from": "2025-03", "to": "2025-04"}) == [march]
    # Addresses written before the month lists (full dates) still work.
    assert titles(**{"from": "2025-04-15"}) == [may]
    selected = lxml.html.fromstring(
        client.get(f"/{lang}/search/", {"q": "harvest", "from": "2025-04"}).text
    ).xpath('//select[@name="from"]/option[@selected]')
    assert [o.get("value") for o in selected] == ["2025-04"]


@pytest.mark.parametrize("bad", ["2025-13", "yesterday", "2025-02-30", "0-0"])
def test_a_bad_month_is_left_out_and_said(client, stories, bad) -> None:
    response = client.get("/hi/search/", {"q": "harvest", "from": bad})
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.text)
    assert doc.xpath('//p[@class="errors"]')
    assert len(doc.xpath('//li[@class="search-hit"]')) == 2
