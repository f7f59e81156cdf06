"""Print recall@3 and MRR per query kind on a fresh test database.

.venv/bin/python -m patrika.search.tests.quality.report            # SQLite
scripts/with-postgres.sh .venv/bin/python -m patrika.search.tests.quality.report
"""

from __future__ import annotations

import os
import sys
import tempfile


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "patrika.settings")
    os.environ.setdefault("PATRIKA_VAR_DIR", tempfile.mkdtemp(prefix="patrika-quality-"))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from .corpus import load_corpus
    from .evaluate import run, summary

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        keys = load_corpus()
        outcomes = run(keys)
        print(f"{connection.vendor}: {len(keys)} stories, {len(outcomes)} queries")
        print(f"{'kind':<12} {'queries':>7} {'recall@3':>9} {'MRR':>6}")
        for kind, f in summary(outcomes).items():
            print(f"{kind:<12} {f['queries']:>7} {f['recall@3']:>9.3f} {f['mrr']:>6.3f}")
        for o in outcomes:
            if o.recall_at_3 < 1 or "-v" in sys.argv:
                print(f"  {o.kind:<10} {o.query!r}: expected {o.expected}, top 3 {o.ranked[:3]}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
