"""Phonetic keys: a loose Latin skeleton of a word, the same for "modi", "mody" and मोदी.

Devanagari words are transliterated with indic-transliteration (ITRANS) and then folded like any
Latin word, so romanized queries meet Devanagari text (and Devanagari spellings of English
names meet the English words) without any word list.

The fold is deliberately lossy, the way people type Hindi in Latin letters: long/short vowels
merge (aa→a, ee→i, oo→u, au→o, iya→ia, and ai→e as in है "hai" or "train"/ट्रेन), the short
"a" disappears everywhere but at the start (it is the inherent vowel Hindi often does not
pronounce: bhArata → "bharat"), aspiration is dropped (bh→b, sh→s, ph→p), w→v, z→j, f→p,
q→k, c→k (ch stays apart), x→ks, a final -y after a consonant → i, m before p/b → n
(anusvara), and doubled letters collapse.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indic_transliteration import sanscript

_NON_ALNUM = re.compile(r"[^a-z0-9]")
_H_AFTER_CONSONANT = re.compile(r"(?<=[bcdgjklmnprstvy])h")
_FINAL_Y = re.compile(r"(?<=[^aeiou])y$")
_M_LABIAL = re.compile(r"m(?=[pb])")
_DOUBLE = re.compile(r"(.)\1+")
_IYA = re.compile(r"iy(?=a|$)")  # -iya/-ia endings: ऑस्ट्रेलिया, "australia"
# ITRANS spellings with no one-letter Latin equivalent, replaced before lowercasing.
_ITRANS = [
    ("j~n", "gy"),  # ज्ञ is said "gy" (gyan)
    ("RRi", "ri"),
    ("RRI", "ri"),
    ("LLi", "li"),
    ("~N", "n"),
    ("~n", "n"),
    (".N", "n"),
    ("M", "n"),  # anusvara
    ("H", ""),  # visarga
    (".a", ""),  # avagraha
]
# Vowels and marks ITRANS leaves as Devanagari; folded before transliterating.
_PRE = str.maketrans({"ऑ": "ओ", "ॉ": "ो", "ऍ": "ए", "ॅ": "े", "़": None})


def fold(latin: str) -> str:
    """The key of a Latin-letter word (lowercase ASCII in, lowercase ASCII out)."""
    s = _NON_ALNUM.sub("", latin.lower())
    if not s or s.isdigit():
        return ""
    s = s.replace("chh", "C").replace("ch", "C").replace("x", "ks")
    s = s.replace("c", "k").replace("C", "c")
    s = s.replace("q", "k").replace("z", "j").replace("w", "v").replace("f", "p")
    s = s.replace("ee", "i").replace("oo", "u").replace("au", "o").replace("ai", "e")
    s = _IYA.sub("i", s)
    s = _H_AFTER_CONSONANT.sub("", s)
    s = _FINAL_Y.sub("i", s)
    s = _M_LABIAL.sub("n", s)
    s = s[0] + s[1:].replace("a", "")
    return _DOUBLE.sub(r"\1", s)


@lru_cache(maxsize=200_000)
def latin_key(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=200_000)
def indic_key(word: str, scheme: str) -> str:
    """The key of a word in an Indic script handled by indic-transliteration (`scheme`)."""
    itrans = sanscript.transliterate(word.translate(_PRE), scheme, sanscript.ITRANS)
    for old, new in _ITRANS:
        itrans = itrans.replace(old, new)
    return fold(itrans)
