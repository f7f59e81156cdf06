"""Lift a login lock: `patrika unlock --user NAME` and/or `--ip ADDRESS`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from patrika.accounts.services import login_unlock


class Command(BaseCommand):
    help = "Forget the failed logins of an account and/or an address, lifting their lock."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", help="the username that is locked out")
        parser.add_argument("--ip", help="the address that is locked out")

    def handle(self, *args: Any, user: str | None, ip: str | None, **options: Any) -> None:
        if user is None and ip is None:
            raise CommandError("Give --user NAME, --ip ADDRESS, or both.")
        try:
            removed = login_unlock(username=user, ip_address=ip)
        except ValueError as error:
            raise CommandError(f"Not an IP address: {ip}") from error
        self.stdout.write(
            self.style.SUCCESS(f"Unlocked: {removed} failed-attempt record(s) removed.")
        )
