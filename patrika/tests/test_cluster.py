"""Two app servers on one PostgreSQL and one Redis (scripts/cluster.sh), driven over HTTP:
what is written through one server is read through the other, never stale; sessions, CSRF
tokens and rate limits are shared; background work runs once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .cluster import Browser, form_fields, replace

ROOT = Path(__file__).resolve().parents[2]
# The cluster brings its own PostgreSQL and Redis: once per `make test` (the SQLite pass) is enough.
pytestmark = pytest.mark.skipif(
    "DATABASE_URL" in os.environ, reason="runs once, in the SQLite pass of make test"
)
PER_IP = 10  # PATRIKA_COMMENTS_RATE_PER_IP's default: (10, 600)
FILL_SECONDS = 3.5  # past PATRIKA_COMMENTS_MIN_FILL_SECONDS


class Cluster:
    def __init__(self, ready: dict[str, str], tmp_path: Path) -> None:
        self.a, self.b = ready["PATRIKA_CLUSTER_URLS"].split()
        self.logs = Path(ready["PATRIKA_CLUSTER_LOGS"])
        shared = dict(
            line.split("=", 1)
            for line in Path(ready["PATRIKA_CLUSTER_ENV"]).read_text().split("\n")
            if line
        )
        self.env = {**os.environ, **shared, "PATRIKA_VAR_DIR": str(tmp_path / "client")}
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.admin = f"/{self.env['PATRIKA_ADMIN_PATH']}/"

    def query(self, expression: str) -> Any:
        """Read the shared database (for assertions only) in a process of its own."""
        script = (
            "import django, json; django.setup()\n"
            "from patrika.comments.models import Comment\n"
            "from django_tasks_db.models import DBTaskResult\n"
            f"print(json.dumps({expression}, default=str))"
        )
        done = subprocess.run(
            [sys.executable, "-c", script], env=self.env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def mails(self) -> int:
        return sum(log.read_text().count("\nSubject: ") for log in self.logs.glob("*.log"))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    tmp = tmp_path_factory.mktemp("cluster")
    ready = tmp / "ready"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "patrika.settings"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "cluster.sh"), "sh", "-c",
         'env | grep ^PATRIKA_CLUSTER_ > "$0.tmp" && mv "$0.tmp" "$0" && exec sleep 3600',
         str(ready)],
        env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=tmp.joinpath("err").open("w"),
    )  # fmt: skip
    try:
        for _ in range(1200):
            if ready.exists():
                break
            assert process.poll() is None, (tmp / "err").read_text()
            time.sleep(0.2)
        else:
            pytest.fail("the cluster did not start: " + (tmp / "err").read_text())
        found = Cluster(
            dict(line.split("=", 1) for line in ready.read_text().split("\n") if line), tmp
        )
        seed = [sys.executable, "-m", "patrika.backups.tests.site", "seed"]
        subprocess.run(
            seed, env={**found.env, "DJANGO_SETTINGS_MODULE": "patrika.settings"}, check=True
        )
        yield found
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=120)


def test_what_one_server_writes_the_other_serves(cluster: Cluster) -> None:
    a, b = cluster.a, cluster.b
    reader, editor = Browser(), Browser()
    story = json.loads(reader.request(f"{b}/api/v1/en/stories/?limit=1").body)["items"][0]
    path = urlsplit(story["url"]).path
    detail = f"/api/v1/en/stories/{story['id']}/"
    # Both servers have served the story once (anything they keep of it is now warm).
    for server in (a, b):
        assert story["title"] in reader.request(server + path).body
    etag = reader.request(b + detail).headers["etag"]

    # A session begun on A is valid on B.
    admin = cluster.admin
    assert reader.request(f"{a}/admin/").status == 404  # the admin lives elsewhere
    login = editor.request(f"{a}{admin}login/")
    fields = replace(
        form_fields(login.body, "login-form"), username="editor", password="a-long-pass-1"
    )
    assert editor.request(f"{a}{admin}login/?next={admin}", fields).status == 302
    assert "editor" in editor.request(f"{b}{admin}").body

    # A comment form served by B is accepted by A (CSRF token and signed form fields).
    form = form_fields(reader.request(b + path).body, "comment-form")
    time.sleep(FILL_SECONDS)
    body = "एक पाठक की टिप्पणी, सर्वर A से।"
    sent = replace(form, name="पाठक", email="reader@example.org", body=body)
    assert reader.request(f"{a}/comments/post/", sent).status == 303
    (comment_id,) = cluster.query("list(Comment.objects.values_list('id', flat=True))")

    # The editor approves it and corrects the story through A.
    changelist = editor.request(f"{a}{admin}comments/comment/").body
    action = replace(
        form_fields(changelist, "changelist-form"),
        action="approve",
        _selected_action=str(comment_id),
    )
    assert editor.request(f"{a}{admin}comments/comment/", action).status == 302
    change = f"{a}{admin}newsroom/story/{story['id']}/change/"
    fields = form_fields(editor.request(change).body, "story_form")
    index = next(k.split("-")[1] for k, v in fields if k.endswith("-language") and v == "en")
    corrected = f"Correction: {story['title']} (updated)"
    answer = editor.request(change, replace(fields, **{f"translations-{index}-title": corrected}))
    assert answer.status == 302, answer.body[:2000]

    # B serves both at once: page, API, comments.
    page = reader.request(b + path).body
    assert corrected in page and body in page
    fresh = reader.request(b + detail, **{"If-None-Match": etag})
    assert fresh.status == 200 and json.loads(fresh.body)["title"] == corrected
    comments = json.loads(reader.request(f"{b}{detail}comments/").body)["items"]
    assert [c["id"] for c in comments] == [comment_id]


def test_rate_limits_count_across_servers(cluster: Cluster) -> None:
    reader = Browser()
    path = urlsplit(
        json.loads(reader.request(f"{cluster.a}/api/v1/hi/stories/?limit=1").body)["items"][0][
            "url"
        ]
    ).path
    already = cluster.query("Comment.objects.count()")
    servers = [cluster.a, cluster.b]
    forms = [
        form_fields(reader.request(servers[i % 2] + path).body, "comment-form") for i in range(12)
    ]
    time.sleep(FILL_SECONDS)
    statuses = []
    for i, form in enumerate(forms):
        fields = replace(form, name=f"पाठक {i}", email=f"r{i}@example.org", body=f"टिप्पणी संख्या {i}")
        statuses.append(reader.request(f"{servers[(i + 1) % 2]}/comments/post/", fields).status)
    accepted = statuses.count(303)
    assert accepted == PER_IP - already, statuses
    assert set(statuses) == {303, 429}
    assert cluster.query("Comment.objects.count()") == PER_IP


def test_background_work_runs_once(cluster: Cluster) -> None:
    # Every comment so far enqueued one job mailing the story's one author.
    comments = cluster.query("Comment.objects.count()")
    assert comments
    for _ in range(300):
        waiting = cluster.query(
            "DBTaskResult.objects.exclude(status__in=['SUCCESSFUL','FAILED']).count()"
        )
        if not waiting:
            break
        time.sleep(0.2)
    jobs = cluster.query("list(DBTaskResult.objects.values_list('status', 'worker_ids'))")
    assert len(jobs) == comments
    assert all(status == "SUCCESSFUL" and len(workers) == 1 for status, workers in jobs), jobs
    time.sleep(1)  # the console mail is flushed after the job is marked done
    assert cluster.mails() == comments


def test_check_deploy_is_clean_with_the_cluster_settings(cluster: Cluster) -> None:
    """The two-server settings (PostgreSQL, Redis, moved admin) plus those of a real site."""
    env = {
        **cluster.env,
        "PATRIKA_PRODUCTION": "1",
        "PATRIKA_TLS": "proxy",
        "PATRIKA_TRUSTED_PROXIES": "1",
        "ALLOWED_HOSTS": "news.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://news.example.org",
    }
    done = subprocess.run(
        [sys.executable, "-m", "patrika.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
