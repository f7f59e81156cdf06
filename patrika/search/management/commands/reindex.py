from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from patrika.search import services
from patrika.search.models import SearchEntry


class Command(BaseCommand):
    help = "Rebuild the search index from the live stories."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args: Any, batch_size: int, **options: Any) -> None:
        total = services.search_story_count()
        columns = (
            TextColumn("Indexing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, disable=options["verbosity"] == 0) as progress:
            task = progress.add_task("stories", total=total)
            for done in services.search_rebuild(batch_size=batch_size):
                progress.advance(task, done)
        count = SearchEntry.objects.count()
        self.stdout.write(f"Search index rebuilt: {total} stories, {count} translations.")
