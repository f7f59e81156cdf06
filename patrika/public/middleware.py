"""Django's LocaleMiddleware, with one change for the language-neutral addresses."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware import locale
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path


class LocaleMiddleware(locale.LocaleMiddleware):
    """A 404 answered by a view outside the language prefix is final.

    Django's middleware retries every 404 without a language prefix as /<lang>/<path> when
    that path resolves. For /news/<slug>/ it always does (any slug resolves), so a draft's or
    an unknown story's neutral address would redirect to a second 404 instead of being one.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        answered_here = request.resolver_match is not None
        if response.status_code == 404 and answered_here:
            if not get_language_from_path(request.path_info):
                patch_vary_headers(response, ("Accept-Language",))
                response.headers.setdefault("Content-Language", get_language())
                return response
        return super().process_response(request, response)
