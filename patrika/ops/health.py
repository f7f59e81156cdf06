"""What /healthz checks: each check answers whether this server can do its work."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


@dataclass
class Check:
    ok: bool
    detail: str


def check_database() -> Check:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return Check(True, connection.vendor)


def check_cache() -> Check:
    key, value = f"patrika:healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    read = cache.get(key)
    cache.delete(key)
    return Check(read == value, type(caches["default"]).__name__)


def check_task_queue() -> Check:
    """Jobs due for longer than PATRIKA_HEALTH_QUEUE_MAX_AGE mean that no worker takes them."""
    limit = timedelta(seconds=settings.PATRIKA_HEALTH_QUEUE_MAX_AGE)
    oldest = DBTaskResult.objects.ready().order_by("run_after").values_list("run_after", flat=True)
    due = next(iter(oldest[:1]), None)
    waited = timezone.now() - due if due is not None else timedelta(0)
    return Check(waited <= limit, f"oldest due job waited {int(waited.total_seconds())} s")


def check_disk() -> Check:
    free = shutil.disk_usage(settings.VAR_DIR).free // 2**20
    return Check(free >= settings.PATRIKA_HEALTH_MIN_FREE_MB, f"{free} MB free in the data folder")


CHECKS: dict[str, Callable[[], Check]] = {
    "database": check_database,
    "cache": check_cache,
    "task_queue": check_task_queue,
    "disk": check_disk,
}


def health_report() -> dict[str, Check]:
    report = {"app": Check(True, "answering")}
    for name, check in CHECKS.items():
        try:
            report[name] = check()
        # Whatever a check raises is its answer: this server cannot do that part of its work.
        except Exception as error:
            report[name] = Check(False, f"{type(error).__name__}: {error}")
    return report
