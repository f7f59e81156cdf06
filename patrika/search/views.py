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
    form = SearchForm(request.GET, sections=selectors.section_choices(lang=ui_lang))
    page = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        section = selectors.section_get(slug=data["section"])
        tag = selectors.tag_get(name=data["tag"].strip())
        filters = Filters(
            language=None if data["lang"] in ("", "all") else data["lang"],
            section_id=section.pk if section else None,
            tag_id=tag.pk if tag else (-1 if data["tag"].strip() else None),
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
        page = selectors.search_page(
            query=data["q"], filters=filters, number=data["page"] or 1, lang=ui_lang
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
