"""The quality set: recall@3 ≥ 0.9 for every kind of query, on the current database; and the
held-out romanized set (`heldout.py`) above the figures in docs/search.md, less a margin."""

from __future__ import annotations

import pytest

from . import heldout
from .corpus import load_corpus
from .evaluate import KINDS, load_queries, run, summary

# recall@3 per held-out scheme that the search must keep (docs/search.md has the figures).
HELD_OUT_RECALL = {
    "hk": 0.85,
    "iast": 0.9,
    "velthuis": 0.9,
    "itrans": 0.95,
    "optitrans": 0.95,
    "chat-long": 0.95,
    "chat-short": 0.95,
}


def test_query_set_shape() -> None:
    queries = load_queries()
    assert len(queries) >= 60
    assert {q["kind"] for q in queries} == set(KINDS)


def test_held_out_set_shape() -> None:
    queries = heldout.queries()
    assert {q["kind"] for q in queries} == set(heldout.SCHEMES) == set(HELD_OUT_RECALL)
    assert len(queries) >= 100 * len(heldout.SCHEMES)
    assert all(len(q["expect"]) == 1 for q in queries)


@pytest.mark.django_db
def test_recall_at_3_per_kind() -> None:
    keys = load_corpus()
    assert len(keys) >= 200
    outcomes = run(keys)
    misses = [(o.kind, o.query, o.ranked[:3]) for o in outcomes if o.recall_at_3 < 1]
    for kind, figures in summary(outcomes).items():
        assert figures["recall@3"] >= 0.9, (kind, figures, misses)

    held_out = summary(run(keys, heldout.queries()))
    low = {k: f["recall@3"] for k, f in held_out.items() if f["recall@3"] < HELD_OUT_RECALL[k]}
    assert not low, low
