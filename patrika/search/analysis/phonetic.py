"""Phonetic keys: a loose Latin skeleton of a word, the same for "modi", "mody" and मोदी.

Devanagari words are transliterated with indic-transliteration (ITRANS) and then folded like any
Latin word, so romanized queries meet Devanagari text (and Devanagari spellings of English
names meet the English words) without any word list.

The fold is deliberately lossy, the way people type Hindi in Latin letters: long/short vowels
merge (aa→a, ee→i, oo→u, au→o, iya→ia, and ai→e as in है "hai" or "train"/ट्रेन), the short
"a" disappears everywhere but at the start (it is the inherent vowel Hindi often does not
pronounce: bhArata → "bharat"), aspiration is dropped (bh→b, sh→s, ph→p), w→v, z→j, f→p,
q→k, c→k (ch stays apart), x→ks, a final -y after a consonant → i, m before another consonant
→ n (the anusvara, typed "m" or "n": "samvad", "sanvad"), a word-initial jn → gy (ज्ञ: "jnan",
"gyan"), and doubled letters collapse.

Some letters are typed several ways that the fold cannot join without joining other words, so
a Devanagari word has more than one key (`indic_keys`; the first is its own, the others are
indexed too):

* ृ (vocalic r) as "ri", "r" or "ru": कृषि is "krishi", "krshi" and "krushi";
* ज्ञ inside a word as "gy" or "jn": विज्ञान is "vigyan" and "vijnan" (a "jn" → "gy" fold would
  take राजनीति, "rajniti", away from its own spelling);
* a nasal vowel (anusvara or chandrabindu not before a stop) with or without "n": हैं is
  "hain" and "hai", गांव "gaanv" and "gaav". Before a stop the anusvara is a consonant that
  readers type (संबंध, "sambandh"), and dropping it would make शब्द of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, product

from indic_transliteration import sanscript

_NON_ALNUM = re.compile(r"[^a-z0-9]")
_H_AFTER_CONSONANT = re.compile(r"(?<=[bcdgjklmnprstvy])h")
_FINAL_Y = re.compile(r"(?<=[^aeiou])y$")
_M_BEFORE_CONSONANT = re.compile(r"m(?=[b-df-hj-lnp-tv-z])")
_DOUBLE = re.compile(r"(.)\1+")
_IYA = re.compile(r"iy(?=a|$)")  # -iya/-ia endings: ऑस्ट्रेलिया, "australia"
# ITRANS spellings with no one-letter Latin equivalent, replaced before lowercasing (after the
# ambiguous letters below have been spelt out).
_ITRANS = [
    ("LLi", "li"),
    ("~N", "n"),
    ("~n", "n"),
    ("H", ""),  # visarga
    (".a", ""),  # avagraha
]
# ITRANS spellings readers type more than one way: each gives the word one more key.
_AMBIGUOUS = re.compile(r"RR[iI]|j~n|M|\.N")
# What may follow an anusvara that is a nasal consonant (a stop) rather than a nasal vowel.
_STOP = re.compile(r"[kgcCjJTDtdpbfqz]")
# A word with many ambiguous letters keeps this many keys, the likeliest spellings first.
MAX_KEYS = 4
# Vowels and marks ITRANS leaves as Devanagari; folded before transliterating.
_PRE = str.maketrans({"ऑ": "ओ", "ॉ": "ो", "ऍ": "ए", "ॅ": "े", "़": None})


def fold(latin: str) -> str:
    """The key of a Latin-letter word (lowercase ASCII in, lowercase ASCII out)."""
    s = _NON_ALNUM.sub("", latin.lower())
    if not s or s.isdigit():
        return ""
    if s.startswith("jn"):  # no Hindi word starts with ज्न: this is ज्ञ
        s = "gy" + s[2:]
    s = s.replace("chh", "C").replace("ch", "C").replace("x", "ks")
    s = s.replace("c", "k").replace("C", "c")
    s = s.replace("q", "k").replace("z", "j").replace("w", "v").replace("f", "p")
    s = s.replace("ee", "i").replace("oo", "u").replace("au", "o").replace("ai", "e")
    s = _IYA.sub("i", s)
    s = _H_AFTER_CONSONANT.sub("", s)
    s = _FINAL_Y.sub("i", s)
    s = _M_BEFORE_CONSONANT.sub("n", s)
    s = s[0] + s[1:].replace("a", "")
    return _DOUBLE.sub(r"\1", s)


@lru_cache(maxsize=200_000)
def latin_key(word: str) -> str:
    return fold(word)


def latin_keys(word: str) -> tuple[str, ...]:
    key = latin_key(word)
    return (key,) if key else ()


def _plain(itrans: str) -> str:
    for old, new in _ITRANS:
        itrans = itrans.replace(old, new)
    return itrans


def _choices(itrans: str, match: re.Match[str]) -> tuple[str, ...]:
    letter = match.group()
    if letter.startswith("RR"):
        return ("ri", "r", "ru")
    if letter == "j~n":
        return ("gy", "jn") if match.start() else ("gy",)
    after = itrans[match.end() : match.end() + 1]
    return ("n",) if _STOP.match(after) else ("n", "")


def _spellings(itrans: str) -> list[str]:
    """The Latin spellings of an ITRANS word that readers type, the usual one first."""
    parts: list[tuple[str, ...]] = []
    pos = 0
    for match in _AMBIGUOUS.finditer(itrans):
        parts.append((itrans[pos : match.start()],))
        parts.append(_choices(itrans, match))
        pos = match.end()
    parts.append((itrans[pos:],))
    return ["".join(p) for p in islice(product(*parts), MAX_KEYS * 3)]


@lru_cache(maxsize=200_000)
def indic_keys(word: str, scheme: str) -> tuple[str, ...]:
    """The keys of a word in an Indic script handled by indic-transliteration (`scheme`):
    its own key first, then those of the other ways readers spell it."""
    itrans = sanscript.transliterate(word.translate(_PRE), scheme, sanscript.ITRANS)
    keys = dict.fromkeys(fold(_plain(spelling)) for spelling in _spellings(itrans))
    return tuple(k for k in keys if k)[:MAX_KEYS]


def indic_key(word: str, scheme: str) -> str:
    """The key of a word in an Indic script (the first of `indic_keys`)."""
    keys = indic_keys(word, scheme)
    return keys[0] if keys else ""
