"""Words and sentences of plain text, and the word lists that say which words exist."""

from __future__ import annotations

import bisect
import gzip
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from patrika.search.analysis.tokenize import word_pattern

from .languages import LintLanguage
from .languages import get as get_language

DATA = Path(__file__).parent / "data"


@cache
def _word_re() -> re.Pattern[str]:
    # A word, with inner apostrophes ("don't") and inner dots ("a.m", "U.S") kept in it.
    core = word_pattern().pattern
    return re.compile(rf"{core}(?:['’.]{core})*")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in _word_re().finditer(text)]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # after the closing punctuation (and quotes), or the end of the text
    closed: bool  # ends with sentence punctuation


def sentences(text: str, language: LintLanguage) -> Iterator[Sentence]:
    """Sentences of one paragraph. A full stop after an abbreviation, an initial or before a
    lower-case word does not end a sentence."""
    ends = re.escape(language.sentence_end)
    closing = re.escape(language.closing)
    start = 0
    for match in re.finditer(rf"[{ends}]+[{closing}]*(?=\s|$)", text):
        end = match.end()
        following = text[end:].lstrip()
        if following and not _starts_sentence(following):
            continue
        if match.group().startswith(".") and following:
            before = words(text[start : match.start()])
            last = before[-1].text if before else ""
            if len(last) == 1 or last.casefold() in language.abbreviations or "." in last:
                continue
        if text[start:end].strip():
            yield Sentence(start + _lead(text[start:end]), end, closed=True)
        start = end
    if text[start:].strip():
        yield Sentence(start + _lead(text[start:]), len(text.rstrip()), closed=False)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return not first.islower()


@cache
def wordlist(name: str) -> frozenset[str]:
    """The words of a list in lint/data, as written there (names capitalised)."""
    if not name:
        return frozenset()
    with gzip.open(DATA / name, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


@cache
def _folded(name: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in wordlist(name))


@cache
def common_words(name: str) -> frozenset[str]:
    """The list's words that are not names (written in lower case there)."""
    return frozenset(word for word in wordlist(name) if word == word.lower())


@cache
def _stems(name: str, language: LintLanguage, *, common: bool) -> frozenset[str]:
    listed = common_words(name) if common else _folded(name)
    return frozenset(language.stem(word) for word in listed)


def is_known(word: str, language: LintLanguage) -> bool:
    """Whether `word` is in the language's word list, as it is, or as an inflection of a
    listed word (its stemmer strips an ending and finds that stem: "जताई" from "जताना"). A
    word that has no ending to strip must be listed itself, so "होग" (होगा cut short) is not
    known just because the stemmer makes "होग" of "होगा"; nor is a word that does not end
    like an inflected form ("स्थि": no Hindi inflection ends in a short i). A word
    in lower case must be listed in lower case: "tex" is no word because "Tex" is a name."""
    folded = word.casefold()
    common = word == word.lower() and language.has_case
    known = common_words(language.wordlist) if common else _folded(language.wordlist)
    if folded in known:
        return True
    if language.inflection_ends and not folded.endswith(language.inflection_ends):
        return False
    stem = language.stem(folded)
    return (
        bool(known)
        and stem != folded
        and stem in _stems(language.wordlist, language, common=common)
    )


@cache
def _sorted(name: str, *, common: bool) -> tuple[str, ...]:
    return tuple(sorted(common_words(name) if common else _folded(name)))


def starts_listed_word(word: str, language: LintLanguage) -> bool:
    """Whether a longer word of the list begins with `word` (what a cut leaves: "mechan")."""
    folded = word.casefold()
    listed = _sorted(language.wordlist, common=word == word.lower() and language.has_case)
    i = bisect.bisect_right(listed, folded)
    return i < len(listed) and listed[i].startswith(folded)


def is_prefix_word(word: str, language: LintLanguage) -> bool:
    """A listed word far more often the start of a longer one than a word of its own."""
    return word.casefold() in wordlist(language.prefix_words)


# A grapheme cluster of an Indic script: a consonant with its conjuncts (virama + consonant)
# and signs, or a vowel with its signs; any other character stands alone.
_CONSONANT = "[\u0915-\u0939\u0958-\u095f\u0979-\u097f]\u093c?"
_SIGNS = "[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963]*"
_CLUSTER = re.compile(rf"(?:{_CONSONANT}(?:\u094d{_CONSONANT})*|.){_SIGNS}", re.S)


def clusters(word: str) -> list[str]:
    """`word` in its written units: letters, or Devanagari syllables ("स्थि" is one)."""
    return _CLUSTER.findall(word)


def vocabulary(texts: list[str]) -> Counter[str]:
    """How often each word (case folded) occurs in `texts`."""
    return Counter(w.text.casefold() for text in texts for w in words(text))


def is_rare_name(word: str) -> bool:
    """A capitalised Latin word no word list knows: a name translators transliterate (Wuhan,
    Modi). Names the list knows (India, Monday) are often translated instead (भारत, सोमवार),
    which sounds cannot check."""
    english = get_language("en")
    return (
        len(word) >= 3
        and word[0].isupper()
        and not word.isupper()
        and word.isascii()
        and word.isalpha()
        and not is_known(word, english)
        and not _common_compound(word, english)
    )


def _common_compound(word: str, language: LintLanguage) -> bool:
    """ "AutoFill", "XForms": common words run together, which translators translate."""
    parts = re.findall(r"[A-Z][a-z]*|[a-z]+", word)
    return len(parts) > 1 and all(
        len(part) == 1 or is_known(part.lower(), language) for part in parts
    )
