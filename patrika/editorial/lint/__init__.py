"""The newsroom linter: rules named in `settings.PATRIKA_LINT_RULES`, run over a `Document`.

    from patrika.editorial.lint import lint_document
    findings = lint_document(document)

A newsroom adds a rule by writing a `Rule` subclass (see `base.py`) and adding its dotted
path to the setting. This module imports no importer or model, so the importers can use the
rules without an import cycle.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import ERROR, INFO, LEVELS, WARNING, Document, Finding, Rule, Text

__all__ = [
    "ERROR",
    "INFO",
    "LEVELS",
    "WARNING",
    "Document",
    "Finding",
    "Rule",
    "Text",
    "get_rules",
    "lint_document",
]


@cache
def _rules(paths: tuple[str, ...]) -> tuple[Rule, ...]:
    return tuple(import_string(path)() for path in paths)


def get_rules() -> tuple[Rule, ...]:
    return _rules(tuple(settings.PATRIKA_LINT_RULES))


_ORDER = {level: i for i, level in enumerate(LEVELS)}


def lint_document(document: Document, *, only: Collection[str] | None = None) -> list[Finding]:
    """Every finding of the configured rules (or of the rules whose ids are in `only`), in the
    order of translation, paragraph and level."""
    findings: list[Finding] = []
    for rule in get_rules():
        if only is not None and rule.id not in only:
            continue
        for finding in rule.check(document):
            findings.append(replace(finding, story=document.story))
    languages = {text.language: i for i, text in enumerate(document.texts)}
    findings.sort(
        key=lambda f: (
            languages.get(f.language, len(languages)),
            -1 if f.paragraph is None else f.paragraph,
            _ORDER.get(f.level, len(_ORDER)),
            f.start or 0,
        )
    )
    return findings
