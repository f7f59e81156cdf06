"""Per-language behaviour, keyed by language code.

Code paths never ask `if lang == "hi"`; they look the language up here. A third language is a
new entry (plus a line in settings.LANGUAGES and a UI catalogue).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from django.conf import settings


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in its own script, as shown in a language switcher
    script: str  # ISO 15924
    direction: str = "ltr"
    og_locale: str = ""
    # Sanskrit-derived scripts handled by indic-transliteration (used by search).
    transliteration_scheme: str | None = None
    font_class: str = "latin"


KNOWN: dict[str, Language] = {
    "en": Language("en", "English", "Latn", og_locale="en_IN"),
    "hi": Language(
        "hi",
        "हिन्दी",
        "Deva",
        og_locale="hi_IN",
        transliteration_scheme="devanagari",
        font_class="deva",
    ),
    "mr": Language(
        "mr",
        "मराठी",
        "Deva",
        og_locale="mr_IN",
        transliteration_scheme="devanagari",
        font_class="deva",
    ),
    "bn": Language(
        "bn", "বাংলা", "Beng", og_locale="bn_IN", transliteration_scheme="bengali", font_class="beng"
    ),
    "ur": Language("ur", "اردو", "Arab", direction="rtl", og_locale="ur_IN", font_class="arab"),
}


def codes() -> list[str]:
    """The configured content languages, in settings order."""
    return [code for code, _name in settings.LANGUAGES]


@cache
def get(code: str) -> Language:
    return KNOWN.get(code) or Language(code, code, "Zyyy")


def choices() -> list[tuple[str, str]]:
    return [(code, get(code).name) for code in codes()]


# ISO 15924 codes by the first word of a letter's Unicode name. Letters of other scripts are
# not counted ("Zyyy").
_SCRIPT_NAMES = {
    "LATIN": "Latn", "FULLWIDTH": "Latn", "MATHEMATICAL": "Latn", "DEVANAGARI": "Deva",
    "BENGALI": "Beng", "GURMUKHI": "Guru", "GUJARATI": "Gujr", "ORIYA": "Orya", "TAMIL": "Taml",
    "TELUGU": "Telu", "KANNADA": "Knda", "MALAYALAM": "Mlym", "SINHALA": "Sinh",
    "ARABIC": "Arab", "HEBREW": "Hebr", "SYRIAC": "Syrc", "THAANA": "Thaa", "GREEK": "Grek",
    "CYRILLIC": "Cyrl", "ARMENIAN": "Armn", "GEORGIAN": "Geor", "ETHIOPIC": "Ethi",
    "THAI": "Thai", "LAO": "Laoo", "KHMER": "Khmr", "MYANMAR": "Mymr", "TIBETAN": "Tibt",
    "CJK": "Hani", "HIRAGANA": "Hira", "KATAKANA": "Kana", "HANGUL": "Hang", "OL": "Olck",
    "MEETEI": "Mtei", "SAURASHTRA": "Saur", "LIMBU": "Limb", "LEPCHA": "Lepc",
}  # fmt: skip


@cache
def _char_script(char: str) -> str:
    name = unicodedata.name(char, "")
    return _SCRIPT_NAMES.get(name.split(" ", 1)[0], "Zyyy")


def script_counts(text: str) -> dict[str, int]:
    """How many letters of `text` are in each script (ISO 15924)."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = _char_script(char)
            if script != "Zyyy":
                counts[script] = counts.get(script, 0) + 1
    return counts


def dominant_script(text: str) -> str | None:
    """The script most letters of `text` are in, or None when it has no letters."""
    counts = script_counts(text)
    return max(counts, key=counts.__getitem__) if counts else None


@cache
def script_of_language(code: str) -> str | None:
    """The script `code` is written in: ours, else CLDR's likely script; None if unknown."""
    if code in KNOWN:
        return KNOWN[code].script
    from babel.core import get_global

    likely = get_global("likely_subtags").get(code.lower(), "")
    parts = likely.split("_")
    return parts[1] if len(parts) > 2 else None


def language_for_script(script: str, *, prefer: str | None = None) -> str | None:
    """The configured language written in `script` (`prefer` when it is one), else None."""
    if prefer and prefer in codes() and script_of_language(prefer) == script:
        return prefer
    return next((code for code in codes() if script_of_language(code) == script), None)


def detect_script_language(text: str) -> str:
    """The configured language whose script most letters of `text` are in (the first
    configured language when no configured language uses that script)."""
    script = dominant_script(text)
    return (language_for_script(script) if script else None) or codes()[0]
