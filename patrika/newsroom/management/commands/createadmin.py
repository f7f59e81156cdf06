import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from patrika.settings import VAR_DIR


class Command(BaseCommand):
    help = "Create (or reset) an admin user and print its credentials."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--keep", action="store_true", help="keep an existing admin's password (demo reruns)"
        )

    def handle(self, *args, username: str, keep: bool, **options) -> None:
        users = get_user_model()
        saved = VAR_DIR / f"{username}.password"
        user = users.objects.filter(username=username).first()
        if user and keep and saved.exists():
            password = saved.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            user = user or users(username=username, email="")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            saved.write_text(password)
            saved.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Admin: {username} / {password}"))
