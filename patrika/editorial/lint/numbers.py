"""Numbers as values: "65 billion", "65 अरब" and "6,500 करोड़" are all 6.5 × 10¹⁰; "2024" and
"२०२४" are 2024. Digits of any script count; scale words and written-out small numbers come
from `lint.languages`."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from .languages import LintLanguage
from .words import words

_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{2,3})+(?!\d)|\d+)(?:\.(\d+))?")


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int
    written_out: bool = False  # "five", "पांच": matches a figure but is never asked for


def _ascii_digits(text: str) -> str:
    return "".join(
        str(unicodedata.digit(char)) if char.isdecimal() and not char.isascii() else char
        for char in text
    )


def numbers(text: str, language: LintLanguage) -> list[Number]:
    """Every figure in `text` (with its scale word), then every written-out number."""
    ascii_text = _ascii_digits(text)  # same length: one digit for one digit
    scales = {unicodedata.normalize("NFC", k).casefold(): v for k, v in language.scales.items()}
    found: list[Number] = []
    for match in _NUMBER.finditer(ascii_text):
        value = float(match.group(1).replace(",", "") + "." + (match.group(2) or "0"))
        end = match.end()
        following = words(ascii_text[end : end + 24])
        if following and following[0].start <= 1:
            scale = scales.get(following[0].text.casefold())
            if scale:
                value *= scale
                end += following[0].end
        found.append(Number(value, match.start(), end))
    number_words = {
        unicodedata.normalize("NFC", k).casefold(): v for k, v in language.number_words.items()
    }
    for word in words(text):
        folded = word.text.casefold()
        if folded in number_words:
            found.append(Number(float(number_words[folded]), word.start, word.end, True))
        elif folded in scales:
            found.append(Number(scales[folded], word.start, word.end, True))
    return found


def same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6)
