"""Run an importer over files: the logic behind `patrika import` (the command only parses flags
and draws the progress bar)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from django.db import transaction

from .base import ImportFileError, ImportOptions, ImportResult
from .registry import get_importer_class


def run_import(
    *,
    kind: str,
    paths: list[Path],
    options: ImportOptions,
    on_total: Callable[[int | None], None] | None = None,
    on_advance: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import `paths` with the importer named `kind`. A dry run does everything, then rolls
    back, so its report is exactly what a real run would do."""
    result = ImportResult()
    importer = get_importer_class(kind)(options=options, result=result)
    files = importer.expand(paths)

    def advance(n: int = 1) -> None:
        if on_advance:
            on_advance(n)

    with transaction.atomic() if options.dry_run else nullcontext():
        readable: list[Path] = []
        estimates: list[int | None] = []
        for path in files:
            try:
                if not path.is_file():
                    raise ImportFileError("no such file", file=path)
                # For WXR this is the first, checking pass: a malformed file fails here, before
                # anything of it is written.
                estimates.append(importer.estimate(path))
                readable.append(path)
            except ImportFileError as error:
                result.file_error(error)
        if on_total:
            on_total(None if None in estimates else sum(e or 0 for e in estimates))
        for path in readable:
            try:
                importer.import_file(path, advance=advance)
            except ImportFileError as error:
                result.file_error(error)
        if options.dry_run:
            transaction.set_rollback(True)
    return result
