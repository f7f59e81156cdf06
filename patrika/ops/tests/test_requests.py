"""Every answer carries a request id, and every log line written meanwhile carries the same."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from django.test import Client

from patrika.ops.logs import JsonFormatter, RequestIdFilter


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """The JSON log stream as production writes it (the formatter and filter of settings)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    request_log = logging.getLogger("patrika.request")
    old_level = request_log.level
    request_log.setLevel(logging.INFO)
    root.addHandler(handler)
    yield stream
    root.removeHandler(handler)
    request_log.setLevel(old_level)


def _records(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


@pytest.mark.parametrize("path", ["/healthz", "/en/", "/en/no-such-page/", "/api/v1/"])
def test_each_request_gets_an_id_its_log_lines_share(
    client: Client, db: None, log_lines: io.StringIO, path: str
) -> None:
    response = client.get(path)
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    records = _records(log_lines)
    access = [r for r in records if r["logger"] == "patrika.request"]
    assert len(access) == 1
    assert access[0]["path"] == path and access[0]["status"] == response.status_code
    assert all(r["request_id"] == request_id for r in records)
    if response.status_code == 404:
        # Django's own warning for the 404 is tied to the same request.
        assert any(r["logger"] == "django.request" for r in records)
    assert client.get(path)["X-Request-ID"] != request_id


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("lb-7f3a9c21-0001", True),
        ("0123456789abcdef0123456789abcdef", True),
        ("short", False),
        ("x" * 65, False),
        ('abc", "level": "CRITICAL', False),
        ("abcdefgh\nforged line", False),
        ("अनुरोध-संख्या-12345", False),
    ],
)
def test_a_proxy_id_is_kept_only_when_well_formed(
    client: Client, db: None, log_lines: io.StringIO, given: str, kept: bool
) -> None:
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)
    assert (response["X-Request-ID"] == given) is kept
    for record in _records(log_lines):
        assert record["request_id"] == response["X-Request-ID"]
    assert all(line.startswith("{") for line in log_lines.getvalue().splitlines())


def test_log_lines_outside_requests_have_no_id(log_lines: io.StringIO) -> None:
    logging.getLogger("patrika.test").warning("a job: %s", "हिंदी")
    (record,) = _records(log_lines)
    assert record["request_id"] == "" and record["message"] == "a job: हिंदी"
