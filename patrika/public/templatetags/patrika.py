"""Filters for reading baked story data (`Story.meta`) in templates, and for rendering the URLs
it holds (which came from outside: only public http(s) URLs become links)."""

from __future__ import annotations

from typing import Any

from django import template

from patrika import languages
from patrika.safe_url import public_url_or_empty

register = template.Library()


@register.filter
def in_language(story: Any, language: str) -> dict[str, Any] | None:
    """The story's ready translation in `language` (title, url, summary, …), if it has one."""
    return story.meta.get("translations", {}).get(language)


@register.filter
def name_in(section: dict[str, Any] | None, language: str) -> str:
    """A baked section's name in `language`, else in any language, else its slug."""
    if not section:
        return ""
    names = section["names"]
    return names.get(language) or next(iter(names.values()), section["slug"])


@register.filter
def language_name(code: str) -> str:
    return languages.get(code).name


@register.filter
def og_locale(code: str) -> str:
    return languages.get(code).og_locale


@register.filter
def public_url(value: Any) -> str:
    """`value` if it is a public http(s) URL, else "" (test it with `{% if %}`: no link)."""
    return public_url_or_empty(value)


@register.filter
def media_url(value: Any) -> str:
    """Like `public_url`, and a path on this site (a stored image) is accepted too."""
    return public_url_or_empty(value, allow_local=True)
