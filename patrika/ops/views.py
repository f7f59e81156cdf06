from __future__ import annotations

from dataclasses import asdict

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .health import health_report


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every check passes, else 503 (a load balancer takes the server out)."""
    report = health_report()
    ok = all(check.ok for check in report.values())
    body = {"status": "ok" if ok else "fail", "checks": {k: asdict(v) for k, v in report.items()}}
    return JsonResponse(body, status=200 if ok else 503)
