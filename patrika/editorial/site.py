"""Patrika's admin site: its own name in the header, and the desk as the front page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .selectors import desk_stories


class PatrikaAdminSite(admin.AdminSite):
    site_header = _("Patrika")
    site_title = _("Patrika")
    index_title = _("Desk")
    index_template = "editorial/admin/index.html"

    def index(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        context = {"desk": desk_stories(user=request.user), **(extra_context or {})}
        response: TemplateResponse = super().index(request, context)
        return response
