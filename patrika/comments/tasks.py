"""Comment jobs for the task queue (settings.TASKS): enqueued inside the request, run later by
the worker that `patrika serve` starts (or `patrika db_worker`)."""

from __future__ import annotations

from django_tasks import task

from . import notifications


@task()
def comment_notify_authors(*, comment_id: int) -> int:
    return notifications.comment_notify_authors(comment_id=comment_id)
