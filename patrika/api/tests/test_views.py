"""What the API hands out: live content only, linked translations, approved comments without
an e-mail, every story once across pages, URLs that pass the one validator."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from patrika.comments.models import Comment
from patrika.newsroom.models import Story
from patrika.newsroom.tests.factories import make_story
from patrika.safe_url import is_public_url

from .conftest import UNSAFE_URLS, Newsroom, path
from .crawl import crawl


def _walk(client: Client, url: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while url:
        body = client.get(url).json()
        items += body["items"]
        url = path(body["next_url"]) if body["next_url"] else ""
    return items


def _strings(body: Any) -> list[tuple[str, Any]]:
    if isinstance(body, dict):
        return [pair for k, v in body.items() for pair in [(k, v), *_strings(v)]]
    if isinstance(body, list):
        return [pair for item in body for pair in _strings(item)]
    return []


@pytest.mark.parametrize("limit", [1, 2, 3, 100])
@pytest.mark.parametrize("lang", ["en", "hi"])
def test_pages_list_every_live_story_once_newest_first(
    client: Client, newsroom: Newsroom, lang: str, limit: int
) -> None:
    items = _walk(client, f"/api/v1/{lang}/stories/?limit={limit}")
    expected = [s.pk for s in newsroom.live if s.translations.filter(language=lang).exists()]
    ids = [item["id"] for item in items]
    assert sorted(ids) == sorted(expected) and len(ids) == len(set(ids))
    keys = [(item["published_at"], item["id"]) for item in items]
    assert keys == sorted(keys, reverse=True)
    assert {item["language"] for item in items} == {lang}


def test_a_story_published_while_a_client_pages_is_neither_repeated_nor_skipped(
    client: Client, newsroom: Newsroom
) -> None:
    first = client.get("/api/v1/en/stories/?limit=3").json()
    make_story(published_at=timezone.now())
    rest = _walk(client, path(first["next_url"]))
    ids = [i["id"] for i in first["items"] + rest]
    assert len(ids) == len(set(ids)) == len([s for s in newsroom.live if s != newsroom.hindi_only])


def test_filters_narrow_the_list(client: Client, newsroom: Newsroom) -> None:
    for query in ("section=world", "tag=politics", "author=asha-writer"):
        ids = {i["id"] for i in _walk(client, f"/api/v1/en/stories/?{query}")}
        assert ids == {s.pk for s in newsroom.live[:7]}, query


@pytest.mark.parametrize("cursor", ["x", "e30:1", "WyJhIiwxXQ:1tZ:bad", ""])
def test_a_forged_cursor_is_refused(client: Client, newsroom: Newsroom, cursor: str) -> None:
    page = client.get("/api/v1/en/stories/?limit=1").json()
    good = page["next_cursor"]
    # The signed cursor with its payload changed: refused, never trusted as a key.
    forged = cursor or good[::-1]
    for url in ("/api/v1/en/stories/", "/api/v1/tags/", "/api/v1/hi/search/?q=a&"):
        sep = "&" if "?" in url else "?"
        response = client.get(f"{url}{sep}cursor={forged}")
        assert response.status_code == 400, url
        assert response.json() == {"detail": "Invalid cursor."}


def test_hidden_stories_and_missing_languages_are_not_found(
    client: Client, newsroom: Newsroom
) -> None:
    listed = {i["id"] for lang in ("en", "hi") for i in _walk(client, f"/api/v1/{lang}/stories/")}
    for story in newsroom.hidden:
        assert story.pk not in listed
        for lang in ("en", "hi"):
            assert client.get(f"/api/v1/{lang}/stories/{story.pk}/").status_code == 404
            assert client.get(f"/api/v1/{lang}/stories/{story.pk}/comments/").status_code == 404
    assert client.get(f"/api/v1/hi/stories/{newsroom.english_only.pk}/").status_code == 404
    assert client.get(f"/api/v1/en/stories/{newsroom.hindi_only.pk}/").status_code == 404


def test_translations_link_to_each_other(client: Client, newsroom: Newsroom) -> None:
    for story in newsroom.live:
        languages = set(story.translations.values_list("language", flat=True))
        for lang in languages:
            body = client.get(f"/api/v1/{lang}/stories/{story.pk}/").json()
            links = {t["language"]: t for t in body["translations"]}
            assert set(links) == languages - {lang}
            for other, link in links.items():
                back = client.get(path(link["api_url"])).json()
                assert back["language"] == other and back["id"] == story.pk
                assert back["title"] == link["title"]
                assert [t["api_url"] for t in back["translations"]] == [body["api_url"]]


def test_comments_are_the_approved_ones_and_carry_no_email(
    client: Client, newsroom: Newsroom
) -> None:
    story = newsroom.commented
    items = _walk(client, f"/api/v1/en/stories/{story.pk}/comments/?limit=2")
    assert [i["id"] for i in items] == [c.pk for c in newsroom.approved]
    assert items[-1]["parent_id"] == newsroom.approved[0].pk
    raw = json.dumps(crawl(client, limit=1), default=vars, ensure_ascii=False)
    for comment in Comment.objects.all():
        assert comment.email not in raw
    for hidden in newsroom.not_public:
        assert hidden.body not in raw
    assert "private@example.org" not in raw  # authors' addresses neither
    assert "@" not in json.dumps(items)


def test_every_url_handed_out_passes_the_validator(client: Client, newsroom: Newsroom) -> None:
    answers = crawl(client, limit=1)
    urls = [
        value
        for answer in answers
        for key, value in _strings(answer.body)
        if isinstance(value, str) and (key.endswith("url") or key == "website")
    ]
    assert urls
    assert all(is_public_url(u) for u in urls if u), [u for u in urls if u and not is_public_url(u)]
    raw = json.dumps([a.body for a in answers])
    for unsafe in UNSAFE_URLS:
        assert json.dumps(unsafe)[1:-1] not in raw
    detail = client.get(f"/api/v1/en/stories/{newsroom.commented.pk}/").json()
    assert [s["url"] for s in detail["sources"]] == ["https://example.com/wire", ""]
    assert detail["image"]["url"] == "https://example.com/photo.jpg"


def test_an_unusable_site_address_hands_out_no_links(
    client: Client, newsroom: Newsroom, settings: Any
) -> None:
    settings.PATRIKA_SITE_URL = "javascript:alert(1)//"
    body = client.get(f"/api/v1/en/stories/{newsroom.commented.pk}/").json()
    assert body["url"] == body["api_url"] == body["comments_url"] == ""


def test_search_finds_stories_in_each_script(client: Client, newsroom: Newsroom) -> None:
    for lang, query in (("hi", "समाचार"), ("hi", "samachar"), ("en", "English")):
        items = _walk(client, f"/api/v1/{lang}/search/?q={query}&limit=3")
        ids = {i["story_id"] for i in items}
        live_in_lang = {s.pk for s in newsroom.live if s.translations.filter(language=lang)}
        assert ids == live_in_lang, (lang, query)
        assert not {s.pk for s in newsroom.hidden} & ids


def test_no_story_query_per_item(
    client: Client, newsroom: Newsroom, django_assert_max_num_queries: Any
) -> None:
    Story.objects.update(meta={})  # baked once by the first read, then one query a page
    client.get("/api/v1/en/stories/?limit=100")
    with django_assert_max_num_queries(3):
        client.get("/api/v1/en/stories/?limit=100")
