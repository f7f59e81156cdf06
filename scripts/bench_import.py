"""Import throughput and peak memory for generated WordPress exports.

    .venv/bin/python scripts/bench_import.py            # 2,000 and 10,000 posts
    .venv/bin/python scripts/bench_import.py 500 5000   # other sizes

Each size gets a fresh temporary SQLite database (DATABASE_URL, PATRIKA_VAR_DIR), `patrika
migrate`, then `patrika import wordpress FILE` in a child process whose own peak RSS (from
wait4's rusage) is reported. Peak memory should not grow with the file size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from patrika.importers.wxrgen import write_wxr  # noqa: E402

PATRIKA = [sys.executable, "-m", "patrika.cli"]


def run(posts: int, workdir: Path) -> dict[str, float]:
    """Generate, migrate and import `posts` posts in `workdir`; the import's figures."""
    export = write_wxr(workdir / f"export-{posts}.xml", posts=posts, seed=2026)
    env = dict(os.environ)
    env.update(
        PATRIKA_VAR_DIR=str(workdir / "var"),
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        PATRIKA_SEARCH_BACKEND=env.get("PATRIKA_SEARCH_BACKEND", ""),
    )
    subprocess.run([*PATRIKA, "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
    started = time.perf_counter()
    child = subprocess.Popen(
        [*PATRIKA, "import", "wordpress", str(export), "--no-progress"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = child.stdout.read() if child.stdout else ""
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        print(output)
        raise SystemExit(f"import of {posts} posts failed")
    return {
        "posts": posts,
        "mb": export.stat().st_size / 1e6,
        "seconds": elapsed,
        "posts_per_s": posts / elapsed,
        # CPU seconds of the import process: what the import costs when it has a core to itself
        # (wall time also counts waiting for a busy machine).
        "cpu": usage.ru_utime + usage.ru_stime,
        "posts_per_cpu_s": posts / (usage.ru_utime + usage.ru_stime),
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [2_000, 10_000]
    print(
        f"{'posts':>7} {'file MB':>8} {'seconds':>8} {'posts/s':>8} {'CPU s':>7} "
        f"{'posts/CPU-s':>12} {'peak RSS MB':>12}"
    )
    for posts in sizes:
        workdir = Path(tempfile.mkdtemp(prefix="patrika-bench-"))
        try:
            row = run(posts, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        print(
            f"{row['posts']:>7} {row['mb']:>8.1f} {row['seconds']:>8.1f} "
            f"{row['posts_per_s']:>8.0f} {row['cpu']:>7.1f} {row['posts_per_cpu_s']:>12.0f} "
            f"{row['peak_rss_mb']:>12.1f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
