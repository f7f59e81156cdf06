"""Unicode helpers shared by every app.

Stored text is kept exactly as its author wrote it: decomposed Devanagari, nukta forms, ZWJ and
ZWNJ, bidi controls, soft hyphens and no-break spaces all survive. `check_storable` refuses only
what a database or the XML export cannot hold. The normalised forms below are for comparing,
looking up and making slugs, never for storing.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidi overrides/isolates and zero-width characters other than ZWJ/ZWNJ (which Indic
# scripts need for correct conjunct shaping).
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None
)

# PostgreSQL cannot store NUL, UTF-8 cannot encode a lone surrogate, and XML 1.0 (the WXR
# export) has no way to write the other C0 controls or U+FFFE/U+FFFF.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Whitespace around a one-line value that nobody means to keep (what HTML and XML treat as
# space); a no-break space or an ideographic space is text and stays.
MARKUP_SPACE = " \t\n\r\f"


def normalize(text: str) -> str:
    """NFC, with invisible formatting characters removed: for slugs and comparisons."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def text_key(text: str) -> str:
    """What two texts are compared by: equal keys mean the same words however they were
    typed (composed or not, with joiners, bidi controls or soft hyphens, in another case)."""
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", visible).casefold())
    return " ".join(folded.split())


def unstorable(text: str) -> tuple[int, str] | None:
    """(position, character) of the first character that cannot be stored, or None."""
    match = _UNSTORABLE.search(text)
    return (match.start(), match.group()) if match else None


def describe_character(char: str) -> str:
    """ "U+0000 (NULL)", "U+D800 (a lone surrogate)": how messages name a character."""
    point = ord(char)
    if point == 0:
        name = "NULL"
    elif 0xD800 <= point <= 0xDFFF:
        name = "a lone surrogate"
    elif point in (0xFFFE, 0xFFFF):
        name = "a noncharacter"
    else:
        name = unicodedata.name(char, "a control character")
    return f"U+{point:04X} ({name})"


def check_storable(value: str, *, field: str) -> None:
    """Raise ValidationError naming `field`, the character and where it is, when `value` holds
    something that cannot be stored."""
    found = unstorable(value)
    if found is None:
        return
    position, char = found
    raise ValidationError(
        _(
            "%(field)s contains %(character)s at character %(position)s, which cannot be "
            "stored; remove it and try again."
        ),
        code="unstorable",
        params={"field": field, "character": describe_character(char), "position": position + 1},
    )


def _is_word_char(char: str) -> bool:
    # Vowel signs and viramas are combining marks (Mn/Mc): they are part of the word.
    return unicodedata.category(char)[0] in "LMN"


def slugify(value: str, max_length: int = 120) -> str:
    """A URL slug that keeps Devanagari (and any other script) intact.

    Django's slugify(allow_unicode=True) drops combining marks and turns "मोदी" into "मद".
    """
    # Format characters (ZWJ, ZWNJ, soft hyphen, bidi marks) shape a word, they do not end it.
    value = "".join(c for c in normalize(value).lower() if unicodedata.category(c) != "Cf")
    out: list[str] = []
    for char in value:
        out.append(char if _is_word_char(char) else "-")
    slug = re.sub(r"-{2,}", "-", "".join(out)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
