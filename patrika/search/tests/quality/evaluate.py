"""Recall@3 and MRR of the quality queries, per kind, on the current backend."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from patrika.search.backends import Filters
from patrika.search.selectors import search_page

QUERIES = Path(__file__).with_name("queries.json")
KINDS = ("english", "devanagari", "romanized", "misspelled", "mixed")


@dataclass
class Outcome:
    query: str
    kind: str
    expected: list[str]
    ranked: list[str]  # story keys, best first, each once

    @property
    def recall_at_3(self) -> float:
        return len(set(self.expected) & set(self.ranked[:3])) / len(self.expected)

    @property
    def reciprocal_rank(self) -> float:
        for rank, key in enumerate(self.ranked, start=1):
            if key in self.expected:
                return 1 / rank
        return 0.0


def load_queries() -> list[dict]:
    return json.loads(QUERIES.read_text(encoding="utf-8"))


def run(keys: dict[int, str], items: list[dict] | None = None) -> list[Outcome]:
    """Search every query (the quality set unless `items` are given) across both languages;
    translations of one story count once."""
    outcomes = []
    for item in load_queries() if items is None else items:
        page = search_page(query=item["q"], filters=Filters(), per_page=20)
        ranked: list[str] = []
        for hit in page.hits:
            key = keys.get(hit.story_id, "?")
            if key not in ranked:
                ranked.append(key)
        outcomes.append(Outcome(item["q"], item["kind"], item["expect"], ranked))
    return outcomes


def _order(kind: str) -> int:
    # Kinds of other query sets (the held-out schemes) keep their order, after these.
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def summary(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.kind].append(outcome)
    return {
        kind: {
            "queries": len(items),
            "recall@3": sum(o.recall_at_3 for o in items) / len(items),
            "mrr": sum(o.reciprocal_rank for o in items) / len(items),
        }
        for kind, items in sorted(by_kind.items(), key=lambda kv: _order(kv[0]))
    }
