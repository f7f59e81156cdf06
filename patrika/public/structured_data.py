"""schema.org JSON-LD for story pages. Only public fields go in: never an email address."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

# The same escapes as django.utils.html.json_script: the JSON cannot close its <script>.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def to_script_json(data: dict[str, Any]) -> SafeString:
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))


def news_article(
    request: HttpRequest, *, translation, comment_count: int | None = None
) -> SafeString:
    story = translation.story
    url = request.build_absolute_uri(translation.get_absolute_url())
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": translation.title[:110],
        "inLanguage": translation.language,
        "datePublished": story.published_at.isoformat() if story.published_at else None,
        "dateModified": max(story.updated_at, translation.updated_at).isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": a.name,
                "url": request.build_absolute_uri(f"/{translation.language}/author/{a.slug}/"),
            }
            for a in story.authors.all()
        ]
        or [{"@type": "Organization", "name": settings.PATRIKA_PUBLISHER_NAME}],
        "publisher": {"@type": "Organization", "name": settings.PATRIKA_PUBLISHER_NAME},
        "description": translation.description,
        "keywords": [tag.name for tag in story.tags.all()],
    }
    if story.section:
        data["articleSection"] = story.section.name_for(translation.language)
    if story.featured_image:
        data["image"] = [request.build_absolute_uri(story.featured_image.url)]
    sources = list(story.sources.all())
    if sources:
        data["isBasedOn"] = [
            {
                "@type": "CreativeWork",
                "name": s.title,
                **({"url": s.url} if s.url else {}),
                **(
                    {"publisher": {"@type": "Organization", "name": s.publisher}}
                    if s.publisher
                    else {}
                ),
            }
            for s in sources
        ]
    if comment_count is not None:
        data["commentCount"] = comment_count
    return to_script_json(data)
