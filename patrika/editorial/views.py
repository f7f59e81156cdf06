"""Preview pages: the reader's story and bilingual templates, for a story that need not be
live. Staff reach them from the story form (admin URLs, view permission); anyone reaches them
with a signed link. Never indexed, never cached."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation as i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from patrika.newsroom.models import Story
from patrika.newsroom.selectors import story_translations_full
from patrika.public.views import _story_context

from .preview import preview_story_from_token, preview_translation


def _render(request: HttpRequest, story: Story, lang: str | None) -> HttpResponse:
    if lang is None:
        parts = story_translations_full(story=story)
        if not parts:
            raise Http404
        lang = parts[0].language
    translation = preview_translation(story=story, lang=lang)
    if translation is None:
        raise Http404
    with i18n.override(lang):
        context = {**_story_context(request, translation), "preview": True}
        if request.resolver_match and request.resolver_match.url_name.endswith("bilingual"):
            context["parts"] = story_translations_full(story=story)
            response = render(request, "editorial/preview/bilingual.html", context)
        else:
            response = render(request, "editorial/preview/story.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_safe
def staff_preview(request: HttpRequest, story_id: int, lang: str | None = None) -> HttpResponse:
    """Wrapped by the story admin (admin_view + view permission)."""
    return _render(request, get_object_or_404(Story, pk=story_id), lang)


@never_cache
@require_safe
def link_preview(request: HttpRequest, token: str, lang: str | None = None) -> HttpResponse:
    story = preview_story_from_token(token=token)
    if story is None:
        raise Http404
    return _render(request, story, lang)
