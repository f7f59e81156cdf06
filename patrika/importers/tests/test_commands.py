"""The commands as a newsroom runs them: `patrika migrate`, then import and export, in fresh
processes against a fresh database named only by DATABASE_URL (SQLite, or PostgreSQL when the
test run itself is on PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def fresh_database_url(tmp_path: Path) -> Iterator[str]:
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    import psycopg

    db = settings.DATABASES["default"]
    name = f"patrika_cli_{uuid.uuid4().hex[:10]}"
    params = {
        "host": db["HOST"] or None,
        "port": db["PORT"] or None,
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def patrika(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "patrika.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


def test_commands_run_on_a_fresh_database(tmp_path: Path, fresh_database_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(DATABASE_URL=fresh_database_url, PATRIKA_VAR_DIR=str(tmp_path / "var"))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    patrika("migrate", "-v", "0", env=env)

    out = patrika("import", "text", str(FIXTURES / "text" / "putin-modi-talks.txt"), env=env)
    assert "│       1 │" in out.stdout, out.stdout
    out = patrika("import", "wordpress", str(FIXTURES / "wxr" / "newsroom.xml"), env=env)
    assert "│       5 │" in out.stdout, out.stdout
    again = patrika("import", "wordpress", str(FIXTURES / "wxr" / "newsroom.xml"), env=env)
    assert "unchanged since the last import" in again.stdout

    broken = patrika(
        "import", "wordpress", str(FIXTURES / "wxr" / "bomb.xml"), env=env, check=False
    )
    assert broken.returncode == 1
    assert "bomb.xml" in broken.stdout and "refused" in broken.stdout

    export = tmp_path / "archive.json"
    patrika("export", "--format", "json", "-o", str(export), env=env)
    document = json.loads(export.read_text(encoding="utf-8"))
    assert len(document["stories"]) == 6
    wxr = tmp_path / "archive.xml"
    patrika("export", "--format", "wxr", "-o", str(wxr), env=env)
    assert (
        wxr.read_text(encoding="utf-8").count("<wp:post_type><![CDATA[post]]>") == 9
    )  # 6 stories, 3 of them bilingual

    dry = patrika("import", "json", str(export), "--dry-run", env=env)
    assert "Dry run" in dry.stdout
