from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from patrika import languages
from patrika.newsroom import selectors


def site(request: HttpRequest) -> dict:
    lang = get_language() or settings.LANGUAGE_CODE
    return {
        "site_name": settings.PATRIKA_SITE_NAME,
        "ui_language": languages.get(lang),
        "content_languages": [languages.get(code) for code in languages.codes()],
        # Read only by pages that show the menu (not the admin, not feeds).
        "section_menu": SimpleLazyObject(lambda: selectors.section_menu(lang=lang)),
    }
