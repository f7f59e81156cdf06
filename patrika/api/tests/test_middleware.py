"""ETag and Last-Modified with 304 on every API answer; CORS for reading, as configured."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from patrika.newsroom.models import Story, Translation

from .conftest import Newsroom


def _addresses(newsroom: Newsroom) -> list[str]:
    story = newsroom.commented.pk
    return [
        "/api/v1/",
        "/api/v1/openapi.json",
        "/api/v1/en/stories/",
        f"/api/v1/hi/stories/{story}/",
        f"/api/v1/hi/stories/{story}/comments/",
        "/api/v1/sections/",
        "/api/v1/tags/",
        "/api/v1/authors/",
        "/api/v1/en/search/?q=english",
    ]


def test_every_answer_has_an_etag_that_revalidates(client: Client, newsroom: Newsroom) -> None:
    for address in _addresses(newsroom):
        first = client.get(address)
        assert first.status_code == 200 and first.has_header("ETag"), address
        again = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304 and again.content == b"", address
        other = client.get(address, HTTP_IF_NONE_MATCH='"something-else"')
        assert other.status_code == 200, address


def test_a_changed_story_gets_a_new_etag_and_date(client: Client, newsroom: Newsroom) -> None:
    address = f"/api/v1/en/stories/{newsroom.commented.pk}/"
    # Written an hour ago, so that the edit below falls in a later second.
    earlier = timezone.now() - timedelta(hours=1)
    Story.objects.filter(pk=newsroom.commented.pk).update(updated_at=earlier)
    Translation.objects.filter(story=newsroom.commented).update(updated_at=earlier)
    first = client.get(address)
    assert client.get(address, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    translation = newsroom.commented.translations.get(language="en")
    translation.title = "A corrected title"
    translation.save()
    changed = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert changed.json()["title"] == "A corrected title"
    since = client.get(address, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 200


def test_cors_allows_reading_from_anywhere_by_default(client: Client, newsroom: Newsroom) -> None:
    for address in _addresses(newsroom):
        response = client.get(address, HTTP_ORIGIN="https://reader.example")
        assert response["Access-Control-Allow-Origin"] == "*", address
        assert "ETag" in response["Access-Control-Expose-Headers"]
    page = client.get("/en/", HTTP_ORIGIN="https://reader.example")
    assert not page.has_header("Access-Control-Allow-Origin")


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [("https://partner.example", True), ("https://other.example", False), ("", False)],
)
def test_cors_follows_the_configured_origins(
    client: Client, newsroom: Newsroom, settings: Any, origin: str, allowed: bool
) -> None:
    settings.PATRIKA_API_CORS_ORIGINS = ["https://partner.example"]
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    response = client.get("/api/v1/en/stories/", **headers)
    assert response.get("Access-Control-Allow-Origin") == (origin if allowed else None)
    assert "Origin" in response["Vary"]
    preflight = client.options(
        "/api/v1/en/stories/", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **headers
    )
    assert preflight.status_code == 204
    assert preflight.get("Access-Control-Allow-Origin") == (origin if allowed else None)
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_the_api_writes_nothing(client: Client, newsroom: Newsroom) -> None:
    for address in _addresses(newsroom):
        assert client.post(address).status_code in (403, 405), address


@pytest.mark.parametrize(
    ("address", "status"),
    [("/api/v1/xx/stories/", 404), ("/api/v1/en/stories/?cursor=x", 400)],
)
def test_errors_come_in_the_readers_language(
    client: Client, newsroom: Newsroom, address: str, status: int
) -> None:
    english = client.get(address, HTTP_ACCEPT_LANGUAGE="en")
    hindi = client.get(address, HTTP_ACCEPT_LANGUAGE="hi")
    assert english.status_code == hindi.status_code == status
    assert english.json()["detail"] != hindi.json()["detail"]
    assert any("\u0900" <= c <= "\u097f" for c in hindi.json()["detail"])
