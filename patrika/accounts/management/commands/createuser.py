"""`patrika createuser NAME --role contributor|editor|admin`: a staff account in one role."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from patrika.accounts.roles import ROLES
from patrika.accounts.services import user_create


class Command(BaseCommand):
    help = "Create a staff account in a role (or move one to it) and print its new password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=list(ROLES))
        parser.add_argument("--email", default="")

    def handle(self, *args: Any, username: str, role: str, email: str, **options: Any) -> None:
        user, password = user_create(username=username, role=role, email=email)
        self.stdout.write(self.style.SUCCESS(f"{role}: {user.username} / {password}"))
