"""The search form: parses and validates the query string of /<lang>/search/."""

from __future__ import annotations

import calendar
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from patrika import languages
from patrika.converters import year_is_valid


def _language_choices() -> list[tuple[str, str]]:
    return [("all", _("All languages")), *languages.choices()]


class MonthField(forms.Field):
    """A month chosen from a list ("2026-08", shown as "August 2026" / "अगस्त 2026"): no date
    picker, whose format follows the browser rather than the page. A full date (older links)
    is still read. The month's first day starts a range, its last day ends one."""

    widget = forms.Select

    def __init__(self, *, ends_range: bool, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ends_range = ends_range

    def to_python(self, value: object) -> date | None:
        text = str(value or "").strip()
        if not text:
            return None
        try:
            if len(text) > 7:
                day = date.fromisoformat(text)
                year, month = day.year, day.month
            else:
                year, month = (int(part) for part in text.split("-"))
                day = date(year, month, 1)
        except ValueError:
            raise forms.ValidationError(_("Not a month."), code="invalid") from None
        # A year the site's time zone cannot hold (year 1 east of UTC) is no month to search.
        if not year_is_valid(year):
            raise forms.ValidationError(_("Not a month."), code="invalid")
        if len(text) > 7 or not self.ends_range:
            return day
        return date(year, month, calendar.monthrange(year, month)[1])


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    lang = forms.ChoiceField(label=_("Language"), required=False, choices=_language_choices)
    section = forms.ChoiceField(label=_("Section"), required=False)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)
    date_from = MonthField(label=_("From"), required=False, ends_range=False)
    date_to = MonthField(label=_("To"), required=False, ends_range=True)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: object,
        sections: list[tuple[str, str]],
        months: list[tuple[str, str]],
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["section"].choices = [("", _("All sections")), *sections]
        self.fields["date_from"].widget.choices = [("", _("Any time")), *months]
        self.fields["date_to"].widget.choices = [("", _("Any time")), *months]

    def add_prefix(self, field_name: str) -> str:
        # "from"/"to" are the public parameter names; Python fields cannot be called "from".
        return {"date_from": "from", "date_to": "to"}.get(field_name, field_name)
