"""/healthz answers 200 only when the database, cache, task queue and disk all work."""

from __future__ import annotations

import socket
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_working_server_is_healthy(client: Client, db: None) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"app", "database", "cache", "task_queue", "disk"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def _fail_disk(settings: Any) -> str:
    settings.PATRIKA_HEALTH_MIN_FREE_MB = 10**12
    return "disk"


def _fail_cache(settings: Any) -> str:
    # A real Redis client against a port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_free_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    return "cache"


def _fail_queue(settings: Any) -> str:
    # A job due an hour ago that nobody took: no worker is running.
    job = DBTaskResult.objects.create(
        task_path="patrika.comments.tasks.missing",
        args_kwargs={"args": [], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        run_after=timezone.now() - timedelta(hours=1),
    )
    assert DBTaskResult.objects.ready().filter(pk=job.pk).exists()
    return "task_queue"


@pytest.mark.parametrize("fail", [_fail_disk, _fail_cache, _fail_queue])
def test_each_failing_part_makes_the_server_unhealthy(
    client: Client, db: None, settings: Any, fail: Any
) -> None:
    broken = fail(settings)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    failed = {name for name, check in body["checks"].items() if not check["ok"]}
    assert failed == {broken}


def test_healthz_answers_plain_http_under_tls(client: Client, db: None, settings: Any) -> None:
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/en/").status_code == 301
