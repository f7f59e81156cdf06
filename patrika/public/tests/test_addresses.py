"""Language-neutral and wrong-language story addresses lead to the story in the reader's
language when it has one, else to the language it has; drafts stay 404."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.utils import timezone

from patrika.newsroom.models import Story, StoryStatus, TranslationState
from patrika.newsroom.services import story_touch
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def stories() -> dict[str, Story]:
    """One story of every shape a reader can meet."""
    hindi_not_ready = make_story(en="English ready, Hindi still a draft", hi="हिंदी अभी मसौदा")
    draft = hindi_not_ready.translations.get(language="hi")
    draft.state = TranslationState.DRAFT
    draft.save()
    story_touch(story=hindi_not_ready)
    return {
        "both": make_story(en="Budget presented in Parliament", hi="संसद में बजट पेश"),
        "english-only": make_story(en="Only in English", hi=None),
        "hindi-only": make_story(en=None, hi="केवल हिंदी में ख़बर"),
        "hindi-not-ready": hindi_not_ready,
    }


def _ready(story: Story) -> dict[str, str]:
    return {
        t.language: t.get_absolute_url()
        for t in story.translations.filter(state=TranslationState.READY)
    }


def _slugs(story: Story) -> list[tuple[str, str]]:
    """Every slug the story has, of every language, ready or not."""
    return [(t.language, t.slug) for t in story.translations.all()]


def _expected(story: Story, *, reader: str, slug_language: str) -> str:
    ready = _ready(story)
    if reader in ready:
        return ready[reader]
    return ready.get(slug_language) or next(iter(ready.values()))


@pytest.mark.parametrize("reader", LANGUAGES)
@pytest.mark.parametrize("kind", ["both", "english-only", "hindi-only", "hindi-not-ready"])
def test_neutral_address_leads_to_the_readers_language(client, stories, reader, kind) -> None:
    story = stories[kind]
    for slug_language, slug in _slugs(story):
        if story.translations.get(language=slug_language).state != TranslationState.READY:
            continue
        response = client.get(f"/news/{quote(slug)}/", HTTP_ACCEPT_LANGUAGE=reader)
        assert response.status_code == 302, (kind, slug)
        assert response["Location"] == _expected(story, reader=reader, slug_language=slug_language)
        vary = {v.strip() for v in response["Vary"].split(",")}
        assert {"Accept-Language", "Cookie"} <= vary
        # The page it leads to is there.
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("reader", LANGUAGES)
@pytest.mark.parametrize("kind", ["both", "english-only", "hindi-only", "hindi-not-ready"])
def test_neutral_bilingual_address(client, stories, reader, kind) -> None:
    story = stories[kind]
    ready = _ready(story)
    for slug_language, slug in _slugs(story):
        if slug_language not in ready:
            continue
        response = client.get(f"/news/{quote(slug)}/bilingual/", HTTP_ACCEPT_LANGUAGE=reader)
        assert response.status_code == 302
        page = _expected(story, reader=reader, slug_language=slug_language)
        # Only a story in two languages has a bilingual page.
        assert response["Location"] == (page + "bilingual/" if len(ready) > 1 else page)
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("reader", LANGUAGES)
def test_language_cookie_outranks_accept_language(client, stories, reader) -> None:
    story = stories["both"]
    other = next(code for code in LANGUAGES if code != reader)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = reader
    slug = story.translations.get(language=other).slug
    response = client.get(f"/news/{quote(slug)}/", HTTP_ACCEPT_LANGUAGE=other)
    assert response["Location"] == _ready(story)[reader]


@pytest.mark.parametrize("prefix", LANGUAGES)
@pytest.mark.parametrize("kind", ["both", "english-only", "hindi-only", "hindi-not-ready"])
def test_another_languages_slug_under_a_prefix(client, stories, prefix, kind) -> None:
    """/hi/news/<english-slug>/ leads to the Hindi translation, or to the English page."""
    story = stories[kind]
    ready = _ready(story)
    for slug_language, slug in _slugs(story):
        response = client.get(f"/{prefix}/news/{quote(slug)}/")
        if slug_language not in ready:
            assert response.status_code == 404  # a translation not ready is not public
        elif slug_language == prefix:
            assert response.status_code == 200
        else:
            assert response.status_code == 302
            assert response["Location"] == ready.get(prefix, ready[slug_language])
            assert client.get(response["Location"]).status_code == 200
        bilingual = client.get(f"/{prefix}/news/{quote(slug)}/bilingual/")
        if slug_language in ready and slug_language != prefix:
            assert bilingual.status_code == 302
            target = ready.get(prefix, ready[slug_language])
            assert bilingual["Location"] == (target + "bilingual/" if len(ready) > 1 else target)


@pytest.mark.parametrize("reader", LANGUAGES)
def test_drafts_and_future_stories_stay_404_at_every_address(client, reader) -> None:
    hidden = [
        make_story(status=StoryStatus.DRAFT),
        make_story(status=StoryStatus.IN_REVIEW),
        make_story(status=StoryStatus.ARCHIVED),
        make_story(status=StoryStatus.SCHEDULED, published_at=timezone.now() + timedelta(hours=3)),
    ]
    for story in hidden:
        for _language, slug in _slugs(story):
            for path in (f"/news/{quote(slug)}/", f"/news/{quote(slug)}/bilingual/"):
                response = client.get(path, HTTP_ACCEPT_LANGUAGE=reader)
                assert response.status_code == 404, path  # at once, not after a redirect
            for prefix in LANGUAGES:
                for path in (
                    f"/{prefix}/news/{quote(slug)}/",
                    f"/{prefix}/news/{quote(slug)}/bilingual/",
                ):
                    assert client.get(path).status_code == 404, path
    assert client.get("/news/no-such-story/", HTTP_ACCEPT_LANGUAGE=reader).status_code == 404


def test_one_slug_in_two_languages_naming_two_stories(client) -> None:
    english = make_story(en="Delhi", hi="दिल्ली की ख़बर")
    hindi = make_story(en="Another English title", hi="हिंदी शीर्षक")
    shared = english.translations.get(language="en").slug
    hindi.translations.filter(language="hi").update(slug=shared)
    story_touch(story=hindi)
    for reader in LANGUAGES:
        response = client.get(f"/news/{shared}/", HTTP_ACCEPT_LANGUAGE=reader)
        story = hindi if reader == "hi" else english
        assert response["Location"] == _ready(story)[reader]


def test_query_string_is_kept(client, stories) -> None:
    slug = stories["both"].translations.get(language="en").slug
    response = client.get(f"/news/{slug}/?utm_source=feed&x=%E0%A4%95", HTTP_ACCEPT_LANGUAGE="hi")
    assert response["Location"].endswith("/?utm_source=feed&x=%E0%A4%95")


@pytest.mark.parametrize("reader", LANGUAGES)
def test_sitemap_x_default_leads_each_reader_to_their_language(client, stories, reader) -> None:
    sm, xhtml = "{http://www.sitemaps.org/schemas/sitemap/0.9}", "{http://www.w3.org/1999/xhtml}"
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    checked = 0
    for url in root.findall(f"{sm}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{xhtml}link")}
        if "x-default" not in links:
            continue
        response = client.get(links["x-default"], HTTP_ACCEPT_LANGUAGE=reader)
        assert response.status_code == 302
        expected = links.get(reader) or links[settings.LANGUAGE_CODE]
        assert "http://testserver" + response["Location"] == expected
        checked += 1
    assert checked >= 3


def test_a_third_language_reader_gets_the_slugs_own_language(client, settings) -> None:
    settings.LANGUAGES = [*settings.LANGUAGES, ("mr", "Marathi")]
    story = make_story(en="Rain in Pune", hi="पुणे में बारिश")
    for language, slug in _slugs(story):
        response = client.get(f"/news/{quote(slug)}/", HTTP_ACCEPT_LANGUAGE="mr")
        assert response["Location"] == _ready(story)[language]


@pytest.mark.parametrize("reader", LANGUAGES)
def test_story_pages_x_default_is_the_neutral_address(client, stories, reader) -> None:
    import re

    for story in stories.values():
        for url in _ready(story).values():
            html = client.get(url).text
            x_default = re.search(r'hreflang="x-default" href="http://testserver([^"]+)"', html)
            assert x_default, url
            assert not x_default.group(1).startswith(tuple(f"/{code}/" for code in LANGUAGES))
            response = client.get(x_default.group(1), HTTP_ACCEPT_LANGUAGE=reader)
            ready = _ready(story)
            first = next(ready[code] for code in LANGUAGES if code in ready)
            assert response["Location"] == ready.get(reader, first)
