from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from patrika.newsroom.tests.factories import make_story

from .conftest import url_of

pytestmark = pytest.mark.django_db
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def test_sitemap_has_each_translation_with_hreflang_alternates(client, sample_story) -> None:
    english_only = make_story(hi=None)
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    assert root.tag == f"{SM}urlset"
    urls = {u.findtext(f"{SM}loc"): u for u in root.findall(f"{SM}url")}
    en = "http://testserver" + url_of(sample_story, "en")
    hi = "http://testserver" + url_of(sample_story, "hi")
    assert en in urls and hi in urls
    alternates = {
        link.get("hreflang"): link.get("href") for link in urls[hi].findall(f"{XHTML}link")
    }
    assert alternates["en"] == en and alternates["hi"] == hi and "x-default" in alternates
    only = "http://testserver" + url_of(english_only, "en")
    assert only in urls
    assert (
        len([u for u in urls if u.endswith(f"/news/{english_only.translations.get().slug}/")]) == 1
    )


def test_news_sitemap_covers_two_days_with_language(client, sample_story) -> None:
    old = make_story(en="Old story", published_at=timezone.now() - timedelta(days=3))
    root = ElementTree.fromstring(client.get("/news-sitemap.xml").content)
    entries = root.findall(f"{SM}url")
    locs = [e.findtext(f"{SM}loc") for e in entries]
    assert "http://testserver" + url_of(sample_story, "hi") in locs
    assert "http://testserver" + url_of(old, "en") not in locs
    languages = {
        e.find(f"{NEWS}news").find(f"{NEWS}publication").findtext(f"{NEWS}language")
        for e in entries
    }
    assert languages == {"en", "hi"}
    titles = [e.find(f"{NEWS}news").findtext(f"{NEWS}title") for e in entries]
    assert sample_story.translations.get(language="hi").title in titles
