"""The quality set: recall@3 ≥ 0.9 for every kind of query, on the current database."""

from __future__ import annotations

import pytest

from .corpus import load_corpus
from .evaluate import KINDS, load_queries, run, summary


def test_query_set_shape() -> None:
    queries = load_queries()
    assert len(queries) >= 60
    assert {q["kind"] for q in queries} == set(KINDS)


@pytest.mark.django_db
def test_recall_at_3_per_kind() -> None:
    keys = load_corpus()
    assert len(keys) >= 200
    outcomes = run(keys)
    misses = [(o.kind, o.query, o.ranked[:3]) for o in outcomes if o.recall_at_3 < 1]
    for kind, figures in summary(outcomes).items():
        assert figures["recall@3"] >= 0.9, (kind, figures, misses)
