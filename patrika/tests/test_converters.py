"""The path converters: what they refuse (a 404 before any view runs) and what they must keep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from patrika.converters import MAX_ID, SLUG_MAX_LENGTH, SlugConverter, parse_id, year_is_valid
from patrika.newsroom import services
from patrika.newsroom.models import StoryStatus
from patrika.newsroom.services import StoryData, TranslationData
from patrika.text import slugify

# East and west of UTC as far as zones go, and the site's own.
TIME_ZONES = ["Asia/Kolkata", "Pacific/Kiritimati", "Etc/GMT+12", "America/Los_Angeles", "UTC"]


@pytest.mark.django_db
@pytest.mark.parametrize("zone", TIME_ZONES)
def test_archive_answers_every_year_at_the_calendars_edges(zone: str, settings, client) -> None:
    settings.TIME_ZONE = zone
    for year in (0, 1, 2, 1970, 9998, 9999, 10000):
        for path in (f"/en/archive/{year}/", f"/en/archive/{year}/12/", f"/hi/archive/{year}/1/"):
            status = client.get(path).status_code
            assert status == (200 if year_is_valid(year) else 404), (zone, path)


@pytest.mark.parametrize("zone", TIME_ZONES)
def test_only_the_ends_of_the_calendar_are_refused(zone: str, settings) -> None:
    settings.TIME_ZONE = zone
    assert all(year_is_valid(year) for year in range(2, 9999))
    assert not any(year_is_valid(year) for year in (-1, 0, 10000, 10**30))


def test_year_one_and_9999_depend_on_the_side_of_utc(settings) -> None:
    settings.TIME_ZONE = "Asia/Kolkata"
    assert not year_is_valid(1) and year_is_valid(9999)
    settings.TIME_ZONE = "America/Los_Angeles"
    assert year_is_valid(1) and not year_is_valid(9999)


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["0", "00", "13", "99", "123"])
def test_a_month_outside_1_to_12_is_not_found(month: str, client) -> None:
    assert client.get(f"/en/archive/2025/{month}/").status_code == 404


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("public:archive_year", {"year": 10000}),
        ("public:archive_year", {"year": 0}),
        ("public:archive_month", {"year": 2025, "month": 13}),
        ("public:story", {"slug": "a b"}),
        ("public:story", {"slug": "x" * (SLUG_MAX_LENGTH + 1)}),
        ("comments:story_feed", {"story_id": MAX_ID + 1}),
        ("comments:story_feed", {"story_id": 0}),
    ],
)
def test_reverse_refuses_what_the_pattern_would_not_match(name: str, kwargs: dict) -> None:
    with pytest.raises(NoReverseMatch):
        reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", 1),
        ("42", 42),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("0", None),
        ("-1", None),
        ("", None),
        ("²", None),
        ("१२", None),
        ("1e3", None),
        (" 1", None),
        ("9" * 5000, None),
        (7, 7),
    ],
)
def test_parse_id(raw: object, expected: int | None) -> None:
    assert parse_id(raw) == expected


def test_every_stored_slug_fits_the_slug_converter() -> None:
    lengths = [
        field.max_length
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.SlugField) and model._meta.app_label != "auth"
    ]
    assert lengths and max(lengths) == SLUG_MAX_LENGTH


@pytest.mark.parametrize(
    "title",
    [
        "पुतिन–मोदी वार्ता: भारत–रूस संबंधों को नई मजबूती",
        "क्षत्रिय, ज्ञान और श्रृंगार: संयुक्ताक्षर",
        "फ़िल्म ज़माना ड़ ढ़",
        "Budget 2025: what's in it for farmers?",
        "Ünïcödé café — naïve résumé",
        "১২৩ বাংলা ਪੰਜਾਬੀ தமிழ்",
        "ऊर्जा" * 60,
        "emoji 😀 and <script> & \u202e controls",
    ],
)
def test_every_slug_slugify_makes_is_accepted(title: str) -> None:
    assert SlugConverter().check(slugify(title, max_length=SLUG_MAX_LENGTH))


@pytest.mark.parametrize(
    "value",
    [
        "",
        "a b",
        "a/b",
        "a.b",
        "a\x00b",
        "<x>",
        "a%20b",
        "😀",
        "\u202eab",
        "x" * (SLUG_MAX_LENGTH + 1),
        "a\u200bb",
        "Upper",
        "a--b",
        "-a",
        "a_b",
        "\u0928\u093c",  # न + nukta, decomposed: slugs are stored composed (ऩ)
        "cafe\u0301",
    ],
)
def test_what_no_slug_can_be(value: str) -> None:
    assert not SlugConverter().check(value)


@pytest.mark.django_db
def test_the_longest_hindi_slug_is_still_found(client) -> None:
    slug = slugify("ऊर्जा संरक्षण " * 20, max_length=SLUG_MAX_LENGTH)
    services.story_save(
        data=StoryData(
            translations=[TranslationData(language="hi", title="ऊर्जा", body="पाठ।", slug=slug)],
            status=StoryStatus.PUBLISHED,
            published_at=timezone.now() - timedelta(hours=1),
        )
    )
    assert client.get(f"/hi/news/{slug}/").status_code == 200
