"""Translation parity, numbers: a figure, amount, year or percentage in one language that the
other does not have (65 billion ↔ 65 अरब ↔ 6,500 करोड़ match; 2024 ↔ २०२४ match). A figure
may stand against a written-out number ("5" ↔ "पांच"). Reported in the translation that has
the figure, at the paragraph where it stands."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..base import ERROR, Document, Finding, PairRule, Text
from ..languages import get as get_language
from ..numbers import Number, numbers, same


class NumbersRule(PairRule):
    id = "parity-numbers"
    level = ERROR

    def check_pair(self, source: Text, target: Text, document: Document) -> Iterable[Finding]:
        yield from self._missing(source, target)
        yield from self._missing(target, source)

    def _missing(self, text: Text, other: Text) -> Iterable[Finding]:
        others = _all_numbers(other)
        reported: list[float] = []
        for block, number in _figures(text):
            if any(same(number.value, o.value) for o in others):
                continue
            if any(same(number.value, r) for r in reported):
                continue
            reported.append(number.value)
            figure = block.plain[number.start : number.end]
            yield self.finding(
                text,
                _("“%(figure)s” is not in the %(language)s version")
                % {"figure": figure, "language": _language_name(other.language)},
                block=block,
                start=number.start,
                end=number.end,
            )


def _figures(text: Text) -> list:
    language = get_language(text.language)
    return [
        (block, number)
        for block in text.blocks
        for number in numbers(block.plain, language)
        if not number.written_out
    ]


def _all_numbers(text: Text) -> list[Number]:
    language = get_language(text.language)
    found = numbers(text.title, language)
    for block in text.blocks:
        found.extend(numbers(block.plain, language))
    return found


def _language_name(code: str) -> str:
    from django.conf import settings

    names = dict(settings.LANGUAGES)
    return str(names.get(code, code))
