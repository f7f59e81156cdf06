"""Importers by name. A new kind of source is one more entry (or a PATRIKA_IMPORTERS setting)."""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from .base import BaseImporter

IMPORTERS: dict[str, str] = {
    "text": "patrika.importers.text.TextImporter",
    "wordpress": "patrika.importers.wordpress.WordPressImporter",
    "html": "patrika.importers.html.HtmlImporter",
    "json": "patrika.importers.jsonfmt.JsonImporter",
}


def importers() -> dict[str, str]:
    return {**IMPORTERS, **getattr(settings, "PATRIKA_IMPORTERS", {})}


def get_importer_class(name: str) -> type[BaseImporter]:
    return import_string(importers()[name])
