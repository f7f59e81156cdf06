"""Reader-facing pages. Each view asks selectors for published data and renders a template."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.module_loading import import_string
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from patrika.comments.selectors import comment_counts
from patrika.newsroom import selectors
from patrika.newsroom.models import Story, Translation

from . import structured_data
from .paging import NewsPage, news_page, page_number


def _paginate(request: HttpRequest, stories: QuerySet[Story]) -> NewsPage:
    number = page_number(request.GET.get("page"))
    page = news_page(stories, number=number, size=settings.PATRIKA_PAGE_SIZE)
    if number > 1 and not page.object_list:
        raise Http404
    stories = selectors.stories_ready(page.object_list)
    counts = comment_counts(story_ids=[story.pk for story in stories])
    for story in stories:
        story.comment_count = counts.get(story.pk, 0)
    page.object_list = stories
    return page


def _listing(request: HttpRequest, stories: QuerySet[Story], **context: object) -> HttpResponse:
    lang = get_language()
    page = _paginate(request, stories)
    return render(
        request,
        "public/listing.html",
        {"page": page, "stories": page.object_list, "lang": lang, **context},
    )


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The site home: the latest stories in every language, each title in each language."""
    page = _paginate(request, selectors.story_list_live())
    return render(request, "public/home.html", {"page": page, "stories": page.object_list})


@require_safe
def language_home(request: HttpRequest) -> HttpResponse:
    return _listing(
        request,
        selectors.story_list_live(lang=get_language()),
        heading=gettext("Latest news"),
        feed_kind="",
    )


@require_safe
def section(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.section_get(slug=slug)
    if not found:
        raise Http404
    return _listing(
        request,
        selectors.story_list_live(lang=get_language(), section=found),
        heading=found.name_for(get_language()),
        feed_kind="section",
        feed_slug=slug,
    )


@require_safe
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.tag_get(slug=slug)
    if not found:
        raise Http404
    return _listing(
        request,
        selectors.story_list_live(lang=get_language(), tag=found),
        heading=found.name,
        feed_kind="tag",
        feed_slug=slug,
    )


@require_safe
def author(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.author_get(slug=slug)
    if not found:
        raise Http404
    return _listing(
        request,
        selectors.story_list_live(lang=get_language(), author=found),
        heading=found.name,
        author=found,
    )


@require_safe
def archive(request: HttpRequest, year: int, month: int | None = None) -> HttpResponse:
    if month is not None and not 1 <= month <= 12:
        raise Http404
    stories = selectors.story_list_live(lang=get_language(), year=year, month=month)
    return _listing(request, stories, archive_year=year, archive_month=month)


def _providers() -> list[Callable[..., dict]]:
    return [import_string(name) for name in settings.PATRIKA_STORY_CONTEXT_PROVIDERS]


def _story_context(request: HttpRequest, translation: Translation) -> dict:
    story = translation.story
    alternates = list(selectors.story_translations(story=story).values())
    context = {
        "t": translation,
        "story": story,
        "meta": story.meta,
        "alternates": alternates,
        "other_translations": [a for a in alternates if a["language"] != translation.language],
        "more_news": selectors.story_list_more(story=story, lang=translation.language),
        "lang": translation.language,
    }
    for provider in _providers():
        context.update(provider(request, story=story, translation=translation))
    context["json_ld"] = structured_data.news_article(
        request, translation=translation, comment_count=context.get("comment_count")
    )
    return context


@require_safe
def story(request: HttpRequest, slug: str) -> HttpResponse:
    translation = selectors.translation_get_live(lang=get_language(), slug=slug)
    if translation is None:
        raise Http404
    return render(request, "public/story.html", _story_context(request, translation))


@require_safe
def bilingual(request: HttpRequest, slug: str) -> HttpResponse:
    """Every translation of the story on one page, in settings order, with in-page links."""
    translation = selectors.translation_get_live(lang=get_language(), slug=slug)
    if translation is None:
        raise Http404
    context = _story_context(request, translation)
    if len(context["alternates"]) < 2:
        raise Http404
    # The full text of every language: one more query, on this page only.
    context["parts"] = selectors.story_translations_full(story=translation.story)
    return render(request, "public/bilingual.html", context)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    # A moved admin is not advertised here; the default one is, to keep crawlers out.
    admin_path = settings.PATRIKA_ADMIN_PATH
    lines = [
        "User-agent: *",
        *(["Disallow: /admin/"] if admin_path == "admin" else []),
        "Disallow: /comments/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        f"Sitemap: {request.build_absolute_uri('/news-sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(
        loader.render_to_string("404.html", {"request_path": request.path}, request), status=404
    )


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors or queries: the database may be what failed.
    return HttpResponse(loader.get_template("500.html").render({}), status=500)
