"""The optional Akismet checker, with Akismet's HTTP API mocked: off by default, and never
sent the email address."""

from __future__ import annotations

import io
from urllib.parse import parse_qs
from urllib.request import Request

import pytest

from patrika.comments import conf
from patrika.comments.spam.akismet import AkismetChecker
from patrika.comments.spam.base import Lesson, Submission

SUBMISSION = Submission(
    language="en",
    name="Ravi",
    email="private@example.org",
    website="https://ravi.example",
    body="hello",
    ip_address="203.0.113.1",
    user_agent="Firefox",
)


@pytest.fixture
def akismet(monkeypatch, settings) -> list[tuple[str, dict[str, list[str]]]]:
    settings.PATRIKA_COMMENTS_AKISMET_KEY = "test-key"
    calls: list[tuple[str, dict[str, list[str]]]] = []
    answers = {"comment-check": b"true"}

    def fake_urlopen(request: Request, timeout: float) -> io.BytesIO:
        method = request.full_url.rsplit("/", 1)[1]
        calls.append((method, parse_qs(request.data.decode())))
        return io.BytesIO(answers.get(method, b"Thanks for making the web a better place."))

    monkeypatch.setattr("urllib.request.urlopen", fake_urlopen)
    return calls


def test_akismet_is_off_by_default() -> None:
    assert not any("akismet" in path for path in conf.DEFAULTS["PATRIKA_COMMENTS_SPAM_CHECKERS"])


def test_akismet_check_never_sends_the_email(akismet) -> None:
    verdict = AkismetChecker().check(SUBMISSION)
    assert verdict.score == 1.0
    method, payload = akismet[0]
    assert method == "comment-check"
    assert payload["comment_content"] == ["hello"] and payload["api_key"] == ["test-key"]
    assert "comment_author_email" not in payload
    assert not any("private@example.org" in v for values in payload.values() for v in values)


def test_akismet_learns_spam_and_ham(akismet) -> None:
    AkismetChecker().learn(
        [Lesson(SUBMISSION, was="", now="spam"), Lesson(SUBMISSION, was="spam", now="ham")]
    )
    assert [method for method, _ in akismet] == ["submit-spam", "submit-ham"]


def test_akismet_without_key_does_nothing(monkeypatch, settings) -> None:
    settings.PATRIKA_COMMENTS_AKISMET_KEY = ""

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("no request without a key")

    monkeypatch.setattr("urllib.request.urlopen", fail)
    assert AkismetChecker().check(SUBMISSION).score is None
