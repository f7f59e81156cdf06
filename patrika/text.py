"""Unicode helpers shared by every app: normalisation and slugs that keep Indic words whole."""

from __future__ import annotations

import re
import unicodedata

# Bidi overrides/isolates and zero-width characters other than ZWJ/ZWNJ (which Indic
# scripts need for correct conjunct shaping).
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None
)


def normalize(text: str) -> str:
    """NFC, with invisible formatting characters that have no place in stored text removed."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def _is_word_char(char: str) -> bool:
    # Vowel signs and viramas are combining marks (Mn/Mc): they are part of the word.
    return unicodedata.category(char)[0] in "LMN"


def slugify(value: str, max_length: int = 120) -> str:
    """A URL slug that keeps Devanagari (and any other script) intact.

    Django's slugify(allow_unicode=True) drops combining marks and turns "मोदी" into "मद".
    """
    value = normalize(value).lower()
    out: list[str] = []
    for char in value:
        out.append(char if _is_word_char(char) else "-")
    slug = re.sub(r"-{2,}", "-", "".join(out)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
