"""schema.org JSON-LD for story pages. Only public fields go in: never an email address, and
only URLs that pass patrika.safe_url."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from patrika.newsroom import selectors
from patrika.newsroom.baking import baked_name
from patrika.newsroom.models import Translation
from patrika.safe_url import public_url_or_empty

# The same escapes as django.utils.html.json_script: the JSON cannot close its <script>.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def to_script_json(data: dict[str, Any]) -> SafeString:
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))


def _based_on(source: dict[str, str]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source["title"]}
    if url := public_url_or_empty(source["url"]):
        work["url"] = url
    if source["publisher"]:
        work["publisher"] = {"@type": "Organization", "name": source["publisher"]}
    return work


def _modified(translation: Translation) -> datetime:
    """The last change readers should know of: the story's, this text's, or — when a
    translation is being brought up to date — the source's (the notice on the page)."""
    story = translation.story
    notices = selectors.story_reader_notices(story=story, language=translation.language)
    return max([story.updated_at, translation.updated_at, *(n.since for n in notices)])


def news_article(
    request: HttpRequest, *, translation: Translation, comment_count: int | None = None
) -> SafeString:
    story = translation.story
    meta = story.meta
    lang = translation.language
    url = request.build_absolute_uri(translation.get_absolute_url())
    publisher = {"@type": "Organization", "name": settings.PATRIKA_PUBLISHER_NAME}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": translation.title[:110],
        "inLanguage": lang,
        "datePublished": story.published_at.isoformat() if story.published_at else None,
        "dateModified": _modified(translation).isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": a["name"],
                "url": request.build_absolute_uri(f"/{lang}/author/{a['slug']}/"),
            }
            for a in meta["authors"]
        ]
        or [publisher],
        "publisher": publisher,
        "description": translation.description,
        "keywords": [baked_name(tag, lang) for tag in meta["tags"]],
    }
    if meta["section"]:
        data["articleSection"] = baked_name(meta["section"], lang)
    image_url = public_url_or_empty((meta["image"] or {}).get("url"), allow_local=True)
    if image_url:
        data["image"] = [request.build_absolute_uri(image_url)]
    if meta["sources"]:
        data["isBasedOn"] = [_based_on(s) for s in meta["sources"]]
    if comment_count is not None:
        data["commentCount"] = comment_count
    return to_script_json(data)
