"""Page benchmark: seed 1,000+ stories, serve the production way, measure with wrk.

Prints req/s and p99 for the story page (both languages), the bilingual page and the home page,
uncached, next to the same story page's HTML served as a static file by the same server, and
each page's ratio to it. Fails on any non-2xx answer. Usage: make bench (or python this file).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WRK = ["wrk", "-t2", "-c16", "-d15s", "--latency"]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
STORIES = int(os.environ.get("BENCH_STORIES", "1000"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def patrika(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(BIN / "patrika"), *args], env=env, check=True, cwd=ROOT)


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def to_ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if not match:
        raise SystemExit(f"cannot read wrk latency {value!r}")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def run_wrk(url: str) -> tuple[float, float]:
    out = subprocess.run([*WRK, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out or ("Socket errors" in out and "timeout" in out):
        raise SystemExit(f"non-2xx or errors for {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    return rps, p99


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    var = Path(tempfile.mkdtemp(prefix="patrika-bench-"))
    port = free_port()
    env = {
        **os.environ,
        "PATRIKA_VAR_DIR": str(var),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "patrika.settings",
    }
    env.pop("DATABASE_URL", None)
    print(f"Seeding {STORIES} generated stories + the sample into {var} …", flush=True)
    patrika(env, "migrate", "--verbosity", "0")
    started = time.monotonic()
    patrika(env, "load_demo", "--generated", str(STORIES))
    print(f"  seeded in {time.monotonic() - started:.1f}s")

    server = subprocess.Popen(
        [str(BIN / "patrika"), "serve", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/en/")
        from_env = {k: v for k, v in env.items() if k.startswith(("PATRIKA", "DJANGO"))}
        os.environ.update(from_env)
        import django

        django.setup()
        from patrika.newsroom.demo import SAMPLE_KEY
        from patrika.newsroom.models import Story

        sample = Story.objects.get(import_source=SAMPLE_KEY)
        en = sample.translations.get(language="en")
        hi = sample.translations.get(language="hi")
        static_dir = var / "static" / "bench"
        static_dir.mkdir(parents=True, exist_ok=True)
        html = urllib.request.urlopen(base + en.get_absolute_url()).read()
        (static_dir / "story-en.html").write_bytes(html)
        pages = {
            "story (en)": en.get_absolute_url(),
            "story (hi)": hi.get_absolute_url(),
            "bilingual": en.get_bilingual_url(),
            "home": "/",
            "static story HTML": "/static/bench/story-en.html",
        }
        for path in pages.values():
            try:
                urllib.request.urlopen(base + path).read()
            except OSError as error:
                raise SystemExit(f"{path}: {error}") from error
        results: dict[str, tuple[float, float]] = {}
        for name, path in pages.items():
            runs = [run_wrk(base + path) for _ in range(RUNS)]
            results[name] = (
                statistics.median(r for r, _ in runs),
                statistics.median(p for _, p in runs),
            )
            print(
                f"  {name:<18} {results[name][0]:8.0f} req/s  p99 {results[name][1]:6.1f} ms",
                flush=True,
            )
        static_rps = results["static story HTML"][0]
        print(
            f"\nwrk {' '.join(WRK[1:])}, median of {RUNS} runs, {STORIES + 1} stories, "
            f"{len(html) // 1024} KB story page"
        )
        print(f"{'page':<18} {'req/s':>8} {'p99 ms':>8} {'vs static':>10}")
        for name, (rps, p99) in results.items():
            print(f"{name:<18} {rps:8.0f} {p99:8.1f} {rps / static_rps:9.2f}x")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
