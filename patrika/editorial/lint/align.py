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
from .words import is_rare_name, sentences, words

# Bead shapes and their prices (lower: more common in real translations). Translators merge
# and split sentences often, paragraphs seldom.
SENTENCE_BEADS = {(1, 1): 0.0, (1, 0): 4.0, (0, 1): 4.0, (2, 1): 2.5, (1, 2): 2.5, (2, 2): 4.5}
PARAGRAPH_BEADS = {(1, 1): 0.0, (1, 0): 3.5, (0, 1): 3.5, (2, 1): 4.5, (1, 2): 4.5}
VARIANCE = 6.8  # Gale and Church's variance of target characters per source character
HEADING_MISMATCH = 8.0
# What the two sides share (figures, names) makes a bead cheaper; what only one has, dearer.
SHARED, UNSHARED = 1.5, 1.5


@dataclass
class Unit:
    block: Block
    start: int
    end: int
    heading: bool
    length: int
    figures: frozenset[float] = field(default_factory=frozenset)
    # Phonetic keys: of its rare Latin names ("Modi"), and of every word (so "Modi" meets मोदी).
    names: frozenset[str] = field(default_factory=frozenset)
    keys: frozenset[str] = field(default_factory=frozenset)


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


def _keys(text: str, scheme: str | None) -> tuple[frozenset[str], frozenset[str]]:
    names, keys = set(), set()
    for word in words(text):
        if word.text.isascii():
            key = latin_key(word.text)
            if is_rare_name(word.text):
                names.add(key)
        else:
            key = indic_key(word.text, scheme) if scheme else ""
        keys.add(key)
    return frozenset(k for k in names if len(k) >= 3), frozenset(k for k in keys if len(k) >= 3)


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
            names, keys = _keys(piece, scheme)
            found.append(Unit(block, start, end, heading, length, figures, names, keys))
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
        frozenset().union(*(u.keys for u in group)),
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
    figures_a = frozenset().union(*(u.figures for u in a))
    figures_b = frozenset().union(*(u.figures for u in b))
    shared = figures_a & figures_b
    cost += UNSHARED * len(figures_a ^ figures_b)
    names_a, keys_a = _union(a, "names"), _union(a, "keys")
    names_b, keys_b = _union(b, "names"), _union(b, "keys")
    shared_names = (names_a & keys_b) | (names_b & keys_a)
    cost += UNSHARED * len((names_a - keys_b) | (names_b - keys_a))
    return cost - SHARED * (len(shared) + len(shared_names))


def _union(units: list[Unit], attribute: str) -> frozenset[str]:
    return frozenset().union(*(getattr(u, attribute) for u in units))


Beads = list[tuple[list[int], list[int]]]


def _dp(
    src: list[Unit], tgt: list[Unit], ratio: float, prices: dict[tuple[int, int], float]
) -> Beads:
    n, m = len(src), len(tgt)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == inf:
                continue
            for (di, dj), price in prices.items():
                if i + di > n or j + dj > m:
                    continue
                cost = best[i][j] + price + _cost(src[i : i + di], tgt[j : j + dj], ratio)
                if cost < best[i + di][j + dj]:
                    best[i + di][j + dj] = cost
                    back[i + di][j + dj] = (di, dj)
    beads: Beads = []
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
    beads: Beads = []
    lone: dict[str, set[int]] = {"source": set(), "target": set()}
    src_paragraphs = [_merged(g) for g in src_groups]
    tgt_paragraphs = [_merged(g) for g in tgt_groups]
    paragraph_beads = _dp(src_paragraphs, tgt_paragraphs, ratio, PARAGRAPH_BEADS)
    # A missing paragraph (or passage) skews the ratio of the totals: take the median ratio
    # of the paragraph pairs found, and align again.
    ratios = sorted(
        tgt_paragraphs[t[0]].length / src_paragraphs[s[0]].length
        for s, t in paragraph_beads
        if len(s) == len(t) == 1 and src_paragraphs[s[0]].length
    )
    if ratios and abs(ratios[len(ratios) // 2] - ratio) > 0.05 * ratio:
        ratio = ratios[len(ratios) // 2]
        paragraph_beads = _dp(src_paragraphs, tgt_paragraphs, ratio, PARAGRAPH_BEADS)
    for src_paragraphs, tgt_paragraphs in paragraph_beads:
        s_idx = [src_at[p] + k for p in src_paragraphs for k in range(len(src_groups[p]))]
        t_idx = [tgt_at[p] + k for p in tgt_paragraphs for k in range(len(tgt_groups[p]))]
        if not s_idx or not t_idx:
            beads.append((s_idx, t_idx))
            lone["source"].update(src_groups[p][0].block.index for p in src_paragraphs)
            lone["target"].update(tgt_groups[p][0].block.index for p in tgt_paragraphs)
            continue
        sentence_beads = _dp(
            [src[i] for i in s_idx], [tgt[j] for j in t_idx], ratio, SENTENCE_BEADS
        )
        for s_part, t_part in sentence_beads:
            beads.append(([s_idx[i] for i in s_part], [t_idx[j] for j in t_part]))
    return Alignment(src, tgt, beads, lone)


def alignment(document: Document, source: Text, target: Text) -> Alignment:
    key = ("alignment", source.language, target.language)
    if key not in document.memo:
        document.memo[key] = align(source, target)
    result: Alignment = document.memo[key]
    return result
