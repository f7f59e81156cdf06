"""A backup taken while a site serves and writes holds everything committed before it began,
and restores into an empty site. Real processes on real databases: each site is its own
PATRIKA_VAR_DIR (SQLite) or its own database on the test server (PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

PATRIKA = [sys.executable, "-m", "patrika.cli"]
SITE = [sys.executable, "-m", "patrika.backups.tests.site"]


@pytest.fixture
def make_site(tmp_path: Path) -> Iterator[Any]:
    """A function making an empty site: the environment its processes run with."""
    created: list[str] = []
    server = os.environ.get("DATABASE_URL", "")

    def make(name: str) -> dict[str, str]:
        env = {
            **os.environ,
            "PATRIKA_VAR_DIR": str(tmp_path / name),
            "DJANGO_SETTINGS_MODULE": "patrika.settings",
        }
        if connection.vendor == "postgresql":
            database = f"backup_{name}_{uuid.uuid4().hex[:8]}"
            _admin_sql(f'CREATE DATABASE "{database}"')
            created.append(database)
            env["DATABASE_URL"] = server.rsplit("/", 1)[0] + "/" + database
        return env

    yield make
    for database in created:
        _admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _admin_sql(sql: str) -> None:
    import psycopg

    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql)


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _snapshot(env: dict[str, str]) -> dict[str, Any]:
    return json.loads(_run([*SITE, "snapshot"], env))


def _edit_number(title: str) -> int:
    return int(title.split()[-1]) if title.startswith("Edited ") else 0


def test_a_backup_under_write_load_restores_everything_committed_before_it(
    make_site: Any, tmp_path: Path
) -> None:
    source = make_site("source")
    _run([*PATRIKA, "migrate", "--verbosity", "0"], source)
    _run([*SITE, "seed"], source)
    counter = tmp_path / "written"
    writer = subprocess.Popen([*SITE, "write", str(counter)], env=source)
    try:
        while not counter.exists() or int(counter.read_text()) < 20:
            assert writer.poll() is None, "the writer stopped"
            time.sleep(0.05)
        before = _snapshot(source)
        written_before = int(counter.read_text())
        _run([*PATRIKA, "backup", str(tmp_path / "backup")], source)
        # The load really ran while the backup was taken.
        assert writer.poll() is None
        assert int(counter.read_text()) > written_before
    finally:
        writer.terminate()
        writer.wait()

    target = make_site("target")
    _run([*PATRIKA, "restore", str(tmp_path / "backup")], target)
    after = _snapshot(target)
    assert set(before["stories"]) <= set(after["stories"])
    assert set(before["comments"]) <= set(after["comments"])
    assert before["users"] == after["users"] == ["editor"]
    assert after["images"] == before["images"] != []
    for key, title in before["translations"].items():
        # The same edit, or one the writer committed later (before the copy was read).
        assert _edit_number(after["translations"][key]) >= _edit_number(title), key
    # The restored site serves: its check passes and a second restore is refused.
    _run([*PATRIKA, "check"], target)
    refused = subprocess.run(
        [*PATRIKA, "restore", str(tmp_path / "backup")], env=target, capture_output=True
    )
    assert refused.returncode != 0 and b"empty" in refused.stderr


@pytest.mark.parametrize("content", [None, "{}", '{"format": 99}'])
def test_restore_refuses_what_is_not_a_backup(
    make_site: Any, tmp_path: Path, content: str | None
) -> None:
    src = tmp_path / "not-a-backup"
    src.mkdir()
    if content is not None:
        (src / "manifest.json").write_text(content)
    done = subprocess.run(
        [*PATRIKA, "restore", str(src)], env=make_site("empty"), capture_output=True, text=True
    )
    assert done.returncode != 0 and "backup" in done.stderr.lower()


def test_backup_never_overwrites(make_site: Any, tmp_path: Path) -> None:
    site = make_site("site")
    _run([*PATRIKA, "migrate", "--verbosity", "0"], site)
    dest = tmp_path / "taken"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine")
    done = subprocess.run([*PATRIKA, "backup", str(dest)], env=site, capture_output=True)
    assert done.returncode != 0
    assert (dest / "keep.txt").read_text() == "mine"
