from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from patrika.search import services
from patrika.search.models import SearchEntry


class Command(BaseCommand):
    help = "Rebuild the search index from the live stories, then index what waits in the outbox."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument(
            "--pending",
            action="store_true",
            help="only index the stories waiting in the outbox (`patrika serve` does at start-up)",
        )

    def handle(self, *args: Any, batch_size: int, pending: bool, **options: Any) -> None:
        if not pending:
            self.rebuild(batch_size=batch_size, quiet=options["verbosity"] == 0)
        # Changes committed while the rebuild ran may be missing from it: their rows say so.
        done = services.search_index_pending(batch_size=batch_size)
        if done:
            self.stdout.write(f"Indexed the stories waiting in the search outbox: {done}.")

    def rebuild(self, *, batch_size: int, quiet: bool) -> None:
        total = services.search_story_count()
        columns = (
            TextColumn("Indexing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, disable=quiet) as progress:
            task = progress.add_task("stories", total=total)
            for done in services.search_rebuild(batch_size=batch_size):
                progress.advance(task, done)
        count = SearchEntry.objects.count()
        self.stdout.write(f"Search index rebuilt: {total} stories, {count} translations.")
