"""Print recall@3 and MRR per query kind on a fresh test database, then the same for the
held-out romanized set (`heldout.py`) with its key agreement per scheme.

.venv/bin/python -m patrika.search.tests.quality.report            # SQLite
scripts/with-postgres.sh .venv/bin/python -m patrika.search.tests.quality.report
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported after django.setup() below
    from .evaluate import Outcome


def _table(outcomes: list[Outcome], extra: dict[str, float] | None = None) -> None:
    from .evaluate import summary

    extra_header = f" {'keys':>6}" if extra is not None else ""
    print(f"{'kind':<12} {'queries':>7} {'recall@3':>9} {'MRR':>6}{extra_header}")
    for kind, f in summary(outcomes).items():
        extra_cell = f" {extra[kind]:>6.3f}" if extra is not None else ""
        print(f"{kind:<12} {f['queries']:>7} {f['recall@3']:>9.3f} {f['mrr']:>6.3f}{extra_cell}")
    for o in outcomes:
        if o.recall_at_3 < 1 or "-v" in sys.argv:
            print(f"  {o.kind:<10} {o.query!r}: expected {o.expected}, top 3 {o.ranked[:3]}")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "patrika.settings")
    os.environ.setdefault("PATRIKA_VAR_DIR", tempfile.mkdtemp(prefix="patrika-quality-"))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from . import heldout
    from .corpus import load_corpus
    from .evaluate import run

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        keys = load_corpus()
        outcomes = run(keys)
        print(f"{connection.vendor}: {len(keys)} stories, {len(outcomes)} queries")
        _table(outcomes)
        held_out = run(keys, heldout.queries())
        print(
            f"\nheld-out romanized Hindi: {len(held_out)} queries; keys: share of "
            f"{len(heldout.hindi_words())} corpus words each spelling meets by key"
        )
        _table(held_out, heldout.key_agreement())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
