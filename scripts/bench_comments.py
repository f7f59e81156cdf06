#!/usr/bin/env python3
"""Load benchmark for comments (not a test): many clients post to one story while readers load it.

Starts Patrika under granian on loopback with a throwaway SQLite database in a temporary
PATRIKA_VAR_DIR (with DATABASE_URL=postgres://..., a throwaway database on that server),
loads the demo story, then runs a bounded number of posting clients (each: GET the story,
fill the real form, POST) and readers (GET the story in a loop) at once. Afterwards it counts
the comments in the database and checks that every accepted comment is there exactly once.

    .venv/bin/python scripts/bench_comments.py [--posters 16 --posts 25 --readers 8 --workers 2]
    scripts/with-postgres.sh .venv/bin/python scripts/bench_comments.py
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# Settings for the run: rate limits and the fill-time rule would (rightly) stop one loopback
# address posting hundreds of comments, so they are lifted; everything else is as shipped.
SETTINGS = """
from patrika.settings import *  # noqa: F403

PATRIKA_COMMENTS_RATE_PER_IP = (1_000_000, 60)
PATRIKA_COMMENTS_RATE_PER_EMAIL = (1_000_000, 60)
PATRIKA_COMMENTS_MIN_FILL_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False}
"""

REPORT_DB = """
import json, sys
import django
django.setup()
from django.db.models import Count
from patrika.comments.models import Comment
story_id = int(sys.argv[1])
rows = Comment.objects.filter(story_id=story_id)
dupes = rows.values("body").annotate(n=Count("id")).filter(n__gt=1).count()
print(json.dumps({
    "count": rows.count(),
    "ids": list(rows.values_list("id", flat=True)),
    "duplicate_bodies": dupes,
    "statuses": dict(rows.values_list("status").annotate(n=Count("id")).order_by()),
}))
"""

FIND_STORY = """
import json
import django
django.setup()
from patrika.newsroom.demo import SAMPLE_KEY
from patrika.newsroom.models import Story
story = Story.objects.get(import_source=SAMPLE_KEY)
t = story.translations.get(language="en")
print(json.dumps({"id": story.pk, "url": t.get_absolute_url()}))
"""


def fresh_postgres_database(url: str) -> tuple[str, str]:
    """Create a throwaway database next to the one DATABASE_URL names; returns (url, name)."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = f"bench_comments_{os.getpid()}"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), admin


def drop_postgres_database(admin: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_python(code: str, env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def wait_for(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/robots.txt")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


_INPUT = re.compile(r"<input[^>]*>")
_ATTR = re.compile(r'(name|value)="([^"]*)"')


def form_fields(html: str) -> dict[str, str]:
    form = html.split('class="comment-form"', 1)[1].split("</form>", 1)[0]
    fields = {}
    for tag in _INPUT.findall(form):
        attrs = dict(_ATTR.findall(tag))
        if "name" in attrs:
            fields[attrs["name"]] = unescape(attrs.get("value", ""))
    return fields


@dataclass
class Results:
    lock: threading.Lock = field(default_factory=threading.Lock)
    accepted: list[int] = field(default_factory=list)
    refused: dict[str, int] = field(default_factory=dict)
    read_latencies: list[float] = field(default_factory=list)
    read_errors: int = 0

    def refuse(self, why: str) -> None:
        with self.lock:
            self.refused[why] = self.refused.get(why, 0) + 1


def poster(port: int, url: str, client: int, posts: int, results: Results) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for n in range(posts):
        try:
            conn.request("GET", url)
            page = conn.getresponse()
            html = page.read().decode()
            cookies = [
                h.split(";", 1)[0] for k, h in page.getheaders() if k.lower() == "set-cookie"
            ]
            data = form_fields(html)
            data.update(
                name=f"Bench reader {client}",
                email=f"bench{client}@example.org",
                body=f"Benchmark comment {client}-{n}: the talks matter. लोड परीक्षण।",
            )
            conn.request(
                "POST",
                "/comments/post/",
                body=urlencode(data),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": "; ".join(cookies),
                    "Referer": f"http://127.0.0.1:{port}{url}",
                },
            )
            response = conn.getresponse()
            response.read()
            location = response.getheader("Location") or ""
            match = re.search(r"#comment-(\d+)$", location)
            if response.status == 303 and match:
                with results.lock:
                    results.accepted.append(int(match.group(1)))
            else:
                results.refuse(str(response.status))
        except (OSError, http.client.HTTPException) as error:
            results.refuse(type(error).__name__)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)


def reader(port: int, url: str, stop: threading.Event, results: Results) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while not stop.is_set():
        started = time.perf_counter()
        try:
            conn.request("GET", url)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        elapsed = time.perf_counter() - started
        with results.lock:
            if ok:
                results.read_latencies.append(elapsed)
            else:
                results.read_errors += 1


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posters", type=int, default=16, help="concurrent posting clients")
    parser.add_argument("--posts", type=int, default=25, help="comments per posting client")
    parser.add_argument("--readers", type=int, default=8, help="concurrent readers")
    parser.add_argument("--workers", type=int, default=2, help="granian worker processes")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="patrika-bench-comments-"))
    (tmp / "bench_comments_settings.py").write_text(SETTINGS)
    env = {
        **os.environ,
        "PATRIKA_VAR_DIR": str(tmp / "var"),
        "DJANGO_SETTINGS_MODULE": "bench_comments_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp), str(ROOT)]),
        "LOG_LEVEL": "ERROR",
    }
    patrika = str(BIN / "patrika")
    server = None
    pg_admin = ""
    if env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        env["DATABASE_URL"], pg_admin = fresh_postgres_database(env["DATABASE_URL"])
    try:
        subprocess.run([patrika, "migrate", "-v0"], env=env, check=True, cwd=tmp)
        subprocess.run([patrika, "load_demo"], env=env, check=True, cwd=tmp, capture_output=True)
        story = json.loads(run_python(FIND_STORY, env))
        port = free_port()
        server = subprocess.Popen(
            [patrika, "serve", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(port)
        database = "PostgreSQL" if "postgres" in env.get("DATABASE_URL", "") else "SQLite"
        print(
            f"{database}, {args.workers} granian workers; {args.posters} posters × {args.posts} "
            f"comments, {args.readers} readers, story {story['url']}"
        )

        results = Results()
        stop = threading.Event()
        readers = [
            threading.Thread(target=reader, args=(port, story["url"], stop, results))
            for _ in range(args.readers)
        ]
        posters = [
            threading.Thread(target=poster, args=(port, story["url"], c, args.posts, results))
            for c in range(args.posters)
        ]
        started = time.perf_counter()
        for thread in readers + posters:
            thread.start()
        for thread in posters:
            thread.join()
        elapsed = time.perf_counter() - started
        stop.set()
        for thread in readers:
            thread.join()

        db = json.loads(run_python(REPORT_DB, env, str(story["id"])))
        accepted = results.accepted
        missing = sorted(set(accepted) - set(db["ids"]))
        repeated_ids = len(accepted) - len(set(accepted))
        reads = results.read_latencies
        print(f"accepted comments:      {len(accepted)} of {args.posters * args.posts}")
        print(f"refused:                {results.refused or 'none'}")
        print(f"comments/s accepted:    {len(accepted) / elapsed:.1f} (over {elapsed:.1f} s)")
        print(f"in database:            {db['count']} {db['statuses']}")
        print(f"accepted but missing:   {len(missing)}")
        print(f"duplicates:             {db['duplicate_bodies']} bodies, {repeated_ids} ids")
        if reads:
            print(
                f"story reads:            {len(reads)} ok, {results.read_errors} failed; "
                f"p50 {statistics.median(reads) * 1000:.0f} ms, "
                f"p99 {percentile(reads, 99) * 1000:.0f} ms, max {max(reads) * 1000:.0f} ms"
            )
        ok = not missing and not repeated_ids and not db["duplicate_bodies"]
        ok = ok and db["count"] == len(accepted) and not results.read_errors
        print("result:                 " + ("OK" if ok else "PROBLEM"))
        sys.exit(0 if ok else 1)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if pg_admin:
            drop_postgres_database(pg_admin, env["DATABASE_URL"].rsplit("/", 1)[1])
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
