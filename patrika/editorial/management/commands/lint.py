"""`patrika lint [STORY…] [--format text|json] [--text FILE…]`: the linter's findings for
stories in the database (all of them when none is named) or for plain-text dumps, which are
read with the importer's parser and never saved. Exit status 1 when any finding is an error.
Messages follow the editor's language: LANGUAGE / LC_ALL / LC_MESSAGES / LANG, when it is
one of the site's languages."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from patrika.editorial.lint import ERROR, Finding, lint_document
from patrika.editorial.lint.documents import document_from_dump, document_from_story
from patrika.importers.text import decode_text
from patrika.newsroom.models import Story


def editor_language() -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in os.environ.get(variable, "").split(":"):
            code = value.split(".")[0].split("_")[0].lower()
            if code in codes:
                return code
    return settings.LANGUAGE_CODE


class Command(BaseCommand):
    help = "Check stories with the newsroom linter."
    leave_locale_alone = True

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("stories", nargs="*", type=int, metavar="STORY", help="story ids")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--text", nargs="+", default=[], metavar="FILE", help="plain-text dumps to check"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(editor_language()):
            findings = self._findings(options["stories"], options["text"])
            if options["format"] == "json":
                self.stdout.write(
                    json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2)
                )
            else:
                for finding in findings:
                    self.stdout.write(_line(finding))
                errors = sum(1 for f in findings if f.level == ERROR)
                self.stdout.write(
                    translation.ngettext(
                        "%(count)d finding, %(errors)d error",
                        "%(count)d findings, %(errors)d errors",
                        len(findings),
                    )
                    % {"count": len(findings), "errors": errors}
                )
        if any(f.level == ERROR for f in findings):
            sys.exit(1)

    def _findings(self, ids: list[int], files: list[str]) -> list[Finding]:
        findings: list[Finding] = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: no such file")
            document = document_from_dump(decode_text(path.read_bytes(), path=path), name=name)
            findings.extend(lint_document(document))
        if ids or not files:
            stories = Story.objects.prefetch_related("translations", "sources").order_by("pk")
            if ids:
                stories = stories.filter(pk__in=ids)
                missing = sorted(set(ids) - {s.pk for s in stories})
                if missing:
                    raise CommandError(f"no story with id {', '.join(map(str, missing))}")
            for story in stories:
                findings.extend(lint_document(document_from_story(story)))
        return findings


def _line(finding: Finding) -> str:
    if finding.paragraph is None:
        place = translation.gettext("title")
    else:
        place = translation.gettext("paragraph %(number)d") % {"number": finding.paragraph + 1}
    return (
        f"{finding.story} {finding.language} {place}: {finding.level} [{finding.rule}] "
        f"{finding.message} — “{finding.excerpt}”"
    )
