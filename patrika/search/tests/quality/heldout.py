"""A held-out set of romanized Hindi: spellings the phonetic keys were not written from.

The Hindi words of the quality corpus are romanized by indic-transliteration's other schemes
(Harvard-Kyoto, IAST with its accents folded, Velthuis, ITRANS, OPTITRANS), with what a reader
cannot type (dots, tildes, quotes, capitals) taken out, and by two "chat" spellings made with
simple rules from how people write Hindi in Latin letters (long vowels doubled or not, the final
short "a" dropped, nasal vowels with or without "n", "w" for व...). Two measures:

* **keys**: the share of (word, spelling) pairs whose query key is one of the word's index keys;
* **queries**: each word found in one story of the quality corpus only, romanized, must find
  that story in the top 3 (recall@3, MRR).

Both are computed only through the analysis and the results selector, so the same module
measures any version of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

from indic_transliteration import sanscript

from patrika.search.analysis import analyze_document, analyze_query, analyze_word
from patrika.search.analysis.tokenize import script_of, words

from .anchors import ANCHORS
from .corpus import HI_PARAGRAPHS, TEMPLATES, corpus

# ITRANS and Harvard-Kyoto have no letter for the candra o (ऑ) of English loanwords: readers
# type "o" ("dolar", "order").
_CANDRA = str.maketrans({"ऑ": "ओ", "ॉ": "ो"})
_UNTYPEABLE = re.compile(r"[^A-Za-z]")


def _scheme(name: str) -> Callable[[str], str]:
    def romanize(word: str) -> str:
        latin = sanscript.transliterate(word.translate(_CANDRA), sanscript.DEVANAGARI, name)
        folded = unicodedata.normalize("NFKD", latin)
        return _UNTYPEABLE.sub("", "".join(c for c in folded if not unicodedata.combining(c)))

    return romanize


def _chat(word: str, *, long_vowels: bool) -> str:
    """A chat spelling, from OPTITRANS (the most readable scheme) by simple rules."""
    s = sanscript.transliterate(word.translate(_CANDRA), sanscript.DEVANAGARI, sanscript.OPTITRANS)
    s = s.replace(".N", "n").replace("RR", "R")
    if long_vowels:
        s = s.replace("A", "aa").replace("I", "ee").replace("U", "oo")
        s = s.replace("R", "ri").replace("M", "n")
    else:
        s = s.replace("A", "a").replace("I", "i").replace("U", "u")
        s = s.replace("R", "r").replace("v", "w")
        s = re.sub("M$", "", s).replace("M", "n")  # a final nasal vowel left unmarked
    s = s.replace("Sh", "sh").replace("x", "ksh").lower()
    # The inherent vowel is not said at the end of a word: भारत is "bharat".
    s = re.sub(r"(?<=[^aeiou])a$", "", s) if len(s) > 3 else s
    return _UNTYPEABLE.sub("", s)


SCHEMES: dict[str, Callable[[str], str]] = {
    "hk": _scheme(sanscript.HK),
    "iast": _scheme(sanscript.IAST),
    "velthuis": _scheme(sanscript.VELTHUIS),
    "itrans": _scheme(sanscript.ITRANS),
    "optitrans": _scheme(sanscript.OPTITRANS),
    "chat-long": lambda w: _chat(w, long_vowels=True),
    "chat-short": lambda w: _chat(w, long_vowels=False),
}


def _content_words(text: str) -> list[str]:
    """The Devanagari words of `text` that are not stopwords (template slots are Latin)."""
    return [
        w
        for w in words(text)
        if script_of(w) == "Deva" and len(w) > 1 and not analyze_word(w, "hi").stop
    ]


@cache
def hindi_words() -> tuple[str, ...]:
    """Every distinct Hindi content word of the quality corpus, in order of first use."""
    texts = [t for a in ANCHORS for t in (a[4], a[5])]
    texts += [t for template in TEMPLATES for t in template[2::2]] + HI_PARAGRAPHS
    seen: dict[str, None] = {}
    for text in texts:
        for word in _content_words(text):
            seen.setdefault(word, None)
    return tuple(seen)


def index_keys(word: str) -> set[str]:
    doc = analyze_document(title=word, body="", lang="hi")
    return set(doc.title_keys.split())


def key_agreement() -> dict[str, float]:
    """Per scheme, the share of the corpus's Hindi words whose spelling meets them by key."""
    out: dict[str, float] = {}
    for name, romanize in SCHEMES.items():
        met = total = 0
        for word in hindi_words():
            spelling = romanize(word)
            terms = analyze_query(spelling, lang="hi") if spelling else []
            total += 1
            met += bool(terms) and terms[0].key in index_keys(word)
        out[name] = met / total
    return out


def queries() -> list[dict]:
    """Per scheme, every Hindi word found in one story only, romanized: it must find that story.

    One word a query, so a spelling that misses cannot be carried by the other words.
    """
    stories: dict[str, set[str]] = {}
    for story in corpus():
        if story.hi:
            for word in _content_words(" ".join(story.hi)):
                stories.setdefault(analyze_word(word, "hi").word, set()).add(story.key)
    out: list[dict] = []
    for word in hindi_words():
        found = stories.get(analyze_word(word, "hi").word, set())
        if len(found) != 1 or len(word) < 3:
            continue
        for name, romanize in SCHEMES.items():
            out.append({"q": romanize(word), "kind": name, "expect": sorted(found)})
    return out
