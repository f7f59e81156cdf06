"""A word-level diff of two texts that any script can read.

Words are runs of letters, combining marks and digits (Unicode categories L*, M*, N*): a
vowel sign, virama or nukta (category M) always stays with the letter before it, where
Python's `\\w` would cut "मोदी" after "म". Spaces and each punctuation mark are tokens of
their own, so "42," → "24," marks only the number.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


def _kind(char: str) -> str:
    if char.isspace():
        return "space"
    category = unicodedata.category(char)[0]
    return "word" if category in "LMN" or char == "_" else "mark"


def tokens(text: str) -> list[str]:
    out: list[str] = []
    previous = ""
    for char in text:
        kind = _kind(char)
        # A combining mark at the very start has no letter to follow: it starts a word.
        if out and kind == previous and kind != "mark":
            out[-1] += char
        else:
            out.append(char)
        previous = kind
    return out


@dataclass(frozen=True)
class Part:
    op: str  # "equal", "delete" or "insert"
    text: str


def diff_words(old: str, new: str) -> list[Part]:
    a, b = tokens(old), tokens(new)
    parts: list[Part] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(Part("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(Part("delete", "".join(a[i1:i2])))
        if j2 > j1:
            parts.append(Part("insert", "".join(b[j1:j2])))
    return parts


def diff_html(old: str, new: str) -> SafeString:
    tags = {"equal": "span", "delete": "del", "insert": "ins"}
    return format_html_join(
        "",
        "<{}>{}</{}>",
        ((tags[p.op], p.text, tags[p.op]) for p in diff_words(old, new)),
    ) or format_html("")
