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
        existing = [f for f in files if f.is_file()]
        for missing in (f for f in files if not f.is_file()):
            result.file_error(ImportFileError("no such file", file=missing))
        if on_total:
            estimates = [importer.estimate(f) for f in existing]
            on_total(None if None in estimates else sum(e or 0 for e in estimates))
        for path in existing:
            try:
                importer.import_file(path, advance=advance)
            except ImportFileError as error:
                result.file_error(error)
        if options.dry_run:
            transaction.set_rollback(True)
    return result
