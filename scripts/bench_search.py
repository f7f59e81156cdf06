#!/usr/bin/env python3
"""Search benchmark: index build time, query latency and index size on a generated archive.

    .venv/bin/python scripts/bench_search.py                     # 100,000 stories, both DBs
    .venv/bin/python scripts/bench_search.py --stories 10000 --backends sqlite

The archive has `--stories` single-language stories, half English and half Hindi, 300-800 words
each: sentences from the newsroom's templates (cities, countries, monsoon, markets...) mixed with
Zipf-distributed made-up words, so common words have long posting lists as in a real archive.
The quality set's 35 hand-written bilingual stories are added, so the figures come with
recall@3 on the big archive too, for the quality queries and for the held-out romanized set
(`patrika/search/tests/quality/heldout.py`).

Each database runs in its own process: SQLite in a temporary file, PostgreSQL in a throwaway
server from scripts/with-postgres.sh. Query latency is the whole `search_page` selector (count,
page of hits, snippets, "did you mean" when nothing matches), each query of the quality set run
`--repeat` times after one warm-up run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = {"sqlite": 20.0, "postgresql": 50.0}


# --- text generation ------------------------------------------------------------------------

EN_SYLLABLES = (
    "ba ri ko ta men lo sa ver din pra tel mon gar shi nu ka le po ran di vis tor".split()
)
HI_CONSONANTS = "क ख ग च ज ट ड त द न प ब म य र ल व श स ह".split()
HI_SIGNS = ["", "ा", "ि", "ी", "ु", "ू", "े", "ो", "ं"]


def _made_up_words(rng: random.Random, count: int, make: object) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add(make(rng))  # type: ignore[operator]
    return sorted(words)


def _en_word(rng: random.Random) -> str:
    return "".join(rng.choice(EN_SYLLABLES) for _ in range(rng.randint(2, 4)))


def _hi_word(rng: random.Random) -> str:
    return "".join(
        rng.choice(HI_CONSONANTS) + rng.choice(HI_SIGNS) for _ in range(rng.randint(2, 4))
    )


class TextMaker:
    """Sentences of real newsroom text and Zipf-distributed made-up words, per language."""

    def __init__(self, seed: int) -> None:
        from patrika.search.tests.quality import corpus

        self.rng = random.Random(seed)
        self.corpus = corpus
        self.vocab = {
            "en": _made_up_words(self.rng, 20_000, _en_word),
            "hi": _made_up_words(self.rng, 20_000, _hi_word),
        }
        weights = [1 / (rank + 1) for rank in range(20_000)]
        running, self.cum = 0.0, []
        for w in weights:
            running += w
            self.cum.append(running)
        self.real: dict[str, list[str]] = {"en": [], "hi": []}
        for _section, en_title, hi_title, en_lead, hi_lead in corpus.TEMPLATES:
            for city, hcity in corpus.CITIES:
                for country, hcountry in corpus.COUNTRIES[:2]:
                    fill = {"city": city, "hcity": hcity, "country": country, "hcountry": hcountry}
                    self.real["en"] += [en_title.format(**fill) + ".", en_lead.format(**fill)]
                    self.real["hi"] += [hi_title.format(**fill) + "।", hi_lead.format(**fill)]
        self.real["en"] += corpus.EN_PARAGRAPHS
        self.real["hi"] += corpus.HI_PARAGRAPHS

    def title(self, lang: str) -> str:
        return self.rng.choice(self.real[lang]).rstrip(".।")[:200]

    def body(self, lang: str) -> str:
        target = self.rng.randint(300, 800)
        paragraphs, paragraph, count = [], [], 0
        stop = "." if lang == "en" else "।"
        while count < target:
            if self.rng.random() < 0.5:
                sentence = self.rng.choice(self.real[lang])
            else:
                n = self.rng.randint(8, 16)
                sentence = " ".join(self.rng.choices(self.vocab[lang], cum_weights=self.cum, k=n))
                sentence = sentence[0].upper() + sentence[1:] + stop
            paragraph.append(sentence)
            count += sentence.count(" ") + 1
            if len(paragraph) >= 4:
                paragraphs.append(" ".join(paragraph))
                paragraph = []
        paragraphs.append(" ".join(paragraph))
        return "\n\n".join(p for p in paragraphs if p)


# --- the worker: one database, in this process --------------------------------------------


def _insert_archive(stories: int, seed: int) -> dict[int, str]:
    """Bulk-insert the archive (no signals, no per-story saves); returns anchor {id: key}."""
    from html import escape

    from django.db import transaction
    from django.utils import timezone

    from patrika.newsroom import services
    from patrika.newsroom.models import Story, StoryStatus, Translation
    from patrika.search.tests.quality import corpus

    maker = TextMaker(seed)
    sections = [
        services.section_get_or_create(slug=slug, names=names)
        for slug, names in corpus.SECTIONS.items()
    ]
    now = timezone.now()
    anchors = corpus.corpus(generated=0)
    keys: dict[int, str] = {}
    batch = 2000
    total = stories + len(anchors)
    done = 0
    for start in range(0, total, batch):
        with transaction.atomic():
            rows = []
            texts: list[list[tuple[str, str, str]]] = []
            for i in range(start, min(total, start + batch)):
                if i < len(anchors):
                    item = anchors[i]
                    items = [("en", *item.en), ("hi", *item.hi)]  # type: ignore[misc]
                else:
                    lang = "en" if i % 2 else "hi"
                    items = [(lang, maker.title(lang), maker.body(lang))]
                rows.append(
                    Story(
                        status=StoryStatus.PUBLISHED,
                        original_language=items[0][0],
                        published_at=now - timezone.timedelta(minutes=i),
                        section=sections[i % len(sections)],
                        import_source=f"bench:{i}",
                    )
                )
                texts.append(items)
            created = Story.objects.bulk_create(rows)
            translations = []
            for offset, (story, items) in enumerate(zip(created, texts, strict=True)):
                index = start + offset
                if index < len(anchors):
                    keys[story.pk] = anchors[index].key
                for lang, title, body in items:
                    html = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
                    translations.append(
                        Translation(
                            story=story,
                            language=lang,
                            title=title,
                            slug=f"s-{index}",
                            body=body,
                            body_html=html,
                        )
                    )
            Translation.objects.bulk_create(translations)
        done += len(rows)
        print(f"  generated {done}/{total} stories", end="\r", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return keys


def _index_size() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search_%' "
                "OR name LIKE 'sqlite_autoindex_search_%' GROUP BY name"
            )
        else:
            cursor.execute(
                "SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind = 'r' AND relname LIKE 'search_%'"
            )
        sizes = {name: int(size) for name, size in cursor.fetchall()}
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_relation_size('search_entry_vector')")
            sizes["(of which GIN index search_entry_vector)"] = int(cursor.fetchone()[0])
    return sizes


def worker(args: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "patrika.settings")
    tmp = Path(tempfile.mkdtemp(prefix="patrika-bench-"))
    os.environ.setdefault("PATRIKA_VAR_DIR", str(tmp))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from patrika.search.backends import Filters, get_backend
    from patrika.search.selectors import search_page
    from patrika.search.tests.quality import heldout
    from patrika.search.tests.quality.evaluate import load_queries, run, summary

    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(tmp / "bench.sqlite3")
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    result: dict[str, object] = {"vendor": connection.vendor, "stories": args.stories}
    try:
        started = time.perf_counter()
        keys = _insert_archive(args.stories, args.seed)
        result["generate_s"] = round(time.perf_counter() - started, 1)

        started = time.perf_counter()
        backend = get_backend()
        done = 0
        for n in backend.rebuild(batch_size=500):
            done += n
            print(f"  indexed {done} stories", end="\r", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        result["index_build_s"] = round(time.perf_counter() - started, 1)
        from patrika.search.models import SearchEntry

        result["entries"] = SearchEntry.objects.count()
        result["index_size_bytes"] = _index_size()

        queries = [q["q"] for q in load_queries()]
        timings: list[float] = []
        per_query: dict[str, float] = {}
        for query in queries:
            search_page(query=query, filters=Filters())  # warm-up
            runs = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                search_page(query=query, filters=Filters())
                runs.append((time.perf_counter() - t0) * 1000)
            timings += runs
            per_query[query] = statistics.median(runs)
        timings.sort()
        result["queries"] = len(queries)
        result["latency_ms"] = {
            "p50": round(statistics.median(timings), 2),
            "p95": round(timings[int(0.95 * (len(timings) - 1))], 2),
            "max": round(timings[-1], 2),
        }
        result["slowest"] = sorted(per_query.items(), key=lambda kv: -kv[1])[:5]
        result["quality_on_archive"] = summary(run(keys))
        result["heldout_on_archive"] = summary(run(keys, heldout.queries()))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print("RESULT " + json.dumps(result, ensure_ascii=False))


# --- the driver ------------------------------------------------------------------------------


def _report(result: dict) -> None:
    vendor = result["vendor"]
    lat = result["latency_ms"]
    target = TARGET_P95_MS.get(vendor, 0)
    verdict = "meets" if lat["p95"] < target else "MISSES"
    print(f"\n== {vendor}: {result['stories']:,} stories, {result['entries']:,} index entries ==")
    print(f"generate archive   {result['generate_s']:>8} s")
    print(f"index build        {result['index_build_s']:>8} s")
    sizes = result["index_size_bytes"]
    for name, size in sorted(sizes.items()):
        print(f"  size {name:<42} {size / 2**20:>8.1f} MiB")
    total = sum(v for k, v in sizes.items() if not k.startswith("("))
    print(f"index size on disk {total / 2**20:>8.1f} MiB")
    print(
        f"query latency      p50 {lat['p50']} ms, p95 {lat['p95']} ms, max {lat['max']} ms "
        f"over {result['queries']} queries ({verdict} the p95 target of {target:.0f} ms)"
    )
    print("slowest (median ms):", ", ".join(f"{q!r} {ms:.1f}" for q, ms in result["slowest"]))
    print("recall@3 / MRR on the archive:")
    for kind, f in result["quality_on_archive"].items():
        print(f"  {kind:<11} {f['recall@3']:.3f} / {f['mrr']:.3f}")
    print("held-out romanized Hindi (one word a query), recall@3 / MRR on the archive:")
    for kind, f in result["heldout_on_archive"].items():
        print(f"  {kind:<11} {f['recall@3']:.3f} / {f['mrr']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=int, default=3600, help="seconds per database")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    python = sys.executable
    for name in args.backends.split(","):
        command = [python, __file__, "--worker", "--stories", str(args.stories)]
        command += ["--repeat", str(args.repeat), "--seed", str(args.seed)]
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        if name == "postgres":
            command = [str(ROOT / "scripts" / "with-postgres.sh"), *command]
        print(f"-- {name}: {args.stories:,} stories", flush=True)
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=args.timeout
        )
        sys.stderr.write(done.stderr[-2000:] if done.returncode else "")
        lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        if not lines:
            print(f"{name}: failed (exit {done.returncode})\n{done.stdout[-2000:]}")
            continue
        _report(json.loads(lines[-1][len("RESULT ") :]))


if __name__ == "__main__":
    main()
