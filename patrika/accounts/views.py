"""The page a locked-out login gets, in the reader's interface language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE. Says neither whether the account exists nor which of account or
    address is locked, so it tells a guesser nothing."""
    cooloff = settings.AXES_COOLOFF_TIME
    minutes = int(cooloff.total_seconds() // 60) if cooloff else 0
    response = TemplateResponse(
        request,
        "accounts/locked_out.html",
        {
            **admin.site.each_context(request),
            "title": gettext("Login locked"),
            "cooloff_minutes": minutes,
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if cooloff:
        response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response.render()
