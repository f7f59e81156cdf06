"""Copy a whole database while the site writes to it, and put a copy back.

SQLite: the online backup API reads one consistent snapshot (WAL lets writers go on).
PostgreSQL: pg_dump reads in one repeatable-read transaction; pg_restore writes in one.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any, Protocol

from django.db import connections


class BackupError(RuntimeError):
    pass


class Database(Protocol):
    vendor: str
    filename: str

    def dump(self, *, to: Path) -> None: ...

    def load(self, *, src: Path) -> None: ...


class SQLiteDatabase:
    vendor = "sqlite"
    filename = "database.sqlite3"

    def __init__(self, settings: dict[str, Any]) -> None:
        self.path = str(settings["NAME"])

    def dump(self, *, to: Path) -> None:
        source = sqlite3.connect(self.path, timeout=60)
        target = sqlite3.connect(to)
        try:
            source.backup(target)
            # A self-contained file: no -wal beside it to forget.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
            source.close()

    def load(self, *, src: Path) -> None:
        connections.close_all()
        source = sqlite3.connect(src)
        target = sqlite3.connect(self.path, timeout=60)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()


def _pg_tool(name: str) -> str:
    # The newest installed client: pg_dump refuses a server newer than itself.
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version)
    tool = found[-1] if found else shutil.which(name)
    if not tool:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client)")
    return tool


def _version(path: str) -> tuple[int, ...]:
    part = path.split("/")[4]
    return tuple(int(p) for p in part.split(".") if p.isdigit())


class PostgresDatabase:
    vendor = "postgresql"
    filename = "database.pgdump"

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    def _args(self) -> list[str]:
        s = self.settings
        args = ["--dbname", str(s["NAME"])]
        for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if s.get(key):
                args += [flag, str(s[key])]
        return args

    def _run(self, command: list[str]) -> None:
        env = {**os.environ}
        if self.settings.get("PASSWORD"):
            env["PGPASSWORD"] = str(self.settings["PASSWORD"])
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BackupError(done.stderr.strip() or f"{command[0]} failed")

    def dump(self, *, to: Path) -> None:
        self._run(
            [
                _pg_tool("pg_dump"),
                *("--format=custom", "--no-owner", "--no-privileges"),
                *("--file", str(to), *self._args()),
            ]
        )

    def load(self, *, src: Path) -> None:
        connections.close_all()
        self._run(
            [
                _pg_tool("pg_restore"),
                *("--clean", "--if-exists", "--no-owner", "--no-privileges"),
                *("--single-transaction", "--exit-on-error", *self._args(), str(src)),
            ]
        )


def database_for(alias: str = "default") -> Database:
    connection = connections[alias]
    if connection.vendor == "sqlite":
        return SQLiteDatabase(connection.settings_dict)
    if connection.vendor == "postgresql":
        return PostgresDatabase(connection.settings_dict)
    raise BackupError(f"No backup for {connection.vendor} databases.")
