"""A request id on every request: taken from the proxy's X-Request-ID when it is well formed,
made otherwise; returned in the response and put on every log record written meanwhile."""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_WELL_FORMED = re.compile(r"[A-Za-z0-9._-]{8,64}")

current_request_id: ContextVar[str] = ContextVar("patrika_request_id", default="")
access_log = logging.getLogger("patrika.request")


def request_id_for(request: HttpRequest) -> str:
    given = request.headers.get(HEADER, "")
    # Anything else (a newline, a JSON fragment, a megabyte) would forge or flood the logs.
    return given if _WELL_FORMED.fullmatch(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request)
        # Kept until the response is finished, not just until this returns: Django logs a
        # 4xx/5xx ("Not Found: …") after the middleware.
        current_request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[HEADER] = request_id
        access_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


def _forget(**kwargs: Any) -> None:
    current_request_id.set("")


request_finished.connect(_forget, dispatch_uid="patrika.ops.requests.forget")
