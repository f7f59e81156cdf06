"""Which sentences and headings of a translation answer which of its source.

A dynamic-programming alignment in the manner of Gale and Church (1993): units are sentences
and headings in order; a bead joins 0–2 units of one side to 0–2 of the other; its cost is how
far the lengths stray from the story's own length ratio, less what the two sides share
(figures, names), plus a price for each bead shape. Units left in 1–0 or 0–1 beads have no
counterpart. Computed once per pair of translations and shared by the parity rules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from patrika import languages
from patrika.search.analysis.phonetic import indic_key, latin_key

from .base import Document, Text
from .languages import get as get_language
from .markdown import Block
from .numbers import numbers
from .phrases import is_noise
from .words import sentences, words

# Bead shapes and their prices (lower: more common in real translations).
BEADS = {(1, 1): 0.0, (1, 0): 4.0, (0, 1): 4.0, (2, 1): 2.5, (1, 2): 2.5, (2, 2): 4.5}
VARIANCE = 6.8  # Gale and Church's variance of target characters per source character
HEADING_MISMATCH = 8.0
SHARED_FIGURE = 1.5
SHARED_NAME = 1.0


@dataclass
class Unit:
    block: Block
    start: int
    end: int
    heading: bool
    length: int
    figures: frozenset[float] = field(default_factory=frozenset)
    # Phonetic keys of the names in it: capitalised Latin words, and every word of a script
    # with a transliteration scheme (so "Putin" meets पुतिन).
    names: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Alignment:
    source: list[Unit]  # sentences and headings
    target: list[Unit]
    beads: list[tuple[list[int], list[int]]]  # over those units
    # Paragraphs (block indexes) with no counterpart at all, per side.
    lone_blocks: dict[str, set[int]] = field(default_factory=dict)

    def unmatched(self, side: str) -> list[Unit]:
        units = self.source if side == "source" else self.target
        own = 0 if side == "source" else 1
        return [units[i] for bead in self.beads if not bead[1 - own] for i in bead[own]]


def _names(text: str, scheme: str | None) -> frozenset[str]:
    keys = set()
    for word in words(text):
        if word.text.isascii():
            if word.text[0].isupper() and len(word.text) >= 3:
                keys.add(latin_key(word.text))
        elif scheme:
            keys.add(indic_key(word.text, scheme))
    return frozenset(key for key in keys if len(key) >= 3)


def units(text: Text) -> list[Unit]:
    """Sentences and headings of the prose blocks (boilerplate and stuffing left out)."""
    language = get_language(text.language)
    scheme = languages.get(text.language).transliteration_scheme
    found: list[Unit] = []
    for block in text.blocks:
        if block.kind == "heading":
            pieces = [(0, len(block.plain))]
        elif block.kind in ("paragraph", "quote", "list") and not is_noise(block.plain):
            pieces = [(s.start, s.end) for s in sentences(block.plain, language)]
        else:
            continue
        for start, end in pieces:
            piece = block.plain[start:end]
            figures = frozenset(round(n.value, 6) for n in numbers(piece, language))
            length = len("".join(piece.split()))
            heading = block.kind == "heading"
            found.append(Unit(block, start, end, heading, length, figures, _names(piece, scheme)))
    return found


def _paragraphs(sentence_units: list[Unit]) -> list[list[Unit]]:
    groups: list[list[Unit]] = []
    for unit in sentence_units:
        if groups and groups[-1][0].block is unit.block:
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return groups


def _merged(group: list[Unit]) -> Unit:
    return Unit(
        group[0].block,
        group[0].start,
        group[-1].end,
        group[0].heading,
        sum(u.length for u in group),
        frozenset().union(*(u.figures for u in group)),
        frozenset().union(*(u.names for u in group)),
    )


def _cost(a: list[Unit], b: list[Unit], ratio: float) -> float:
    la, lb = sum(u.length for u in a), sum(u.length for u in b)
    if not a or not b:
        return 0.0
    mean = (la + lb / ratio) / 2 or 1
    delta = (lb - la * ratio) / math.sqrt(mean * VARIANCE)
    cost = delta * delta / 2
    if any(u.heading for u in a) != any(u.heading for u in b) or (
        len(a) + len(b) > 2 and any(u.heading for u in a + b)
    ):
        cost += HEADING_MISMATCH
    shared = frozenset().union(*(u.figures for u in a)) & frozenset().union(*(u.figures for u in b))
    names = frozenset().union(*(u.names for u in a)) & frozenset().union(*(u.names for u in b))
    return cost - SHARED_FIGURE * len(shared) - SHARED_NAME * len(names)


def _dp(src: list[Unit], tgt: list[Unit], ratio: float) -> list[tuple[list[int], list[int]]]:
    n, m = len(src), len(tgt)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == inf:
                continue
            for (di, dj), price in BEADS.items():
                if i + di > n or j + dj > m:
                    continue
                cost = best[i][j] + price + _cost(src[i : i + di], tgt[j : j + dj], ratio)
                if cost < best[i + di][j + dj]:
                    best[i + di][j + dj] = cost
                    back[i + di][j + dj] = (di, dj)
    beads: list[tuple[list[int], list[int]]] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        di, dj = step
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def align(source: Text, target: Text) -> Alignment:
    """Paragraphs first (translations keep paragraph breaks), then the sentences of each pair
    of matched paragraphs."""
    src, tgt = units(source), units(target)
    total_s, total_t = sum(u.length for u in src), sum(u.length for u in tgt)
    ratio = (total_t / total_s) if total_s and total_t else 1.0
    src_groups, tgt_groups = _paragraphs(src), _paragraphs(tgt)
    src_at = [src.index(group[0]) for group in src_groups]
    tgt_at = [tgt.index(group[0]) for group in tgt_groups]
    beads: list[tuple[list[int], list[int]]] = []
    lone: dict[str, set[int]] = {"source": set(), "target": set()}
    paragraph_beads = _dp([_merged(g) for g in src_groups], [_merged(g) for g in tgt_groups], ratio)
    for src_paragraphs, tgt_paragraphs in paragraph_beads:
        s_idx = [src_at[p] + k for p in src_paragraphs for k in range(len(src_groups[p]))]
        t_idx = [tgt_at[p] + k for p in tgt_paragraphs for k in range(len(tgt_groups[p]))]
        if not s_idx or not t_idx:
            beads.append((s_idx, t_idx))
            lone["source"].update(src_groups[p][0].block.index for p in src_paragraphs)
            lone["target"].update(tgt_groups[p][0].block.index for p in tgt_paragraphs)
            continue
        for s_part, t_part in _dp([src[i] for i in s_idx], [tgt[j] for j in t_idx], ratio):
            beads.append(([s_idx[i] for i in s_part], [t_idx[j] for j in t_part]))
    return Alignment(src, tgt, beads, lone)


def alignment(document: Document, source: Text, target: Text) -> Alignment:
    key = ("alignment", source.language, target.language)
    if key not in document.memo:
        document.memo[key] = align(source, target)
    result: Alignment = document.memo[key]
    return result
