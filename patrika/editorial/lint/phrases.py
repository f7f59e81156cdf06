"""Boilerplate and keyword stuffing, defined once for the linter and the importers.

The importers drop what these functions recognise; the linter's `boilerplate` and `stuffing`
rules report it. The phrases come from every language in `languages.LINT_LANGUAGES` plus
`settings.PATRIKA_IMPORT_BOILERPLATE_EXTRA`; matching ignores case, spacing and decoration
("*", "»", ":").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from django.conf import settings

from patrika.text import normalize

from . import languages

# Punctuation that ends a sentence (or a clause): a line ending so is not a heading.
TERMINAL = ".!?।॥…;:,"
# Decoration around boilerplate and around stuffed phrases.
DECOR = " \t*•·»«|:.!…-–—_=~#>\"'“”‘’()[]"


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", normalize(text)).strip(DECOR).casefold()


def ends_terminal(text: str) -> bool:
    stripped = text.rstrip("\"'”’)]» ")
    return bool(stripped) and stripped[-1] in TERMINAL


def boilerplate_phrases() -> tuple[str, ...]:
    extra = getattr(settings, "PATRIKA_IMPORT_BOILERPLATE_EXTRA", ())
    phrases = [p for language in languages.every() for p in language.boilerplate]
    return tuple(fold(p) for p in (*phrases, *extra) if fold(p))


@cache
def _shapes(codes: tuple[str, ...]) -> re.Pattern[str] | None:
    shapes = [shape for code in codes for shape in languages.get(code).boilerplate_shapes]
    return re.compile("|".join(f"(?:{s})" for s in shapes)) if shapes else None


def boilerplate_match(text: str, phrases: Sequence[str]) -> str | None:
    """The boilerplate phrase or shape `text` (one line) consists of, else None."""
    folded = fold(text)
    if not folded:
        return None
    for phrase in phrases:
        if folded == phrase:
            return phrase
        # "Read more: …", "Follow us on X", "Your email … published. Required fields …".
        if folded.startswith(phrase) and len(folded) - len(phrase) <= 60:
            after = folded[len(phrase)]
            if not after.isalnum() and unicodedata.category(after)[0] != "M":
                return phrase
    # General shapes ("Scroll up for the English version"), on short lines only: a long
    # paragraph that mentions scrolling is text.
    if len(folded.split()) <= 16 and len(folded) <= 120:
        shapes = _shapes(tuple(language.code for language in languages.every()))
        if shapes and (match := shapes.search(folded)):
            return match.group(0)
    return None


def is_boilerplate(text: str, phrases: Sequence[str]) -> bool:
    return boilerplate_match(text, phrases) is not None


def short_phrase(text: str) -> bool:
    return 0 < len(text.split()) <= 8 and len(text) <= 80 and not ends_terminal(text)


def stuffed_phrase(text: str) -> str | None:
    """The phrase of a keyword-stuffed line ("X/X/X", "X | X", "X, X, X", "X X X"), else None."""
    for pattern, minimum in ((r"\s*[/|]\s*", 2), (r"\s*[,;]\s*", 3)):
        parts = [p.strip(DECOR) for p in re.split(pattern, text.strip(DECOR))]
        parts = [p for p in parts if p]
        if len(parts) >= minimum and len({p.casefold() for p in parts}) == 1:
            return parts[0] if short_phrase(parts[0]) else None
    # The phrase again and again with only spaces between: "Monsoon Update Monsoon Update …".
    match = re.fullmatch(r"(.{3,80}?)(?:\s+\1){2,}", text.strip(DECOR), re.I | re.S)
    if match and short_phrase(match.group(1)):
        return match.group(1)
    return None


def is_noise(text: str) -> bool:
    """A paragraph that is no prose: boilerplate, stuffing, or a lone unpunctuated phrase."""
    return (
        short_phrase(text)
        or bool(stuffed_phrase(text))
        or is_boilerplate(text, boilerplate_phrases())
    )
