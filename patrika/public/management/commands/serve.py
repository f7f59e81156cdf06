import os
import shutil
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connections

from patrika.catalogs import compile_catalogs
from patrika.processes import run_together

# The task worker, as documented for servers that run it on its own: every queue, no reloader.
WORKER = [sys.executable, "-m", "patrika.cli", "db_worker", "--queue-name", "*", "--no-reload"]


class Command(BaseCommand):
    help = (
        "Serve Patrika with granian's WSGI server (static files straight from granian) and "
        "run the task worker next to it; Ctrl-C stops both."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.PATRIKA_HOST)
        parser.add_argument("--port", type=int, default=settings.PATRIKA_PORT)
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
        parser.add_argument(
            "--production",
            action="store_true",
            help="the settings docs/deployment.md recommends (PATRIKA_PRODUCTION=1, JSON logs); "
            "refuses to start while `check --deploy` finds a problem",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="serve pages only (the task worker runs elsewhere: patrika db_worker)",
        )

    def handle(
        self,
        *args: object,
        host: str,
        port: int,
        workers: int,
        no_worker: bool,
        production: bool,
        **options: object,
    ) -> None:
        if production:
            self._production()
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
            # A worker that dies is replaced instead of leaving the server with fewer.
            "--respawn-failed-workers",
            # Static files without a trip through Python; WhiteNoise stays as the fallback
            # for other servers.
            "--static-path-route", settings.STATIC_URL.rstrip("/"),
            "--static-path-mount", str(settings.STATIC_ROOT),
            "patrika.wsgi:application",
        ]  # fmt: skip
        status = run_together([command] if no_worker else [command, WORKER])
        if status:
            sys.exit(status)

    def _production(self) -> None:
        # Settings are read from the environment when a process starts: the server and the
        # worker started below are new processes, so they get these.
        os.environ["PATRIKA_PRODUCTION"] = "1"
        os.environ.setdefault("PATRIKA_LOG_FORMAT", "json")
        check = subprocess.run(
            [sys.executable, "-m", "patrika.cli", "check", "--deploy", "--fail-level", "WARNING"],
            check=False,
        )
        if check.returncode:
            raise CommandError("`patrika check --deploy` found problems (above); not serving.")
