"""The site's URLs plus one view that fails, to reach the 500 page (pytest.mark.urls)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from patrika import urls as site_urls


def _fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a view that fails, for the 500 page")


FAILING_PATH = "/test-failure/"
urlpatterns = [path(FAILING_PATH.strip("/") + "/", _fail), *site_urls.urlpatterns]
handler404 = site_urls.handler404
handler500 = site_urls.handler500
