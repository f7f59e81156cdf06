"""Erase one commenter's personal data (a dry run unless --for-real)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from patrika.comments import selectors, services


class Command(BaseCommand):
    help = (
        "Erase a commenter's name, email, website, IP address and user agent from their "
        "comments (or delete the comments with --delete). Dry run unless --for-real."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True, help="the commenter's email address")
        parser.add_argument(
            "--delete",
            action="store_true",
            help="delete the comments too (replies by others move up a level)",
        )
        parser.add_argument("--for-real", action="store_true", help="without it, only count")

    def handle(self, *args: Any, email: str, delete: bool, for_real: bool, **options: Any) -> None:
        found = selectors.commenter_comments(email=email).count() if email.strip() else 0
        action = "delete" if delete else "anonymise"
        if not for_real:
            self.stdout.write(
                f"Would {action} {found} comment(s) by {email}. Add --for-real to do it."
            )
            return
        done = services.commenter_erase(email=email, delete=delete)
        self.stdout.write(f"{action.capitalize()}d {done} comment(s) by {email}.")
