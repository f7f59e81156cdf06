"""A title or description too long for search results (limits per language in
`lint.languages`; combining marks are not counted, they take no width of their own)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..base import WARNING, Document, Finding, Text, TextRule
from ..languages import get as get_language


def visible_length(text: str) -> int:
    return sum(1 for char in text.strip() if unicodedata.category(char)[0] != "M")


class TitleLengthRule(TextRule):
    id = "title-length"
    level = WARNING

    def check_text(self, text: Text, document: Document) -> Iterable[Finding]:
        language = get_language(text.language)
        if (length := visible_length(text.title)) > language.title_max:
            yield self.finding(
                text,
                _("The title has %(length)d characters; search results show about %(max)d")
                % {"length": length, "max": language.title_max},
            )
        if (length := visible_length(text.description)) > language.description_max:
            yield self.finding(
                text,
                _("The description has %(length)d characters; search results show about %(max)d")
                % {"length": length, "max": language.description_max},
                excerpt=text.description,
            )
