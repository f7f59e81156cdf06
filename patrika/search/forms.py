"""The search form: parses and validates the query string of /<lang>/search/."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from patrika import languages


def _language_choices() -> list[tuple[str, str]]:
    return [("all", _("All languages")), *languages.choices()]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    lang = forms.ChoiceField(label=_("Language"), required=False, choices=_language_choices)
    section = forms.ChoiceField(label=_("Section"), required=False)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: object, sections: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["section"].choices = [("", _("All sections")), *sections]

    def add_prefix(self, field_name: str) -> str:
        # "from"/"to" are the public parameter names; Python fields cannot be called "from".
        return {"date_from": "from", "date_to": "to"}.get(field_name, field_name)
