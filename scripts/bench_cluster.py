"""Two app servers on PostgreSQL + Redis: API and story-page figures with wrk, and a backup
taken under write load. Run through the cluster: `make bench-cluster`
(= scripts/cluster.sh python scripts/bench_cluster.py).

Seeds BENCH_STORIES (10,000) generated stories, then measures, through both servers:
API list and detail, the English and Hindi story page (req/s, p99; any non-2xx fails the run);
then `patrika backup` while a writer adds comments and edits, with its time and size.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pages import run_wrk

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STORIES = int(os.environ.get("BENCH_STORIES", "10000"))


def cluster_env() -> dict[str, str]:
    shared = dict(
        line.split("=", 1)
        for line in Path(os.environ["PATRIKA_CLUSTER_ENV"]).read_text().splitlines()
        if line
    )
    var = tempfile.mkdtemp(prefix="patrika-bench-cluster-")
    return {
        **os.environ,
        **shared,
        "PATRIKA_VAR_DIR": var,
        "DJANGO_SETTINGS_MODULE": "patrika.settings",
    }


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.load(answer)


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    env = cluster_env()
    a, b = os.environ["PATRIKA_CLUSTER_URLS"].split()
    started = time.monotonic()
    print(f"Seeding {STORIES} generated stories …", flush=True)
    subprocess.run(
        [str(BIN / "patrika"), "load_demo", "--generated", str(STORIES)], env=env, check=True
    )
    print(f"  seeded in {time.monotonic() - started:.0f} s", flush=True)
    story = get_json(f"{a}/api/v1/en/stories/?limit=1")["items"][0]
    hindi = next(t for t in story["translations"] if t["language"] == "hi")
    targets = {
        "API list (20 stories)": "/api/v1/en/stories/",
        "API detail": f"/api/v1/en/stories/{story['id']}/",
        "story page, English": urlsplit(story["url"]).path,
        "story page, Hindi": urlsplit(hindi["url"]).path,
    }
    print(f"{'what':26} {'server':7} {'req/s':>8} {'p99 ms':>8}")
    for name, path in targets.items():
        for label, server in (("A", a), ("B", b)):
            rps, p99 = run_wrk(server + path)
            print(f"{name:26} {label:7} {rps:8.0f} {p99:8.1f}", flush=True)

    counter = Path(env["PATRIKA_VAR_DIR"]) / "written"
    writer = subprocess.Popen(
        [sys.executable, "-m", "patrika.backups.tests.site", "write", str(counter)], env=env
    )
    try:
        while not counter.exists():
            time.sleep(0.1)
        before = int(counter.read_text())
        dest = Path(env["PATRIKA_VAR_DIR"]) / "backup"
        started = time.monotonic()
        subprocess.run([str(BIN / "patrika"), "backup", str(dest)], env=env, check=True)
        took = time.monotonic() - started
        during = int(counter.read_text()) - before
    finally:
        writer.terminate()
        writer.wait()
    size = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    print(
        f"backup under write load: {took:.1f} s, {size / 2**20:.1f} MB "
        f"({during} comment+edit rounds committed meanwhile)"
    )


if __name__ == "__main__":
    main()
