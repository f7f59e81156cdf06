import os
import shutil
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, connections

from patrika.catalogs import compile_catalogs


class Command(BaseCommand):
    help = "Serve Patrika with granian's WSGI server; static files straight from granian."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.PATRIKA_HOST)
        parser.add_argument("--port", type=int, default=settings.PATRIKA_PORT)
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))

    def handle(self, *args, host: str, port: int, workers: int, **options) -> None:
        compile_catalogs()
        call_command("collectstatic", interactive=False, verbosity=0)
        try:
            # Stories a crash left out of search (changed, never indexed): once per start,
            # cheap when there are none.
            call_command("reindex", pending=True)
        except DatabaseError as error:
            self.stderr.write(f"Stories waiting for the search index were not indexed: {error}")
        connections.close_all()  # granian's workers open their own
        granian = shutil.which("granian") or os.path.join(
            os.path.dirname(sys.executable), "granian"
        )
        self.stdout.write(f"Serving on http://{host}:{port}/ (Ctrl-C stops)")
        self.stdout.flush()
        command = [
            granian, "--interface", "wsgi", "--host", host, "--port", str(port),
            "--workers", str(workers),
            # One blocking thread per worker measured faster than granian's defaults for
            # synchronous Django (and keeps one SQLite connection per worker).
            "--blocking-threads", "1", "--no-ws", "--log-level", "warning",
            # Static files without a trip through Python; WhiteNoise stays as the fallback
            # for other servers.
            "--static-path-route", settings.STATIC_URL.rstrip("/"),
            "--static-path-mount", str(settings.STATIC_ROOT),
            "patrika.wsgi:application",
        ]  # fmt: skip
        os.execv(granian, command)
