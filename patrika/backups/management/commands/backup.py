"""`patrika backup DEST`: a consistent copy of the running site (database and media)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from patrika.backups.databases import BackupError
from patrika.backups.services import backup_create


class Command(BaseCommand):
    help = "Back up the database (users included) and media into a new folder, while serving."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dest", type=Path, help="a folder that does not exist yet")

    def handle(self, *args: Any, dest: Path, **options: Any) -> None:
        try:
            manifest = backup_create(dest=dest)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up to {dest}: {manifest.vendor} database "
                f"({manifest.database_bytes:,} bytes), {manifest.media_files} media files."
            )
        )
