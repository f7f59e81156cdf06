"""Take a backup of a running site into a new folder, and restore one into an empty site.

A backup folder holds `manifest.json`, the database copy (`database.sqlite3` or
`database.pgdump`; users, stories, comments, everything) and `media/`. It is written under a
`.partial` name and renamed when complete, so an interrupted backup never looks like one.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from patrika.comments.models import Comment
from patrika.newsroom.models import Story

from .databases import BackupError, database_for

FORMAT = 1
MANIFEST = "manifest.json"


@dataclass
class Manifest:
    format: int
    vendor: str
    database: str
    started_at: str
    finished_at: str
    media_files: int
    database_bytes: int


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def backup_create(*, dest: Path) -> Manifest:
    """Copy the database, then the media (so every file a copied row names is there)."""
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"{dest} exists and is not empty.")
    partial = dest.with_name(dest.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    database = database_for()
    started = timezone.now()
    database.dump(to=partial / database.filename)
    media = partial / "media"
    if _media_root().is_dir():
        shutil.copytree(_media_root(), media)
    else:
        media.mkdir()
    manifest = Manifest(
        format=FORMAT,
        vendor=database.vendor,
        database=database.filename,
        started_at=started.isoformat(),
        finished_at=timezone.now().isoformat(),
        media_files=sum(1 for p in media.rglob("*") if p.is_file()),
        database_bytes=(partial / database.filename).stat().st_size,
    )
    (partial / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2) + "\n")
    if dest.exists():
        dest.rmdir()
    partial.rename(dest)
    return manifest


def backup_read(*, src: Path) -> Manifest:
    try:
        data = json.loads((src / MANIFEST).read_text())
        manifest = Manifest(**data)
    except (OSError, ValueError, TypeError) as error:
        raise BackupError(f"{src} is not a Patrika backup ({error}).") from None
    if manifest.format != FORMAT:
        raise BackupError(f"Backup format {manifest.format} is not known to this version.")
    return manifest


def installation_is_empty() -> bool:
    """No story, comment or user yet (a fresh `migrate` counts as empty)."""
    tables = set(connection.introspection.table_names())
    return not any(
        model._meta.db_table in tables and model._default_manager.exists()
        for model in (Story, Comment, get_user_model())
    )


def backup_restore(*, src: Path, force: bool = False) -> Manifest:
    """Bring a backup into this installation, then migrate it to this version's schema."""
    manifest = backup_read(src=src)
    database = database_for()
    if manifest.vendor != database.vendor:
        raise BackupError(
            f"This backup is of a {manifest.vendor} database; this site uses {database.vendor}."
        )
    if not force and not installation_is_empty():
        raise BackupError("This installation has content; restore only into an empty one.")
    database.load(src=src / manifest.database)
    if (src / "media").is_dir():
        shutil.copytree(src / "media", _media_root(), dirs_exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    return manifest
