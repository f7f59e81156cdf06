from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import pytest
from django.db import connection

from patrika.newsroom.models import Story
from patrika.newsroom.tests.factories import make_story

from .processes import patrika


@pytest.fixture
def publish(django_capture_on_commit_callbacks: Any) -> Callable[..., Story]:
    """make_story, with the after-commit signals (and so the indexing) run at once."""

    def build(**kwargs: Any) -> Story:
        with django_capture_on_commit_callbacks(execute=True):
            return make_story(**kwargs)

    return build


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    """Run a service call and then its after-commit callbacks."""

    def run(function: Callable[..., Any], **kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


def _postgres_url(dbname: str) -> str:
    """The URL of the tests' PostgreSQL server, naming another database."""
    return urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{dbname}").geturl()


def _postgres_admin(sql: str) -> None:
    with psycopg.connect(_postgres_url("postgres"), autocommit=True) as admin:
        admin.execute(sql)


@pytest.fixture(scope="session")
def _migrated_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database for child processes, made once (sites are copies of it): a SQLite
    file, or a database on the PostgreSQL server the tests use."""
    name = f"patrika_site_{uuid.uuid4().hex[:12]}"
    if connection.vendor == "postgresql":
        _postgres_admin(f'CREATE DATABASE "{name}"')
        url = _postgres_url(name)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('site') / 'site.sqlite3'}"
    var = tmp_path_factory.mktemp("var")
    patrika({**os.environ, "DATABASE_URL": url, "PATRIKA_VAR_DIR": str(var)}, "migrate", "-v", "0")
    yield url
    if connection.vendor == "postgresql":
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def site_env(_migrated_site: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment for `patrika` child processes on a fresh, migrated database of their own."""
    name = f"patrika_site_{uuid.uuid4().hex[:12]}"
    if connection.vendor == "postgresql":
        template = urlsplit(_migrated_site).path.lstrip("/")
        _postgres_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        url = _postgres_url(name)
    else:
        database = tmp_path / "site.sqlite3"
        shutil.copyfile(_migrated_site.removeprefix("sqlite:///"), database)
        url = f"sqlite:///{database}"
    (tmp_path / "var").mkdir()
    yield {**os.environ, "DATABASE_URL": url, "PATRIKA_VAR_DIR": str(tmp_path / "var")}
    if connection.vendor == "postgresql":
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
