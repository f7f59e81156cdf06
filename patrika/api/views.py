"""The API's endpoints: parse the request, call a selector, shape the answer (present.py)."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import http_date
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.params.functions import Query
from ninja.responses import Status

from patrika import languages

from . import present
from . import selectors as select
from .paging import MAX_LIMIT, BadCursor
from .schemas import (
    AuthorPage,
    CommentPage,
    ErrorOut,
    IndexOut,
    SearchPageOut,
    SectionList,
    StoryDetailOut,
    StoryPage,
    TagPage,
)

DEFAULT_LIMIT = 20

api = NinjaAPI(
    title="Patrika content API",
    version="1",
    description="Read-only: live stories per language, sections, tags, authors, approved "
    "comments and search. Lists are paged with `cursor`; every answer has an ETag.",
    urls_namespace=present.NAMESPACE,
    docs_url=None,
)


@api.exception_handler(BadCursor)
def _bad_cursor(request: HttpRequest, exc: BadCursor) -> HttpResponse:
    return api.create_response(request, {"detail": gettext("Invalid cursor.")}, status=400)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": gettext("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def _bad_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # One error shape for every refusal (the schema's ErrorOut), instead of pydantic's list.
    names = sorted({str(e["loc"][-1]) for e in exc.errors if e.get("loc")})
    detail = gettext("Invalid parameters: %(names)s.") % {"names": ", ".join(names)}
    return api.create_response(request, {"detail": detail}, status=400)


def _language(lang: str) -> str:
    if lang not in languages.codes():
        raise Http404
    return lang


def _last_modified(response: HttpResponse, times: list[datetime]) -> None:
    if times:
        response["Last-Modified"] = http_date(max(times).timestamp())


@api.get("/", response=IndexOut, url_name="index", summary="What this API offers")
def index(request: HttpRequest) -> dict[str, object]:
    codes = languages.codes()
    return {
        "version": api.version,
        "schema_url": present.api_url("openapi-json"),
        "languages": codes,
        "stories_urls": {code: present.api_url("stories", lang=code) for code in codes},
        "sections_url": present.api_url("sections"),
        "tags_url": present.api_url("tags"),
        "authors_url": present.api_url("authors"),
    }


@api.get(
    "/{lang}/stories/",
    response={200: StoryPage, 400: ErrorOut, 404: ErrorOut},
    url_name="stories",
    summary="Live stories readable in a language, newest first",
)
def stories(
    request: HttpRequest,
    response: HttpResponse,
    lang: str,
    section: str = "",
    tag: str = "",
    author: str = "",
    cursor: str = "",
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> object:
    lang = _language(lang)
    page = select.api_story_page(
        lang=lang, cursor=cursor, limit=limit, section=section, tag=tag, author=author
    )
    if page is None:
        return Status(404, {"detail": gettext("No such section, tag or author.")})
    _last_modified(response, [s.updated_at for s in page.items])
    query = {"section": section, "tag": tag, "author": author, "limit": limit}
    return {
        "items": [present.story_out(s, lang=lang) for s in page.items],
        "next_cursor": page.next_cursor,
        "next_url": present.next_url("stories", cursor=page.next_cursor, query=query, lang=lang),
    }


@api.get(
    "/{lang}/stories/{story_id}/",
    response={200: StoryDetailOut, 400: ErrorOut, 404: ErrorOut},
    url_name="story",
    summary="One live story in a language, with links to its other translations",
)
def story(request: HttpRequest, response: HttpResponse, lang: str, story_id: int) -> object:
    translation = select.api_translation_get(lang=_language(lang), story_id=story_id)
    if translation is None:
        raise Http404
    body = present.story_detail_out(translation)
    _last_modified(response, [body["updated_at"]])
    return body


@api.get(
    "/{lang}/stories/{story_id}/comments/",
    response={200: CommentPage, 400: ErrorOut, 404: ErrorOut},
    url_name="comments",
    summary="Approved comments of a story, oldest first",
)
def comments(
    request: HttpRequest,
    response: HttpResponse,
    lang: str,
    story_id: int,
    cursor: str = "",
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> object:
    translation = select.api_translation_get(lang=_language(lang), story_id=story_id)
    if translation is None:
        raise Http404
    page = select.api_comment_page(story=translation.story, cursor=cursor, limit=limit)
    return {
        "items": [present.comment_out(c) for c in page.items],
        "next_cursor": page.next_cursor,
        "next_url": present.next_url(
            "comments",
            cursor=page.next_cursor,
            query={"limit": limit},
            lang=lang,
            story_id=story_id,
        ),
    }


@api.get("/sections/", response=SectionList, url_name="sections", summary="All sections")
def sections(request: HttpRequest) -> object:
    return {"items": [present.section_out(s) for s in select.api_section_list()]}


@api.get(
    "/tags/",
    response={200: TagPage, 400: ErrorOut},
    url_name="tags",
    summary="Tags by slug",
)
def tags(
    request: HttpRequest,
    cursor: str = "",
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> object:
    page = select.api_tag_page(cursor=cursor, limit=limit)
    return {
        "items": [present.tag_out(t) for t in page.items],
        "next_cursor": page.next_cursor,
        "next_url": present.next_url("tags", cursor=page.next_cursor, query={"limit": limit}),
    }


@api.get(
    "/authors/",
    response={200: AuthorPage, 400: ErrorOut},
    url_name="authors",
    summary="Authors by slug (never their e-mail)",
)
def authors(
    request: HttpRequest,
    cursor: str = "",
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> object:
    page = select.api_author_page(cursor=cursor, limit=limit)
    return {
        "items": [present.author_out(a) for a in page.items],
        "next_cursor": page.next_cursor,
        "next_url": present.next_url("authors", cursor=page.next_cursor, query={"limit": limit}),
    }


@api.get(
    "/{lang}/search/",
    response={200: SearchPageOut, 400: ErrorOut, 404: ErrorOut},
    url_name="search",
    summary="Search stories in a language (English, Devanagari or romanized Hindi)",
)
def search(
    request: HttpRequest,
    lang: str,
    q: str,
    cursor: str = "",
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> object:
    lang = _language(lang)
    number = present.page_from_cursor(cursor)
    page = select.api_search(query=q, lang=lang, number=number, per_page=limit)
    next_cursor = present.page_cursor(number + 1) if page.hits and page.has_next else None
    return {
        "query": page.query,
        "total": page.total,
        "items": [present.hit_out(h) for h in page.hits],
        "next_cursor": next_cursor,
        "next_url": present.next_url(
            "search", cursor=next_cursor, query={"q": q, "limit": limit}, lang=lang
        ),
    }
