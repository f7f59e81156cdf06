"""The index converges by itself after a crash, and workers share the outbox, in real processes
on a database of their own (SQLite file or PostgreSQL, whichever the suite runs on)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from patrika.importers.wxrgen import write_wxr

from .processes import ROOT, patrika, python

# `patrika COMMAND…`, killed the moment it starts indexing, as kill -9 would (no cleanup).
KILLED_WHEN_INDEXING = """
import os, sys
import django
django.setup()
from django.core.management import call_command
from patrika.search.backends.base import DatabaseBackend

def killed(self, **kwargs):
    os._exit(137)

DatabaseBackend.index_stories = killed
call_command(*sys.argv[1:])
"""

STATE = """
import json
import django
django.setup()
from django.utils import timezone
from patrika.newsroom.models import LIVE_STATUSES, Story, Translation, TranslationState
from patrika.search.models import SearchEntry, SearchOutbox
live = Translation.objects.filter(
    story__status__in=LIVE_STATUSES,
    story__published_at__lte=timezone.now(),
    state=TranslationState.READY,
)
print(json.dumps({
    "stories": list(Story.objects.values_list("pk", flat=True)),
    "live": [[t.story_id, t.title, t.get_absolute_url()] for t in live],
    "rows": list(SearchOutbox.objects.values_list("pk", "story_id")),
    "entries": SearchEntry.objects.count(),
}))
"""


def state(env: dict[str, str]) -> dict[str, Any]:
    return json.loads(python(env, "-c", STATE).stdout)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def test_stories_committed_before_a_crash_are_found_after_the_next_start(
    site_env: dict[str, str], tmp_path: Path
) -> None:
    export = write_wxr(tmp_path / "export.xml", posts=60, seed=7)
    args = ("import", "wordpress", str(export), "--no-progress")
    crashed = python(site_env, "-c", KILLED_WHEN_INDEXING, *args, check=False)
    assert crashed.returncode == 137, crashed.stderr

    after_crash = state(site_env)
    committed = {story_id for story_id, _title, _url in after_crash["live"]}
    assert len(committed) >= 20  # the batch was committed…
    assert after_crash["entries"] == 0  # …and nothing of it indexed…
    assert committed <= {story_id for _pk, story_id in after_crash["rows"]}  # …but all queued

    # The incident: running the import again skips every item as unchanged.
    rerun = patrika(site_env, *args)
    assert "unchanged since the last import" in rerun.stdout

    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "patrika.cli", "serve", "--port", str(port), "--workers", "1"],
        env=site_env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _attempt in range(600):  # up to a minute to start on a busy machine
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                _get(f"{base}/en/")
                break
            except OSError:
                time.sleep(0.1)
        missing = [
            title
            for _story_id, title, url in after_crash["live"]
            if url not in _get(f"{base}/en/search/?{urlencode({'q': title})}")
        ]
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    assert missing == []
    queued = {story_id for _pk, story_id in after_crash["rows"]}
    assert f"search outbox: {len(queued)}." in (tmp_path / "serve.log").read_text()
    assert state(site_env)["rows"] == []


WORKER = """
import json, os, sys, time
from pathlib import Path
import django
django.setup()
from django.core.management import call_command
from django.db import transaction
from patrika.search import services

folder = Path(sys.argv[1])
claimed = []
claim = services.outbox_claim

def recording_claim(**kwargs):
    rows = claim(**kwargs)
    transaction.on_commit(lambda: claimed.extend(pk for pk, _story_id in rows))
    return rows

services.outbox_claim = recording_claim
(folder / f"ready-{os.getpid()}").touch()
while not (folder / "go").exists():
    time.sleep(0.01)
call_command("reindex", pending=True, batch_size=4, verbosity=0)
(folder / f"claimed-{os.getpid()}.json").write_text(json.dumps(claimed))
"""

QUEUE_STORIES = """
import sys
import django
django.setup()
from patrika.newsroom.tests.factories import make_story
from patrika.search.models import SearchEntry, SearchOutbox
stories = [make_story() for _ in range(int(sys.argv[1]))]
SearchEntry.objects.all().delete()
SearchOutbox.objects.bulk_create(SearchOutbox(story_id=s.pk) for _ in range(3) for s in stories)
"""


def test_concurrent_workers_take_every_row_once(site_env: dict[str, str], tmp_path: Path) -> None:
    python(site_env, "-c", QUEUE_STORIES, "30")
    before = state(site_env)
    assert len(before["rows"]) == 90 and before["entries"] == 0

    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(tmp_path)],
            env=site_env,
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    try:
        while len(list(tmp_path.glob("ready-*"))) < len(workers):
            assert all(w.poll() is None for w in workers), [w.stderr.read() for w in workers]
            time.sleep(0.05)
        (tmp_path / "go").touch()  # all start draining at once
        for worker in workers:
            _out, err = worker.communicate(timeout=300)
            assert worker.returncode == 0, err
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()

    claimed = [pk for f in tmp_path.glob("claimed-*.json") for pk in json.loads(f.read_text())]
    assert sorted(claimed) == sorted(pk for pk, _story_id in before["rows"])  # once each
    after = state(site_env)
    assert after["rows"] == []
    assert after["entries"] == 60  # every story, both of its translations
