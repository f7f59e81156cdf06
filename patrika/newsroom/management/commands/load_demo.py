from django.core.management.base import BaseCommand, CommandParser

from patrika.newsroom.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo stories (the sample article and generated ones). Safe to run twice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--generated", type=int, default=40, help="generated stories to add")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, generated: int, seed: int, **options) -> None:
        created, updated = load_demo(generated=generated, seed=seed)
        self.stdout.write(f"Demo content: {created} stories created, {updated} updated.")
