"""`patrika serve` runs granian and the task worker as one service: the worker runs queued
jobs, Ctrl-C stops both, and neither outlives the other or the command itself."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PATRIKA = str(Path(sys.executable).parent / "patrika")
# Generous bounds for a loaded 2-core machine; they only turn a hang into a failure.
LIMIT = 90.0


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    var = tmp_path_factory.mktemp("serve")
    env = {**os.environ, "PATRIKA_VAR_DIR": str(var)}
    env.pop("DATABASE_URL", None)
    subprocess.run([PATRIKA, "migrate", "-v0"], env=env, check=True, cwd=var)
    return env


def _until(done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LIMIT
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not after {LIMIT:.0f} s")
        time.sleep(0.2)


def _parents() -> dict[int, int]:
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            found[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return found


def _descendants(pid: int) -> dict[int, str]:
    parents = _parents()
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return {child: _command(child) for child in found}


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def _job_status(env: dict[str, str], job: str) -> str | None:
    with sqlite3.connect(Path(env["PATRIKA_VAR_DIR"]) / "patrika.sqlite3") as db:
        row = db.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = ?",
            [uuid.UUID(job).hex],
        ).fetchone()
    return row[0] if row else None


@contextmanager
def _serving(env: dict[str, str], *options: str) -> Iterator[subprocess.Popen[bytes]]:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    log = Path(env["PATRIKA_VAR_DIR"]) / f"serve-{port}.log"
    with log.open("wb") as output:
        # Its own session, like a shell job: a signal to its group is what Ctrl-C sends.
        server = subprocess.Popen(
            [PATRIKA, "serve", "--port", str(port), "--workers", "1", *options],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started: dict[int, str] = {}
    try:
        _until(lambda: _answers(port) or server.poll() is not None, "the site answers")
        assert server.poll() is None, log.read_text()
        started = _descendants(server.pid)
        yield server
    finally:
        # Whatever a failed test left running, orphans included.
        for pid, command in {**started, **_descendants(server.pid)}.items():
            if _alive(pid) and _command(pid) == command:
                os.kill(pid, signal.SIGKILL)
        server.kill()
        server.wait()


def test_serve_runs_queued_jobs_and_ctrl_c_stops_everything(site) -> None:
    job = subprocess.run(
        [
            PATRIKA,
            "shell",
            "-c",
            "from patrika.comments.tasks import comment_notify_authors as t;"
            "print(t.enqueue(comment_id=0).id)",
        ],
        env=site,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]
    assert _job_status(site, job) == "READY"
    with _serving(site) as server:
        _until(lambda: _job_status(site, job) == "SUCCESSFUL", "the worker runs the job")
        children = _descendants(server.pid)
        assert any("db_worker" in command for command in children.values())
        assert any("granian" in command for command in children.values())
        os.killpg(server.pid, signal.SIGINT)
        assert server.wait(timeout=LIMIT) == 0
        _until(lambda: not any(_alive(pid) for pid in children), "every child has stopped")


def test_when_the_worker_dies_the_web_server_stops_too(site) -> None:
    with _serving(site) as server:
        children = _descendants(server.pid)
        [worker] = [pid for pid, command in children.items() if "db_worker" in command]
        os.kill(worker, signal.SIGKILL)
        assert server.wait(timeout=LIMIT) != 0
        _until(lambda: not any(_alive(pid) for pid in children), "every child has stopped")


@pytest.mark.parametrize("options", [(), ("--no-worker",)], ids=["with worker", "no worker"])
def test_a_killed_serve_leaves_no_process_behind(site, options: tuple[str, ...]) -> None:
    with _serving(site, *options) as server:
        children = _descendants(server.pid)
        workers = [command for command in children.values() if "db_worker" in command]
        assert len(workers) == (0 if options else 1)
        server.kill()
        server.wait()
        _until(lambda: not any(_alive(pid) for pid in children), "every child has stopped")
