import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from patrika.newsroom.models import StoryStatus
from patrika.newsroom.tests.factories import make_section, make_story
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES, PUBLIC_URLS

from .conftest import story_with_stored_links, url_of

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_story_page_per_language(client, sample_story) -> None:
    en = client.get(url_of(sample_story, "en"))
    hi = client.get(url_of(sample_story, "hi"))
    assert en.status_code == hi.status_code == 200
    assert '<html lang="en"' in en.text
    assert '<html lang="hi"' in hi.text
    assert "पुतिन–मोदी वार्ता" in hi.text
    assert "<h2>मुख्य विषय</h2>" in hi.text
    assert "The Times of India" in en.text


def test_story_head_links_translations(client, sample_story) -> None:
    html = client.get(url_of(sample_story, "en")).text
    hi_url = url_of(sample_story, "hi")
    assert f'hreflang="hi" href="http://testserver{hi_url}"' in html
    assert 'hreflang="x-default"' in html
    assert f'<link rel="canonical" href="http://testserver{url_of(sample_story, "en")}">' in html
    assert '<meta property="og:locale" content="en_IN">' in html
    assert '<meta property="og:locale:alternate" content="hi_IN">' in html
    assert '<meta name="twitter:card"' in html


def test_json_ld_news_article(client, sample_story) -> None:
    data = json_ld(client.get(url_of(sample_story, "hi")).text)
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == "hi"
    assert data["headline"].startswith("पुतिन–मोदी वार्ता")
    for key in ("datePublished", "dateModified", "author", "publisher"):
        assert data[key]
    assert data["isBasedOn"][0]["publisher"]["name"] == "The Times of India"


def test_json_ld_cannot_close_its_script(client) -> None:
    story = make_story(en="</script><script>alert(1)</script>")
    html = client.get(url_of(story, "en")).text
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script>"


def test_bilingual_page_has_both_parts_with_lang_and_jump_links(client, sample_story) -> None:
    html = client.get(sample_story.translations.get(language="en").get_bilingual_url()).text
    en_at = html.index('id="story-en"')
    hi_at = html.index('id="story-hi"')
    assert en_at < hi_at
    assert 'lang="hi"' in html[hi_at : hi_at + 200]
    assert 'href="#story-hi"' in html and 'href="#story-en"' in html


def test_bilingual_page_404_for_single_language_story(client) -> None:
    story = make_story(hi=None)
    assert client.get(story.translations.get().get_bilingual_url()).status_code == 404


def test_drafts_and_future_stories_are_not_public(client) -> None:
    draft = make_story(status=StoryStatus.DRAFT)
    future = make_story(
        status=StoryStatus.SCHEDULED, published_at=timezone.now() + timedelta(hours=2)
    )
    for story in (draft, future):
        assert client.get(url_of(story, "en")).status_code == 404
    home = client.get("/en/").text
    assert "English story" not in home or url_of(draft, "en") not in home


def test_story_in_one_language_only_is_not_on_the_other_home(client) -> None:
    story = make_story(hi=None, en="Only in English")
    assert "Only in English" in client.get("/en/").text
    assert "Only in English" not in client.get("/hi/").text
    assert client.get(url_of(story, "en")).status_code == 200


def test_hindi_dates_use_hindi_month_names(client) -> None:
    when = timezone.make_aware(timezone.datetime(2026, 8, 18, 12, 0))
    story = make_story(published_at=when)
    assert "18 अगस्त 2026" in client.get(url_of(story, "hi")).text
    assert "18 August 2026" in client.get(url_of(story, "en")).text


def test_ui_strings_are_translated_in_hindi(client, sample_story) -> None:
    assert "और ख़बरें" in client.get("/hi/").text or "खोज" in client.get("/hi/").text


def test_listings_paginate(client, settings) -> None:
    settings.PATRIKA_PAGE_SIZE = 3
    for _ in range(7):
        make_story()
    first = client.get("/en/").text
    assert 'rel="next" href="?page=2"' in first
    third = client.get("/en/?page=3").text
    assert third.count('class="card"') == 1
    assert 'rel="next"' not in third and 'rel="prev" href="?page=2"' in third
    assert client.get("/en/?page=4").status_code == 404
    assert client.get("/en/?page=abc").text.count('class="card"') == 3


@pytest.mark.parametrize("path", ["/", "/en/", "/hi/"])
def test_homes(client, sample_story, path) -> None:
    assert client.get(path).status_code == 200


def test_section_tag_author_archive_pages(client, sample_story) -> None:
    year = sample_story.published_at.year
    for path in (
        "/en/section/world/",
        "/hi/section/world/",
        f"/en/tag/{sample_story.tags.get().slug}/",
        f"/hi/author/{sample_story.authors.get().slug}/",
        f"/en/archive/{year}/",
        f"/hi/archive/{year}/{sample_story.published_at.month}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Putin" in response.text or "पुतिन" in response.text, path
    assert "विश्व" in client.get("/hi/section/world/").text


def test_unknown_pages_404_in_both_languages(client) -> None:
    for path in ("/en/news/nope/", "/hi/section/nope/", "/en/archive/2026/13/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "पृष्ठ नहीं मिला" in response.text and "Page not found" in response.text


def test_robots_txt_names_sitemaps(client) -> None:
    text = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_story_page_query_count_does_not_grow(client, django_assert_max_num_queries) -> None:
    section = make_section()
    small = make_story(section=section, tags=["a"], authors=["One"])
    big = make_story(
        section=section, tags=[f"tag {i}" for i in range(15)], authors=[f"A {i}" for i in range(6)]
    )
    for _ in range(15):
        make_story(section=section, tags=["x", "y"], authors=["Z"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for story in (small, big):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url_of(story, "en")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(16):
        client.get(url_of(big, "hi"))


def test_server_error_page_is_bilingual_and_needs_no_database(
    rf, django_assert_num_queries
) -> None:
    from patrika.public.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert 'lang="hi"' in response.content.decode()


def test_listings_show_approved_comment_counts(client) -> None:
    from patrika.comments.models import Comment, CommentStatus

    story = make_story(en="Much discussed")
    for status in (CommentStatus.APPROVED, CommentStatus.APPROVED, CommentStatus.PENDING):
        Comment.objects.create(
            story=story, language="en", name="R", email="r@example.org", body="x", status=status
        )
    assert "2 comments" in client.get("/en/").text
    assert "2 comments" in client.get("/").text


def test_more_news_is_in_the_page_language_same_section_first(client) -> None:
    world, india = make_section(), make_section("india", "India", "भारत")
    # Created first, so newest: only the same-section rule puts "same" before it.
    other = make_story(section=india, hi="भारत की ख़बर")
    story = make_story(section=world)
    english_only = make_story(section=world, en="World, English only", hi=None)
    same = make_story(section=world, hi="विश्व की दूसरी ख़बर")
    page = client.get(url_of(story, "hi")).text
    more = page[page.index('id="more-news-h"') :]
    assert "विश्व की दूसरी ख़बर" in more and "भारत की ख़बर" in more
    assert more.index("विश्व की दूसरी ख़बर") < more.index("भारत की ख़बर")
    assert english_only.translations.get().title not in more
    assert same.pk != other.pk


@pytest.mark.parametrize("month", range(1, 13))
def test_pages_print_dates_in_their_language(client, month: int) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from babel.dates import get_month_names

    from patrika.newsroom.tests.factories import make_story

    published = datetime(2025, month, 25, 17, 30, tzinfo=ZoneInfo("Asia/Kolkata"))
    story = make_story(published_at=published)
    for lang, locale in (("en", "en_IN"), ("hi", "hi")):
        name = get_month_names("wide", locale=locale)[month]
        translation = story.translations.get(language=lang)
        assert f"25 {name} 2025" in client.get(translation.get_absolute_url()).text
        archive = client.get(f"/{lang}/archive/2025/{month}/").text
        assert f"{name} 2025" in archive and f"{month}/2025" not in archive
        assert f"25 {name} 2025" in archive  # the story card


class _Attributes(HTMLParser):
    """Every URL-bearing attribute of a page, decoded as a browser decodes it."""

    NAMES = {"href", "src", "srcset", "action", "content", "poster", "formaction"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.values += [(tag, n, v or "") for n, v in attrs if n in self.NAMES]


def _link_targets(html: str) -> list[tuple[str, str, str]]:
    parser = _Attributes()
    parser.feed(html)
    return parser.values


def _runs_script(value: str) -> bool:
    # What a browser reads as the scheme: controls and whitespace dropped, any case.
    squeezed = "".join(c for c in value if c.isprintable() and not c.isspace()).lower()
    return squeezed.startswith(("javascript:", "vbscript:", "data:"))


def _strings(data: object) -> set[str]:
    if isinstance(data, dict):
        return set().union(*map(_strings, data.values()))
    if isinstance(data, list):
        return set().union(*map(_strings, data))
    return {data.strip()} if isinstance(data, str) else set()


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_stored_unsafe_urls_render_as_no_link(client, url) -> None:
    story = story_with_stored_links(url)
    pages = [url_of(story, "en"), url_of(story, "hi")]
    pages.append(story.translations.get(language="en").get_bilingual_url())
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200
        html = response.content.decode()
        for tag, name, value in _link_targets(html):
            assert value.strip() != url.strip(), (page, tag, name)
            assert not _runs_script(value), (page, tag, name, value)
        # The source is still credited, as text.
        assert "<cite>Original report</cite> – द हिंदू" in html, page
        if page != pages[-1]:  # the bilingual page has no comments and no JSON-LD
            assert "comment-author" in html
            data = json_ld(html)
            assert "url" not in data["isBasedOn"][0], page
            assert data["isBasedOn"][0]["name"] == "Original report"
            assert "image" not in data, page
            assert url.strip() not in _strings(data)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_stored_public_urls_are_linked(client, url) -> None:
    story = story_with_stored_links(url)
    html = client.get(url_of(story, "hi")).content.decode()
    targets = [(tag, name, value) for tag, name, value in _link_targets(html) if value == url]
    assert ("a", "href", url) in targets  # the source, and the commenter's name
    assert ("img", "src", url) in targets
    assert ("meta", "content", url) in targets  # og:image
    data = json_ld(html)
    assert data["isBasedOn"][0]["url"] == url and data["image"] == [iri_to_uri(url)]
