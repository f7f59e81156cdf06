"""Reads behind the API: public content only, each page in a fixed number of queries.

Stories are read with their baked `meta` (see newsroom.baking), comments through the same
public-only rule as the pages (approved, no e-mail), search through the search selectors.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from patrika.comments.models import Comment, CommentStatus
from patrika.converters import parse_id
from patrika.newsroom import selectors as newsroom
from patrika.newsroom.models import Author, Section, Story, Tag, Translation
from patrika.search.backends import Filters
from patrika.search.selectors import SearchPage, search_page
from patrika.slugs import validate_slug

from .paging import KeysetPage, keyset_page


def _is_slug(value: str) -> bool:
    try:
        validate_slug(value)
    except ValidationError:
        return False
    return True


def api_story_page(
    *,
    lang: str,
    cursor: str | None,
    limit: int,
    section: str | None = None,
    tag: str | None = None,
    author: str | None = None,
) -> KeysetPage[Story] | None:
    """Live stories readable in `lang`, newest first; None when a filter names nothing (a
    value that is no slug names nothing, and is never sent to the database)."""
    if any(value and not _is_slug(value) for value in (section, tag, author)):
        return None
    found_section = newsroom.section_get(slug=section) if section else None
    found_tag = newsroom.tag_get(slug=tag) if tag else None
    found_author = newsroom.author_get(slug=author) if author else None
    if (section and not found_section) or (tag and not found_tag) or (author and not found_author):
        return None
    stories = newsroom.story_list_live(
        lang=lang, section=found_section, tag=found_tag, author=found_author
    )
    page = keyset_page(
        stories, fields=("published_at", "id"), descending=True, cursor=cursor, limit=limit
    )
    newsroom.stories_ready(page.items)
    return page


def api_translation_get(*, lang: str, story_id: int) -> Translation | None:
    """The live, public translation of story `story_id` in `lang`, with its story (one
    query); None for an id no row can have."""
    if parse_id(story_id) != story_id:
        return None
    found = (
        Translation.objects.public()
        .select_related("story")
        .filter(
            language=lang,
            story_id=story_id,
            story__in=Story.objects.live(),
        )
    )
    translation = next(iter(found[:1]), None)
    if translation is not None:
        newsroom.stories_ready([translation.story])
    return translation


def api_comment_page(*, story: Story, cursor: str | None, limit: int) -> KeysetPage[Comment]:
    """Approved comments of a live story, oldest first; never a pending one, never an e-mail."""
    comments = Comment.objects.filter(story=story, status=CommentStatus.APPROVED).only(
        "id", "parent_id", "language", "name", "website", "body", "created_at"
    )
    return keyset_page(
        comments, fields=("created_at", "id"), descending=False, cursor=cursor, limit=limit
    )


def api_section_list() -> list[Section]:
    return list(Section.objects.prefetch_related("names"))


def api_tag_page(*, cursor: str | None, limit: int) -> KeysetPage[Tag]:
    return keyset_page(
        Tag.objects.all(), fields=("slug",), descending=False, cursor=cursor, limit=limit
    )


def api_author_page(*, cursor: str | None, limit: int) -> KeysetPage[Author]:
    authors: QuerySet[Author] = Author.objects.only("id", "name", "slug", "bio")
    return keyset_page(authors, fields=("slug",), descending=False, cursor=cursor, limit=limit)


def api_search(*, query: str, lang: str, number: int, per_page: int) -> SearchPage:
    return search_page(
        query=query, filters=Filters(language=lang), number=number, per_page=per_page
    )
