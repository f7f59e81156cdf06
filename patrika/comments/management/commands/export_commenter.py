"""Print (or write) everything stored about one commenter, as JSON: for access requests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from patrika.comments import services


class Command(BaseCommand):
    help = "Export every comment stored under an email address, as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True, help="the commenter's email address")
        parser.add_argument("--output", help="write to this file instead of standard output")

    def handle(self, *args: Any, email: str, output: str | None, **options: Any) -> None:
        data = services.commenter_export(email=email)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stderr.write(f"{len(data['comments'])} comment(s) written to {output}")
        else:
            self.stdout.write(text, ending="")
