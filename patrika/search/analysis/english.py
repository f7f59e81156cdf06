"""English (and any Latin-script word): case and accent folding, stopwords, a light stemmer.

The stemmer only removes inflection (plural -s/-es/-ies, -ing, -ed, a final -e), so "talks",
"talked" and "talking" meet at "talk" while words stay readable. Porter's full algorithm also
conflates derivations ("general"/"generous"), which hurts precision on short news queries.
"""

from __future__ import annotations

import unicodedata

STOPWORDS = frozenset(
    """a about after all also an and are as at be been but by can for from had has have he her
    his i if in into is it its more not of on or our over s said she so than that the their them
    then there these they this to was we were which while who will with would you""".split()
)

_VOWELS = frozenset("aeiouy")
_NO_UNDOUBLE = frozenset("lsz")


def normalize(word: str) -> str:
    """Lowercase, accents removed (café → cafe), ligatures split (ﬁ → fi)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _has_vowel(word: str) -> bool:
    return any(c in _VOWELS for c in word)


def stem(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix == "ed" and base.endswith("e"):  # agreed → agree
                word = base
                break
            if _has_vowel(base):
                if len(base) > 3 and base[-1] == base[-2] and base[-1] not in _NO_UNDOUBLE:
                    base = base[:-1]  # stopped → stop
                word = base
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word
