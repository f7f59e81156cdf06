"""The slug validator accepts exactly what slugify makes, in every configured language."""

from __future__ import annotations

import itertools
import random
import sys
import unicodedata
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from patrika import languages
from patrika.newsroom.demo import CITIES, COUNTRIES, TOPICS
from patrika.slugs import slug_is_valid, validate_slug
from patrika.text import slugify

WITH_MARATHI = [("en", "English"), ("hi", "Hindi"), ("mr", "Marathi")]

# What titles are made of, per language: words' letters and marks, and what comes between
# words. Devanagari: vowels, consonants (nukta ones precomposed, U+0958…, and decomposed),
# vowel signs, virama, nukta, anusvara, chandrabindu, visarga, ZWJ/ZWNJ (half forms),
# Devanagari digits, danda and avagraha.
DEVANAGARI_VOWELS = "अआइईउऊऋएऐओऔऍऑ"
DEVANAGARI_CONSONANTS = "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह" + "\u0958\u0959\u095a\u095b\u095e"
DEVANAGARI_SIGNS = "ािीुूृेैोौॅॉ"
DEVANAGARI_MARKS = [
    "\u094d",
    "\u093c",
    "\u0902",
    "\u0901",
    "\u0903",
    "\u094d\u200d",
    "\u094d\u200c",
]
SEPARATORS = [" ", "  ", " — ", "–", ": ", ", ", "? ", "! ", "/", " (", ") ", "\t", "\u00a0", "_"]
SEPARATORS += ["‘", "’", "“", "”", "'", '"', ".", "…", "\n", "\u200b", "\u202e", "\x00", "\x7f"]
SEPARATORS += ["।", "॥", " ॐ ", "%", "$", "#", "@", "&", "+", "=", "|", "\\", "*", "~", "<"]


def _devanagari_word(rng: random.Random, extra_consonants: str = "") -> str:
    consonants = DEVANAGARI_CONSONANTS + extra_consonants
    word = rng.choice(DEVANAGARI_VOWELS) if rng.random() < 0.2 else ""
    for _ in range(rng.randint(1, 4)):
        word += rng.choice(consonants)
        roll = rng.random()
        if roll < 0.15:
            word += "\u093c"  # a nukta typed after the consonant: decomposed
        if roll < 0.6:
            word += rng.choice(DEVANAGARI_SIGNS)
        elif roll < 0.85:
            word += rng.choice(DEVANAGARI_MARKS)
        if rng.random() < 0.2:
            word += rng.choice("\u0902\u0901")
    if rng.random() < 0.1:
        word += rng.choice("०१२३४५६७८९ऽ")
    return word


def _english_word(rng: random.Random) -> str:
    words = ["Monsoon", "reaches", "DELHI", "Putin–Modi", "talks", "café", "naïve", "U.S.", "2026"]
    words += ["don't", "$65bn", "50%", "C++", "e-mail", "Ørsted", "Straße", "İstanbul", "Ⅻ", "½"]
    return rng.choice(words)


WORDS: dict[str, Callable[[random.Random], str]] = {
    "en": _english_word,
    "hi": _devanagari_word,
    # Marathi adds ळ, the eyelash ra (ऱ्‍) and the vowel ॲ.
    "mr": lambda rng: _devanagari_word(rng, "ळऱ") + rng.choice(["", "ॲ", "ऱ्\u200dय", "ळा"]),
}


def _titles(language: str, count: int, seed: int = 2026) -> list[str]:
    rng = random.Random(f"{seed}-{language}")
    make_word = WORDS[language]
    titles = []
    for _ in range(count):
        parts = [rng.choice(SEPARATORS) if rng.random() < 0.3 else ""]
        for _ in range(rng.randint(1, 8)):
            parts += [make_word(rng), rng.choice(SEPARATORS)]
        titles.append("".join(parts))
    return titles


def _demo_titles() -> list[str]:
    titles = []
    for n, (topic, (city, hcity), (country, hcountry)) in enumerate(
        itertools.product(TOPICS, CITIES, COUNTRIES)
    ):
        fill = {"city": city, "hcity": hcity, "country": country, "hcountry": hcountry}
        titles += [
            f"{topic.en_title.format(**fill)} ({n})",
            f"{topic.hi_title.format(**fill)} ({n})",
        ]
    return titles


def _is_a_slug(value: str) -> bool:
    """The rule written out on its own, to check the validator against."""
    return (
        value != ""
        and unicodedata.is_normalized("NFC", value)
        and value == value.lower()
        and all(char == "-" or unicodedata.category(char)[0] in "LMN" for char in value)
        and not value.startswith("-")
        and not value.endswith("-")
        and "--" not in value
    )


def _mutations(slug: str, rng: random.Random) -> list[str]:
    at = rng.randrange(len(slug) + 1)
    return [
        slug[:at] + rng.choice(SEPARATORS) + slug[at:],
        slug[:at] + rng.choice(SEPARATORS).strip() + slug[at:],
        slug.upper(),
        unicodedata.normalize("NFD", slug),
        f"-{slug}",
        slug.replace("-", "--", 1),
    ]


@pytest.mark.parametrize("configured", [None, WITH_MARATHI], ids=["en-hi", "en-hi-mr"])
def test_every_slug_slugify_makes_is_valid(configured: list[tuple[str, str]] | None) -> None:
    with override_settings(**({"LANGUAGES": configured} if configured else {})):
        titles = [title for code in languages.codes() for title in _titles(code, 500)]
    titles += _demo_titles()
    rng = random.Random(2026)
    accepted = refused = 0
    for title in titles:
        slug = slugify(title)
        if not slug:
            continue
        validate_slug(slug)
        for candidate in [title, *_mutations(slug, rng)]:
            assert slug_is_valid(candidate) == _is_a_slug(candidate), repr(candidate)
            accepted += slug_is_valid(candidate)
            refused += not slug_is_valid(candidate)
    assert accepted > 500 and refused > 3000  # both sides were exercised


def test_each_character_is_accepted_exactly_when_it_may_be_in_a_slug() -> None:
    """Every assigned character between two letters: letters, vowel signs, nukta, virama and
    digits of any script pass; spaces, punctuation, symbols, slashes, controls and format
    characters (ZWJ, bidi controls) do not. Whatever slugify makes of them passes."""
    accepted = refused = 0
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        if unicodedata.category(char) in ("Cn", "Co", "Cs"):
            continue
        candidate = f"a{char}b"
        validate_slug(slugify(candidate))
        if _is_a_slug(candidate):
            accepted += 1
            validate_slug(candidate)
        else:
            refused += 1
            with pytest.raises(ValidationError):
                validate_slug(candidate)
    assert accepted > 100_000 and refused > 5_000


@pytest.mark.parametrize(
    "slug",
    [
        "भोपाल-में-मानसून-समय-से-पहले-पहुंचा-6",
        "पुतिन-मोदी-वार्ता-अलास्का-शिखर-सम्मेलन-के-बाद-भारत-रूस-संबंधों-को-नई-मजबूती",
        "ब्राज\u093cील",  # nukta, stored decomposed (NFC)
        "बूँदाबाँदी",  # chandrabindu
        "२०२६-में-२१वीं-सदी",
        "पुण्यात-पाऊस",
        "ळ-ॲप",
        "world",
        "monsoon-reaches-delhi-ahead-of-schedule-1",
    ],
)
def test_real_slugs(slug: str) -> None:
    validate_slug(slug)


REFUSED = ["", " ", "a b", "a/b", "a_b", "Delhi", "-a", "a-", "a--b", "a\tb", "a\x00b", "a\nb"]
# A precomposed nukta letter (not NFC), ZWJ, zero-width space, a bidi override, an en dash.
REFUSED += ["मोदी?", "ब्रा\u095bील", "क्\u200dष", "a\u200bb", "a\u202eb", "a–b", "a.b", "a%20b"]


@pytest.mark.parametrize("value", REFUSED)
def test_refused(value: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_slug(value)
    assert raised.value.code == "invalid"
