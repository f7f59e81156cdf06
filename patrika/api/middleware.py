"""HTTP rules of the API's answers: CORS for reading, and ETag / Last-Modified with 304."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import parse_http_date_safe

PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD")


class ApiMiddleware:
    """Only for paths under /api/; every other answer passes untouched."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            self._cors(request, response, preflight=True)
            return response
        if request.method not in READ_METHODS:
            # The API is read-only, its schema view included (django-ninja answers any method).
            return HttpResponseNotAllowed(READ_METHODS)
        response = self.get_response(request)
        if request.method in READ_METHODS:
            self._cors(request, response, preflight=False)
            if response.status_code == 200:
                response = self._conditional(request, response)
        return response

    def _cors(self, request: HttpRequest, response: HttpResponse, *, preflight: bool) -> None:
        allowed = settings.PATRIKA_API_CORS_ORIGINS
        origin = request.headers.get("Origin", "")
        if "*" in allowed:
            response["Access-Control-Allow-Origin"] = "*"
        elif origin and origin in allowed:
            response["Access-Control-Allow-Origin"] = origin
        # Whether or not this origin was allowed, a cache must not hand this answer to another.
        if "*" not in allowed:
            patch_vary_headers(response, ("Origin",))
        if preflight:
            response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"

    def _conditional(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not response.has_header("ETag"):
            set_response_etag(response)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        conditional = get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
        return conditional if conditional is not None else response
