"""Split text into words by Unicode category: letters (L*), marks (M*) and numbers (N*).

Vowel signs and viramas are combining marks (Mn/Mc). Python's `\\w` (like FTS5's default
`unicode61`) leaves them out, which shreds "मोदी" into "म" and "द"; the class built here keeps
them inside the word.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache


def _mark_ranges() -> str:
    ranges: list[str] = []
    start = prev = -1
    # Marks live below U+20000 except the variation selectors supplement.
    for cp in [*range(0x300, 0x20000), *range(0xE0100, 0xE01F0)]:
        if unicodedata.category(chr(cp))[0] == "M":
            if cp == prev + 1:
                prev = cp
                continue
            if start >= 0:
                ranges.append(_range(start, prev))
            start = prev = cp
    if start >= 0:
        ranges.append(_range(start, prev))
    return "".join(ranges)


def _range(start: int, end: int) -> str:
    if start == end:
        return re.escape(chr(start))
    return f"{re.escape(chr(start))}-{re.escape(chr(end))}"


@cache
def word_pattern() -> re.Pattern[str]:
    # \w is letters, numbers and "_"; the mark ranges add Mn/Mc/Me. One character class is
    # several times faster than an alternation; "_" is split off afterwards.
    return re.compile(rf"[\w{_mark_ranges()}]+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    for match in word_pattern().finditer(text):
        word, start = match.group(), match.start()
        if "_" not in word:
            yield Token(word, start, match.end())
            continue
        for part in re.finditer(r"[^_]+", word):
            yield Token(part.group(), start + part.start(), start + part.end())


def words(text: str) -> list[str]:
    found = word_pattern().findall(text)
    if "_" not in text:
        return found
    return [part for word in found for part in word.split("_") if part]


_SCRIPTS = {"LATIN": "Latn", "DEVANAGARI": "Deva", "BENGALI": "Beng", "ARABIC": "Arab"}


@cache
def _char_script(char: str) -> str:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    return _SCRIPTS.get(first, first.title()[:4] if first else "Zyyy")


def script_of(word: str) -> str:
    """ISO 15924 code of the first letter of `word` ("Zyyy" for digits only)."""
    for char in word:
        if char.isalpha():
            return _char_script(char)
    return "Zyyy"


if sys.maxunicode < 0x10FFFF:  # pragma: no cover - narrow builds are long gone
    raise RuntimeError("a wide Unicode build of Python is required")
