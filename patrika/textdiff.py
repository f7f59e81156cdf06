"""What changed between two versions of a text, for a person to read: paragraph by paragraph,
and word by word inside a paragraph that changed.

Words are runs of grapheme clusters (`regex`'s `\\X`), so a vowel sign, virama, nukta or
anusvara always stays with its letter: "40,000 हेक्टेयर" → "55,000 हेक्टेयर" shows one number
replaced, never a lone "े" or a conjunct cut in half.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

import regex

EQUAL, INSERT, DELETE, REPLACE = "equal", "insert", "delete", "replace"

# A number with its separators ("40,000", "6.5", "२,०२४"); a word (clusters that begin with a
# letter, digit or — at worst, a stray — mark); a run of spaces; any other single cluster.
_TOKEN = regex.compile(r"\d+(?:[.,]\d+)+|(?:(?=[\p{L}\p{N}\p{M}])\X)+|\s+|\X")
_PARAGRAPH_BREAK = regex.compile(r"\n{2,}")


@dataclass(frozen=True)
class Segment:
    op: str  # EQUAL, INSERT or DELETE
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph added, removed or rewritten. `old`/`new`: its 0-based index in each
    version (None where it does not exist); `segments`: the words, each kept, added or
    removed, in reading order."""

    op: str  # INSERT, DELETE or REPLACE
    old: int | None
    new: int | None
    segments: list[Segment] = field(default_factory=list)

    @property
    def number(self) -> int:
        """1-based, in the new version when it is there."""
        return (self.new if self.new is not None else self.old or 0) + 1


def canonical(text: str) -> str:
    """The text as compared: Unix line ends, no spaces at line ends or around the whole (a
    browser posts CRLF and Django's form fields strip, and neither is a change)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def tokens(text: str) -> list[str]:
    """Words, numbers, spaces and punctuation; joined, they give `text` back."""
    return _TOKEN.findall(text)


def paragraphs(text: str) -> list[str]:
    """Markdown paragraphs (blocks between blank lines)."""
    text = canonical(text)
    return _PARAGRAPH_BREAK.split(text) if text else []


def diff_words(old: str, new: str) -> list[Segment]:
    old_tokens, new_tokens = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in (EQUAL, DELETE, REPLACE) and i2 > i1:
            _append(segments, EQUAL if op == EQUAL else DELETE, "".join(old_tokens[i1:i2]))
        if op in (INSERT, REPLACE) and j2 > j1:
            _append(segments, INSERT, "".join(new_tokens[j1:j2]))
    return segments


def _append(segments: list[Segment], op: str, text: str) -> None:
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def diff_paragraphs(old: str, new: str) -> list[ParagraphChange]:
    """The paragraphs of `new` that differ from `old`: added, removed or rewritten (with a
    word diff). Unchanged paragraphs are left out."""
    old_parts, new_parts = paragraphs(old), paragraphs(new)
    matcher = SequenceMatcher(None, old_parts, new_parts, autojunk=False)
    changes: list[ParagraphChange] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == EQUAL:
            continue
        # Rewritten paragraphs pair up in order; what is left over was added or removed.
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            before, after = old_parts[i1 + k], new_parts[j1 + k]
            changes.append(ParagraphChange(REPLACE, i1 + k, j1 + k, diff_words(before, after)))
        for i in range(i1 + paired, i2):
            changes.append(ParagraphChange(DELETE, i, None, [Segment(DELETE, old_parts[i])]))
        for j in range(j1 + paired, j2):
            changes.append(ParagraphChange(INSERT, None, j, [Segment(INSERT, new_parts[j])]))
    return changes
