"""`patrika import KIND PATH…`: bring stories in from text dumps, WordPress, HTML pages or a
Patrika JSON export. The work is done by patrika.importers.runner."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from patrika import languages
from patrika.importers.base import ImportOptions, ImportResult
from patrika.importers.registry import importers
from patrika.importers.runner import run_import


class Command(BaseCommand):
    help = "Import stories: text dumps, WordPress (WXR), saved HTML pages or a Patrika JSON export."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(importers()), help="what the files are")
        parser.add_argument("paths", nargs="+", type=Path, help="files (or folders of files)")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen, change nothing"
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish text dumps and HTML pages (they come in as drafts otherwise)",
        )
        parser.add_argument(
            "--update-foreign",
            action="store_true",
            help="also update stories this import did not create or that were edited since",
        )
        parser.add_argument(
            "--uploads", type=Path, help="local copy of wp-content/uploads: copy images from it"
        )
        parser.add_argument(
            "--language",
            choices=languages.codes(),
            default="",
            help="store text in a language this site does not publish, or whose source does not "
            "say its language, under this language",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        import_options = ImportOptions(
            dry_run=options["dry_run"],
            publish=options["publish"],
            update_foreign=options["update_foreign"],
            uploads=options["uploads"],
            language=options["language"],
        )
        if import_options.uploads and not import_options.uploads.is_dir():
            raise CommandError(f"--uploads {import_options.uploads}: not a folder")
        show = not options["no_progress"] and sys.stderr.isatty()
        progress = Progress(
            TextColumn(f"importing {options['kind']}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            disable=not show,
            transient=True,
        )
        with progress:
            task = progress.add_task("import", total=None)
            result = run_import(
                kind=options["kind"],
                paths=options["paths"],
                options=import_options,
                on_total=lambda total: progress.update(task, total=total),
                on_advance=lambda n: progress.advance(task, n),
            )
        self.stdout.write(render_summary(result, dry_run=import_options.dry_run))
        if result.failed:
            raise CommandError(f"{result.failed} failed (see above)")
        if result.nothing_importable:
            reasons = "; ".join(
                f"{reason} ({count}×)" for reason, count in result.skip_reasons.most_common(3)
            )
            raise CommandError(
                f"Nothing was imported: none of the {result.skipped} items read is a post or "
                f"page Patrika imports ({reasons}). Is this the right file, exported from "
                "WordPress with Tools → Export → All content?"
            )


def render_summary(result: ImportResult, *, dry_run: bool) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, color_system=None)
    title = "Dry run: nothing was changed" if dry_run else "Import summary"
    table = Table(title=title, show_header=True)
    for column in ("created", "updated", "skipped", "failed"):
        table.add_column(column, justify="right")
    table.add_row(str(result.created), str(result.updated), str(result.skipped), str(result.failed))
    console.print(table)
    details = result.summary().splitlines()[1:]
    for line in details:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    return buffer.getvalue().rstrip("\n")
