"""Dates and times as each language's newspapers print them, from CLDR data (through Babel).

"25 November 2026, 5:30 pm" / "25 नवंबर 2026, शाम 5:30 बजे". Django's own Hindi catalogue
misspells सितंबर, नवंबर and दिसंबर and calls both a.m. and p.m. "बजे"; CLDR's month names and
day periods (सुबह, दोपहर, शाम, रात) are reviewed for every language. A language without a
style here gets CLDR's long date and short time for its code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from babel import dates as cldr
from django.utils import timezone
from django.utils.translation import get_language


@dataclass(frozen=True)
class DateStyle:
    locale: str  # the CLDR locale whose names are used
    date: str = "d MMMM y"  # CLDR pattern: "25 नवंबर 2026"
    # A 12-hour clock that says which part of the day it is ("B" is CLDR's day period).
    time: str = "h:mm a"
    month: str = "MMMM y"


STYLES: dict[str, DateStyle] = {
    "en": DateStyle("en_IN"),
    "hi": DateStyle("hi", time="B h:mm 'बजे'"),
    "mr": DateStyle("mr", time="B h:mm 'वाजता'"),
}


def style_for(lang: str | None = None) -> DateStyle:
    code = (lang or get_language() or "en").split("-")[0]
    return STYLES.get(code) or DateStyle(code, date="long", time="short")


def _local(value: datetime) -> datetime:
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value


def month_text(year: int, month: int, *, lang: str | None = None) -> str:
    """ "August 2026" / "अगस्त 2026"."""
    style = style_for(lang)
    return cldr.format_date(date(year, month, 1), style.month, locale=style.locale)


def month_name(month: int, *, lang: str | None = None) -> str:
    """ "August" / "अगस्त": the month alone, as a heading or a list of months names it."""
    style = style_for(lang)
    return cldr.format_date(date(2000, month, 1), "LLLL", locale=style.locale)


def date_text(value: date | datetime, *, lang: str | None = None) -> str:
    """ "25 November 2026" / "25 नवंबर 2026", in the site's time zone."""
    if isinstance(value, datetime):
        value = _local(value).date()
    style = style_for(lang)
    return cldr.format_date(value, style.date, locale=style.locale)


def time_text(value: datetime, *, lang: str | None = None) -> str:
    """ "5:30 pm" / "शाम 5:30 बजे", in the site's time zone."""
    style = style_for(lang)
    return cldr.format_time(_local(value), style.time, locale=style.locale)


def datetime_text(value: datetime, *, lang: str | None = None) -> str:
    return f"{date_text(value, lang=lang)}, {time_text(value, lang=lang)}"
