"""Turn rows into the API's shapes. Every URL that leaves goes through patrika.safe_url."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext

from patrika.comments.models import Comment
from patrika.comments.text import render, visible
from patrika.newsroom.models import Author, Section, Story, Tag, Translation
from patrika.safe_url import public_url_or_empty
from patrika.search.backends import Hit

from .paging import BadCursor, cursor_decode, cursor_encode

NAMESPACE = "api-v1"


def absolute(path: str) -> str:
    """A path on this site as an absolute URL, or "" when it would not be a public URL."""
    return public_url_or_empty(settings.PATRIKA_SITE_URL + path) if path else ""


def link(value: str) -> str:
    """A stored URL (a local path such as /media/…, or another site's) made safe to hand out."""
    local = public_url_or_empty(value, allow_local=True)
    return absolute(local) if local.startswith("/") else local


def api_url(name: str, /, query: dict[str, str] | None = None, **kwargs: Any) -> str:
    path = reverse(f"{NAMESPACE}:{name}", kwargs=kwargs)
    return absolute(path + ("?" + urlencode(query) if query else ""))


def next_url(
    name: str, /, *, cursor: str | None, query: dict[str, Any], **kwargs: Any
) -> str | None:
    """The next page's address, keeping the request's filters; None on the last page."""
    if not cursor:
        return None
    kept = {k: str(v) for k, v in query.items() if v not in (None, "")}
    return api_url(name, query={**kept, "cursor": cursor}, **kwargs) or None


def _section_name(names: dict[str, str], slug: str, lang: str) -> str:
    return names.get(lang) or next(iter(names.values()), slug)


def story_out(story: Story, *, lang: str) -> dict[str, Any]:
    """A story in `lang` from its baked meta (no further query)."""
    meta = story.meta
    own = meta["translations"][lang]
    section = meta.get("section")
    image = meta.get("image")
    return {
        "id": story.pk,
        "language": lang,
        "title": own["title"],
        "slug": own["slug"],
        "summary": own["summary"],
        "url": absolute(own["url"]),
        "api_url": api_url("story", lang=lang, story_id=story.pk),
        "published_at": story.published_at,
        "section": {
            "slug": section["slug"],
            "name": _section_name(section["names"], section["slug"], lang),
        }
        if section
        else None,
        "tags": meta.get("tags", []),
        "authors": meta.get("authors", []),
        "image": {
            "url": link(image["url"]),
            "width": image["width"],
            "height": image["height"],
            "credit": image["credit"],
        }
        if image
        else None,
        "translations": [
            {
                "language": code,
                "title": other["title"],
                "url": absolute(other["url"]),
                "api_url": api_url("story", lang=code, story_id=story.pk),
            }
            for code, other in meta["translations"].items()
            if code != lang
        ],
    }


def story_detail_out(translation: Translation) -> dict[str, Any]:
    story = translation.story
    lang = translation.language
    return {
        **story_out(story, lang=lang),
        # From the row itself: the baked copy of these is for listings.
        "title": translation.title,
        "slug": translation.slug,
        "summary": translation.summary,
        "url": absolute(translation.get_absolute_url()),
        "body_html": translation.body_html,
        "updated_at": max(story.updated_at, translation.updated_at),
        "sources": [
            {"title": s["title"], "publisher": s["publisher"], "url": link(s["url"])}
            for s in story.meta.get("sources", [])
        ],
        "image_alt": translation.image_alt,
        "image_caption": translation.image_caption,
        "comments_url": api_url("comments", lang=lang, story_id=story.pk),
    }


def comment_out(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "parent_id": comment.parent_id,
        "language": comment.language,
        "name": visible(comment.name) or gettext("Anonymous"),
        "website": public_url_or_empty(comment.website),
        "body_html": str(render(comment.body)),
        "created_at": comment.created_at,
    }


def section_out(section: Section) -> dict[str, Any]:
    return {
        "slug": section.slug,
        "names": {n.language: n.name for n in section.names.all()},
        "stories_url": api_url(
            "stories", lang=settings.LANGUAGE_CODE, query={"section": section.slug}
        ),
    }


def tag_out(tag: Tag) -> dict[str, Any]:
    return {"name": tag.name, "slug": tag.slug}


def author_out(author: Author) -> dict[str, Any]:
    return {"name": author.name, "slug": author.slug, "bio": author.bio}


def hit_out(hit: Hit) -> dict[str, Any]:
    return {
        "story_id": hit.story_id,
        "language": hit.language,
        "title": hit.title,
        "url": absolute(hit.url),
        "api_url": api_url("story", lang=hit.language, story_id=hit.story_id),
        "published_at": hit.published_at,
        "snippet": strip_tags(hit.snippet),
    }


def page_cursor(number: int) -> str:
    # Search ranks rather than orders by a key, so its cursor names a page of the ranking.
    return cursor_encode(["page", number])


def page_from_cursor(raw: str) -> int:
    if not raw:
        return 1
    values = cursor_decode(raw)
    if len(values) != 2 or values[0] != "page" or not isinstance(values[1], int):
        raise BadCursor(raw)
    return max(1, values[1])
