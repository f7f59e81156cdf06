"""Per-language behaviour, keyed by language code.

Code paths never ask `if lang == "hi"`; they look the language up here. A third language is a
new entry (plus a line in settings.LANGUAGES and a UI catalogue).
"""

from __future__ import annotations

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


def detect_script_language(text: str) -> str:
    """The configured language whose script most letters of `text` are in."""
    import unicodedata

    counts: dict[str, int] = {}
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        script = "Latn"
        if name.startswith("DEVANAGARI"):
            script = "Deva"
        elif name.startswith("BENGALI"):
            script = "Beng"
        elif name.startswith("ARABIC"):
            script = "Arab"
        counts[script] = counts.get(script, 0) + 1
    if not counts:
        return codes()[0]
    top = max(counts, key=counts.__getitem__)
    for code in codes():
        if get(code).script == top:
            return code
    return codes()[0]
