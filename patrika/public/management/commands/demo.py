from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.urls import reverse

from patrika.catalogs import compile_catalogs


class Command(BaseCommand):
    help = "Migrate, load the demo stories, create an admin, print its credentials and serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="set up only")
        parser.add_argument("--host", default=settings.PATRIKA_HOST)
        parser.add_argument("--port", type=int, default=settings.PATRIKA_PORT)

    def handle(self, *args, no_serve: bool, host: str, port: int, **options) -> None:
        compile_catalogs()  # serve does it too; the set-up messages below are translated
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo")
        call_command("createadmin", keep=True)
        self.stdout.write(f"Admin site: http://{host}:{port}{reverse('admin:index')}")
        if not no_serve:
            call_command("serve", host=host, port=port)
