"""`patrika restore SRC`: bring a backup into an empty installation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from patrika.backups.databases import BackupError
from patrika.backups.services import backup_restore


class Command(BaseCommand):
    help = "Restore a backup made by `patrika backup` into this (empty) installation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("src", type=Path, help="the backup folder")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace this installation's database even though it has content",
        )

    def handle(self, *args: Any, src: Path, force: bool, **options: Any) -> None:
        try:
            manifest = backup_restore(src=src, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest.started_at} "
                f"({manifest.media_files} media files) and migrated it."
            )
        )
