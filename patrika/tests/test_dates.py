"""Dates and times in every configured language: all twelve months, every hour of the day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import get_month_names
from django.conf import settings
from django.utils import dateformat, translation

from patrika import dates

KOLKATA = ZoneInfo("Asia/Kolkata")
LANGUAGES = sorted({code for code, _name in settings.LANGUAGES} | {"mr"})
MISSPELLED = ["सितमबर", "नवमबर", "दिसमबर"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_every_language(lang: str, month: int) -> None:
    value = datetime(2026, month, 25, 10, 0, tzinfo=KOLKATA)
    name = get_month_names("wide", locale=dates.style_for(lang).locale)[month]
    assert dates.date_text(value, lang=lang) == f"25 {name} 2026"
    assert dates.month_text(2026, month, lang=lang) == f"{name} 2026"
    assert not any(wrong in dates.date_text(value, lang=lang) for wrong in MISSPELLED)


@pytest.mark.parametrize("month", range(1, 13))
def test_django_formats_agree_in_the_admin(month: int) -> None:
    """The admin formats with Django; its Hindi month names are corrected to agree."""
    value = datetime(2026, month, 25, 17, 30, tzinfo=KOLKATA)
    for lang, _name in settings.LANGUAGES:
        with translation.override(lang):
            django_month = dateformat.format(value, "F")
            alternative = dateformat.format(value, "E")
        assert (
            django_month
            == alternative
            == get_month_names("wide", locale=dates.style_for(lang).locale)[month]
        )


@pytest.mark.parametrize(
    ("hour", "hindi", "english"),
    [
        (0, "रात 12:30 बजे", "12:30 am"),
        (5, "सुबह 5:30 बजे", "5:30 am"),
        (9, "सुबह 9:30 बजे", "9:30 am"),
        (12, "दोपहर 12:30 बजे", "12:30 pm"),
        (15, "दोपहर 3:30 बजे", "3:30 pm"),
        (17, "शाम 5:30 बजे", "5:30 pm"),
        (21, "रात 9:30 बजे", "9:30 pm"),
    ],
)
def test_time_of_day_tells_morning_from_evening(hour: int, hindi: str, english: str) -> None:
    value = datetime(2026, 11, 25, hour, 30, tzinfo=KOLKATA)
    assert dates.time_text(value, lang="hi") == hindi
    assert dates.time_text(value, lang="en") == english


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_two_hours_of_a_day_read_alike(lang: str) -> None:
    times = [
        dates.time_text(datetime(2026, 1, 1, h, 30, tzinfo=KOLKATA), lang=lang) for h in range(24)
    ]
    assert len(set(times)) == 24


def test_times_are_in_the_site_time_zone() -> None:
    utc = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("UTC"))  # 17:30 in Kolkata
    assert dates.datetime_text(utc, lang="hi") == "25 नवंबर 2026, शाम 5:30 बजे"
