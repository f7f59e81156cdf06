"""`patrika export`: the whole archive as Patrika JSON or WordPress WXR (see
docs/importing.md). The writing is done by patrika.importers.export."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from patrika.importers.export import EXPORTERS
from patrika.newsroom.models import Story


class Command(BaseCommand):
    help = "Export every story, translation, comment and media reference (JSON or WXR)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=sorted(EXPORTERS), default="json")
        parser.add_argument(
            "-o", "--output", type=Path, help="file to write (default: standard output)"
        )
        parser.add_argument(
            "--include-emails",
            action="store_true",
            help="private backup: also write commenters' and authors' emails and IP addresses",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        exporter = EXPORTERS[options["format"]]
        output: Path | None = options["output"]
        show = bool(output) and not options["no_progress"] and sys.stderr.isatty()
        progress = Progress(
            TextColumn(f"exporting {options['format']}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            disable=not show,
            transient=True,
        )
        with progress:
            task = progress.add_task("export", total=Story.objects.count())
            advance = lambda: progress.advance(task)  # noqa: E731
            if output is None:
                try:
                    exporter(
                        out=sys.stdout, include_private=options["include_emails"], advance=advance
                    )
                    sys.stdout.flush()
                except BrokenPipeError:
                    # `patrika export | head`: the reader has gone, which is not an error.
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return
            try:
                partial = output.with_name(output.name + ".partial")
                with partial.open("w", encoding="utf-8") as stream:
                    count = exporter(
                        out=stream, include_private=options["include_emails"], advance=advance
                    )
                # Written under another name and renamed: a failed export never leaves a
                # half file where a good one is expected.
                partial.replace(output)
            except OSError as error:
                raise CommandError(f"{output}: {error.strerror}") from None
        private = " with emails (private backup: keep it safe)" if options["include_emails"] else ""
        self.stderr.write(f"exported {count} stories to {output}{private}")
