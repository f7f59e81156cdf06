"""The demo content and the commands behind `make demo`."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from patrika.newsroom.demo import SAMPLE_KEY, load_demo
from patrika.newsroom.models import Story, StoryStatus

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_demo_is_idempotent_and_shaped_like_the_sample() -> None:
    assert load_demo(generated=5) == (6, 0)
    assert load_demo(generated=5) == (0, 6)
    assert Story.objects.count() == 6
    sample = Story.objects.get(import_source=SAMPLE_KEY)
    assert sample.status == StoryStatus.PUBLISHED
    en = sample.translations.get(language="en")
    hi = sample.translations.get(language="hi")
    assert en.body_html.count("<h2>") == 4 and hi.body_html.count("<h2>") == 4
    assert [t.name for t in sample.tags.all()] == ["Putin and Modi Talks"]
    source = sample.sources.get()
    assert source.publisher == "The Times of India"
    for boilerplate in ("Scroll down", "click here", "Leave a Comment", "/Putin and Modi"):
        assert boilerplate not in en.body and boilerplate not in hi.body
    assert "mechanisms." in en.body  # the sample's truncated "mechan." is mended
    assert sample.featured_image and en.image_alt and hi.image_alt


@pytest.mark.django_db
def test_createadmin_prints_credentials_and_keeps_them(capsys) -> None:
    call_command("createadmin", keep=True)
    first = capsys.readouterr().out
    call_command("createadmin", keep=True)
    assert capsys.readouterr().out == first
    assert first.startswith("Admin: admin / ")


def test_patrika_command_runs_against_a_fresh_database(tmp_path) -> None:
    """`patrika demo --no-serve` on an empty folder: migrate, demo content, admin."""
    env = {**os.environ, "PATRIKA_VAR_DIR": str(tmp_path), "DATABASE_URL": ""}
    env.pop("DATABASE_URL")
    patrika = Path(sys.executable).parent / "patrika"
    result = subprocess.run(
        [str(patrika), "demo", "--no-serve"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "Admin: admin / " in result.stdout
    database = tmp_path / "patrika.sqlite3"
    with sqlite3.connect(database) as connection:
        # WAL is a property of the file: readers and the writer do not block each other.
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_check_deploy_is_clean_under_production_settings(tmp_path) -> None:
    env = {
        **os.environ,
        "PATRIKA_VAR_DIR": str(tmp_path),
        "PATRIKA_PRODUCTION": "1",
        "SECRET_KEY": "x" * 20 + "-production-only-key-with-enough-entropy-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "news.example.org",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    patrika = Path(sys.executable).parent / "patrika"
    result = subprocess.run(
        [str(patrika), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("how", ["PORT", "--port"])
def test_demo_serves_and_prints_the_port_it_was_given(tmp_path, how: str) -> None:
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PATRIKA_VAR_DIR": str(tmp_path), "PORT": "8000"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    args = ["demo"]
    if how == "PORT":
        env["PORT"] = str(port)
    else:
        args += ["--port", str(port)]
    log = tmp_path / "demo.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "patrika"), *args],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            for _ in range(600):
                try:
                    page = urllib.request.urlopen(f"http://127.0.0.1:{port}/hi/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                pytest.fail("nothing answered on the port: " + log.read_text())
            assert page.status == 200
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    printed = log.read_text()
    assert f"http://127.0.0.1:{port}/admin/" in printed
    assert f"Serving on http://127.0.0.1:{port}/" in printed
    assert ":8000" not in printed
