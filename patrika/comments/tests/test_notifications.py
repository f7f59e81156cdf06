"""Author notifications go through the task queue: the reader's request only stores a job, and
the worker mails each author once, gives up on a silent mail server after EMAIL_TIMEOUT and
records the failure. Real SMTP servers on loopback (tests/smtp.py), real database rows."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from patrika.comments import tasks
from patrika.comments.models import AuthorNotification, Comment
from patrika.newsroom.models import Author, Story
from patrika.newsroom.tests.factories import make_story

from .conftest import EMAIL, post_comment, run_worker
from .smtp import Inbox, SilentSMTPServer

# Transactions as in production: the worker checks its connection between jobs, as a real
# process does, which would end a test wrapped in one transaction.
pytestmark = pytest.mark.django_db(transaction=True)

NOTIFY = "patrika.comments.tasks.comment_notify_authors"

# Authors of a story and their private addresses ("" = none): each address gets one email.
AUTHORS = {
    "one author": {"Asha Writer": "asha.author@example.org"},
    "several, one without an address": {
        "Asha Writer": "asha@example.org",
        "रवि लेखक": "ravi.lekhak@example.org",
        "Night Desk": "",
    },
    "two sharing an address": {"Meera": "desk@example.org", "मीरा": "desk@example.org"},
    "none with an address": {"Anonymous Desk": ""},
}


def _jobs() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=NOTIFY).order_by("enqueued_at"))


def _story_by(authors: dict[str, str]) -> Story:
    story = make_story(authors=list(authors))
    for name, email in authors.items():
        Author.objects.filter(name=name).update(email=email)
    return story


def _smtp(settings, port: int) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 0.5


@pytest.fixture
def silent(settings) -> Iterator[SilentSMTPServer]:
    with SilentSMTPServer() as server:
        _smtp(settings, server.port)
        yield server


@pytest.fixture
def inbox(settings) -> Iterator[Inbox]:
    with Inbox() as server:
        _smtp(settings, server.port)
        yield server


@pytest.mark.parametrize("language", ["en", "hi"])
def test_the_post_answers_before_the_mail_server_is_contacted(
    client, story, silent, language, django_capture_on_commit_callbacks
) -> None:
    # Callbacks run as after a real commit, so mail sent "after the commit" would show here.
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(client, story.translations.get(language=language))
    assert response.status_code == 303
    assert silent.connections == 0
    [job] = _jobs()
    assert job.status == TaskResultStatus.READY
    assert job.args_kwargs == {"args": [], "kwargs": {"comment_id": Comment.objects.get().pk}}


@pytest.mark.parametrize(
    "values",
    [{"name": " "}, {"email": "not-an-address"}, {"body": ""}],
    ids=["no name", "bad email", "no comment"],
)
def test_a_refused_form_queues_nothing(client, en, values) -> None:
    assert post_comment(client, en, **values).status_code == 400
    assert _jobs() == []


def test_the_worker_gives_up_on_a_silent_server_and_records_it(client, en, silent, caplog) -> None:
    post_comment(client, en)
    with caplog.at_level(logging.ERROR, logger="patrika.comments.notifications"):
        run_worker()
    assert silent.connections == 1
    [job] = _jobs()
    assert job.status == TaskResultStatus.FAILED
    assert job.exception_class_path == "patrika.comments.notifications.NotificationFailed"
    # The client's own timeout fired; the server never hung up (it would after 15 s).
    assert "timed out" in job.traceback
    assert [r.name for r in caplog.records if r.levelno >= logging.ERROR].count(
        "patrika.comments.notifications"
    ) == 1
    assert AuthorNotification.objects.count() == 0
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("authors", AUTHORS.values(), ids=AUTHORS)
def test_the_worker_mails_each_author_once(client, inbox, authors) -> None:
    story = _story_by(authors)
    post_comment(client, story.translations.get(language="hi"), body="ख़बर पर एक टिप्पणी।")
    run_worker()
    run_worker()
    expected = sorted({email for email in authors.values() if email})
    assert sorted(r for recipients, _ in inbox.messages for r in recipients) == expected
    [job] = _jobs()
    assert (job.status, job.return_value) == (TaskResultStatus.SUCCESSFUL, len(expected))
    for _, message in inbox.messages:
        assert message["Subject"] == f"New comment on “{story}”"
        text = message.get_content()
        assert "ख़बर पर एक टिप्पणी।" in text and "/admin/comments/comment/" in text
        assert EMAIL not in text
    # The same job again (a worker that died before marking it done) sends nothing more.
    tasks.comment_notify_authors.enqueue(comment_id=Comment.objects.get().pk)
    run_worker()
    assert len(inbox.messages) == len(expected)


def test_a_rerun_mails_only_the_authors_still_missing(client, inbox) -> None:
    story = _story_by(AUTHORS["several, one without an address"])
    inbox.refuse = {"ravi.lekhak@example.org"}
    post_comment(client, story.translations.get(language="en"))
    run_worker()
    [failed] = _jobs()
    assert failed.status == TaskResultStatus.FAILED and "550" in failed.traceback
    assert [recipients for recipients, _ in inbox.messages] == [["asha@example.org"]]

    inbox.refuse = set()
    tasks.comment_notify_authors.enqueue(comment_id=Comment.objects.get().pk)
    run_worker()
    assert [recipients for recipients, _ in inbox.messages] == [
        ["asha@example.org"],
        ["ravi.lekhak@example.org"],
    ]
    assert _jobs()[-1].status == TaskResultStatus.SUCCESSFUL


@pytest.mark.parametrize(("value", "seconds"), [(None, 10.0), ("2.5", 2.5), ("30", 30.0)])
def test_email_timeout_comes_from_the_environment(value: str | None, seconds: float) -> None:
    env = {k: v for k, v in os.environ.items() if k != "EMAIL_TIMEOUT"}
    if value is not None:
        env["EMAIL_TIMEOUT"] = value
    patrika = Path(sys.executable).parent / "patrika"
    shown = subprocess.run(
        [
            str(patrika),
            "shell",
            "-c",
            "from django.conf import settings as s; print(s.EMAIL_TIMEOUT)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(shown.stdout.split()[-1]) == seconds


def test_staff_find_the_failed_job_in_the_admin(client, admin_client, en, silent) -> None:
    post_comment(client, en)
    run_worker()
    [job] = _jobs()
    listing = admin_client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert listing.status_code == 200
    assert "comment_notify_authors" in listing.content.decode()
    detail = admin_client.get(f"/admin/django_tasks_database/dbtaskresult/{job.pk}/change/")
    assert detail.status_code == 200
    assert "timed out" in detail.content.decode()
