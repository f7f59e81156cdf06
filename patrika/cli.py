"""The `patrika` command: a thin layer over Django's management commands.

`patrika` alone serves the site; `patrika demo` migrates, loads demo content, creates an admin
and serves; anything else (`patrika import text FILE`, `patrika reindex`, `patrika migrate`) is
passed to the management command of that name.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "patrika.settings")
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["serve"]
    from django.core.management import execute_from_command_line

    execute_from_command_line(["patrika", *args])


if __name__ == "__main__":
    main()
