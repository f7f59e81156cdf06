"""/<lang>/search/ and its OpenSearch description. Parsing here, everything else in selectors."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from . import selectors
from .backends import Filters
from .forms import SearchForm


@require_safe
def results(request: HttpRequest) -> HttpResponse:
    ui_lang = get_language() or settings.LANGUAGE_CODE
    form = SearchForm(
        request.GET,
        sections=selectors.section_choices(lang=ui_lang),
        months=selectors.month_choices(lang=ui_lang),
    )
    page = None
    form.is_valid()
    # A filter that is not understood is left out (the page says so); the search still runs.
    data = form.cleaned_data
    if data.get("q", "").strip():
        section = selectors.section_get(slug=data.get("section", ""))
        tag_name = data.get("tag", "").strip()
        tag = selectors.tag_get(name=tag_name)
        filters = Filters(
            language=None if data.get("lang", "") in ("", "all") else data["lang"],
            section_id=section.pk if section else None,
            tag_id=tag.pk if tag else (-1 if tag_name else None),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
        page = selectors.search_page(
            query=data["q"], filters=filters, number=data.get("page") or 1, lang=ui_lang
        )
    response = render(request, "search/results.html", {"form": form, "page": page})
    if page is not None and page.total == 0:
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def opensearch(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "search/opensearch.xml",
        {"base_url": settings.PATRIKA_SITE_URL, "lang": get_language()},
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
