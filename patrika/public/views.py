"""Reader-facing pages. Each view asks selectors for published data and renders a template."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import patch_vary_headers
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
    return render(
        request,
        "public/home.html",
        {"page": page, "stories": page.object_list},
    )


@require_safe
def language_home(request: HttpRequest) -> HttpResponse:
    return _listing(
        request,
        selectors.story_list_live(lang=get_language()),
        heading=gettext("Latest news"),
        feed_kind="",
        menu_current="home",
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
        menu_current="section",
        current_section=slug,
    )


@require_safe
def tag(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.tag_get(slug=slug)
    if not found:
        raise Http404
    return _listing(
        request,
        selectors.story_list_live(lang=get_language(), tag=found),
        heading=found.name_for(get_language()),
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
    # The <year> and <month> converters have refused what no calendar holds.
    lang = get_language()
    stories = selectors.story_list_live(lang=lang, year=year, month=month)
    return _listing(
        request,
        stories,
        archive_year=year,
        archive_month=month,
        archive=selectors.archive_years(lang=lang, months_of=year),
        menu_current="archive",
    )


@require_safe
def archive_index(request: HttpRequest) -> HttpResponse:
    """Every year and month with stories in this language."""
    context = {"archive": selectors.archive_years(lang=get_language()), "menu_current": "archive"}
    return render(request, "public/archive.html", context)


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
        # The language-neutral address, as in the sitemap: it leads each reader to their language.
        "x_default": reverse("story_any_language", kwargs={"slug": alternates[0]["slug"]})
        if alternates
        else translation.get_absolute_url(),
        "more_news": selectors.story_list_more(story=story, lang=translation.language),
        "lang": translation.language,
        "current_section": (story.meta.get("section") or {}).get("slug"),
    }
    for provider in _providers():
        context.update(provider(request, story=story, translation=translation))
    context["json_ld"] = structured_data.news_article(
        request, translation=translation, comment_count=context.get("comment_count")
    )
    return context


def _redirect_to_story(request: HttpRequest, slug: str, *, bilingual: bool) -> HttpResponse:
    """To the story whose translation in any language has `slug`, in the language of the
    request (the address's, or the one LocaleMiddleware picked for the reader)."""
    url = selectors.translation_url_for_reader(
        slug=slug, prefer=[get_language()], bilingual=bilingual
    )
    # The address itself when the baked data is stale: a 404, not a redirect loop.
    if url is None or unquote(url) == request.path:
        raise Http404
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"{url}?{query}" if query else url)


@require_safe
def story_any_language(request: HttpRequest, slug: str, bilingual: bool = False) -> HttpResponse:
    """/news/<slug>/ and /news/<slug>/bilingual/ (the sitemap's x-default): the story in the
    reader's language when it has one, else in the language it has."""
    response = _redirect_to_story(request, slug, bilingual=bilingual)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_safe
def story(request: HttpRequest, slug: str) -> HttpResponse:
    translation = selectors.translation_get_live(lang=get_language(), slug=slug)
    if translation is None:
        # Another language's slug under this prefix (/hi/news/<english-slug>/).
        return _redirect_to_story(request, slug, bilingual=False)
    return render(request, "public/story.html", _story_context(request, translation))


@require_safe
def bilingual(request: HttpRequest, slug: str) -> HttpResponse:
    """Every translation of the story on one page, in settings order, with in-page links."""
    translation = selectors.translation_get_live(lang=get_language(), slug=slug)
    if translation is None:
        return _redirect_to_story(request, slug, bilingual=True)
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
        "Disallow: /preview/",
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
