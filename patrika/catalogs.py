"""Compile the UI-string catalogues (.po → .mo) with Babel, so no binary is committed and no
system gettext is needed."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
# Corrections to Django's own catalogues (month names, a.m./p.m.), kept apart so that
# `makemessages` on Patrika's code never marks them obsolete.
DJANGO_FIXES_DIR = Path(__file__).parent / "locale_django"


def compile_catalogs(*locale_dirs: Path) -> list[Path]:
    """Write each .mo that is missing or older than its .po; returns the ones written."""
    written = []
    po_paths = [
        po_path
        for locale_dir in locale_dirs or (LOCALE_DIR, DJANGO_FIXES_DIR)
        for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))
    ]
    for po_path in po_paths:
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        written.append(mo_path)
    return written
