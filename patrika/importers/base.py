"""What every importer shares: options, the result/summary, errors that name the file and the
item, and the one place a story is written (an atomic upsert keyed by `import_source`)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.db import transaction

from patrika.comments.models import Comment
from patrika.newsroom import services
from patrika.newsroom.models import Story, Translation, TranslationState
from patrika.newsroom.services import StoryData, TranslationData
from patrika.safe_url import MAX_LENGTH, validate_public_url
from patrika.text import describe_character, slugify, text_key, unstorable

from .models import ImportRecord

CREATED, UPDATED, SKIPPED, FAILED = "created", "updated", "skipped", "failed"


@dataclass
class ImportOptions:
    dry_run: bool = False
    # Text dumps and HTML pages carry no status: they come in as drafts unless this is set.
    publish: bool = False
    # Allow updating stories this import did not create (matched by title, or edited locally).
    update_foreign: bool = False
    # A local copy of wp-content/uploads: featured images are copied from it.
    uploads: Path | None = None
    # Store text whose language the source does not say (or says is one the site does not
    # publish) under this configured language instead of refusing it.
    language: str = ""


class ImportFileError(Exception):
    """The whole file cannot be read (malformed XML, wrong encoding, refused entities)."""

    def __init__(self, message: str, *, file: Path | str, line: int | None = None) -> None:
        self.file, self.line, self.message = str(file), line, message
        where = f"{file}, line {line}" if line else str(file)
        super().__init__(f"{where}: {message}")


class ItemError(Exception):
    """One item cannot be imported; the others go on."""


@dataclass
class Event:
    action: str
    where: str
    reason: str = ""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    story_ids: list[int] = field(default_factory=list)
    # Skips of the same kind (10,000 revisions) are counted, not listed one by one.
    skip_reasons: Counter[str] = field(default_factory=Counter)
    # Skipped because Patrika does not import such items (as opposed to: already imported).
    not_importable: int = 0

    def add(
        self,
        action: str,
        where: str,
        reason: str = "",
        story: Story | None = None,
        *,
        importable: bool = True,
    ) -> None:
        setattr(self, action, getattr(self, action) + 1)
        if action == SKIPPED:
            self.not_importable += not importable
            self.skip_reasons[reason] += 1
            if self.skip_reasons[reason] > 5:
                return
        if action in (SKIPPED, FAILED) or reason:
            self.events.append(Event(action, where, reason))
        if story is not None and story.pk:
            self.story_ids.append(story.pk)

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")

    def file_error(self, error: ImportFileError) -> None:
        self.failed += 1
        self.events.append(Event(FAILED, error.file, str(error)))

    @property
    def nothing_importable(self) -> bool:
        """Every item read was of a kind Patrika does not import: most likely the wrong file."""
        return (
            self.created == self.updated == self.failed == 0
            and self.skipped > 0
            and self.not_importable == self.skipped
        )

    @property
    def failures(self) -> list[Event]:
        return [e for e in self.events if e.action == FAILED]

    def summary(self) -> str:
        lines = [
            f"created {self.created}, updated {self.updated}, skipped {self.skipped}, "
            f"failed {self.failed}"
        ]
        for event in self.events:
            if event.action == FAILED:
                lines.append(f"  failed  {event.where}: {event.reason}")
        for reason, count in self.skip_reasons.most_common():
            lines.append(f"  skipped {count} × {reason}")
        for warning in self.warnings:
            lines.append(f"  warning {warning}")
        return "\n".join(lines)


Progress = Callable[..., None]


class Importer(Protocol):
    """An importer reads one kind of file. Registered by name in `patrika.importers.IMPORTERS`."""

    name: str

    def __init__(self, *, options: ImportOptions, result: ImportResult) -> None: ...

    def expand(self, paths: Iterable[Path]) -> list[Path]:
        """The files to read (a folder becomes the files in it)."""
        ...

    def estimate(self, path: Path) -> int | None:
        """How many items `path` holds, for the progress bar (None: unknown)."""
        ...

    def import_file(self, path: Path, *, advance: Progress) -> None:
        """Import every item of `path`, recording each outcome in the result."""
        ...


class BaseImporter:
    name = "base"
    suffixes: tuple[str, ...] = ()

    def __init__(self, *, options: ImportOptions, result: ImportResult) -> None:
        self.options = options
        self.result = result

    def expand(self, paths: Iterable[Path]) -> list[Path]:
        files: list[Path] = []
        for path in paths:
            if path.is_dir():
                files.extend(
                    p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in self.suffixes
                )
            else:
                files.append(path)
        return files

    def estimate(self, path: Path) -> int | None:
        return 1

    def import_file(self, path: Path, *, advance: Progress) -> None:  # pragma: no cover
        raise NotImplementedError


def public_url_or_warn(
    url: Any, *, result: ImportResult, where: str, what: str, max_length: int = MAX_LENGTH
) -> str:
    """`url`, trimmed, if it is a public http(s) URL (patrika.safe_url); else "" and a warning
    naming `where` and `what`, so the item is imported without the link and nothing else lost."""
    value = str(url or "").strip()
    if not value:
        return ""
    try:
        validate_public_url(value, max_length=max_length)
    except ValidationError as error:
        shown = value if len(value) <= 80 else value[:80] + "…"
        result.warn(where, f"{what}: URL {shown!r} refused ({' '.join(error.messages)})")
        return ""
    return value


class CommitEvery:
    """Commit every `size` items rather than after each one: a long import spends its time on
    stories, not on transactions. Each item still has its own savepoint (story_upsert), so what
    is committed is always whole items, even when the run stops half-way."""

    def __init__(self, size: int = 200) -> None:
        self.size = size
        self.count = 0
        self._atomic: Any = None
        self._batched: Any = None

    def _open(self) -> None:
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        # Search indexes each committed batch in one go rather than story by story.
        self._batched = services.stories_batched()
        self._batched.__enter__()

    def _close(self) -> None:
        self._batched.__exit__(None, None, None)
        self._atomic.__exit__(None, None, None)

    def __enter__(self) -> CommitEvery:
        self._open()
        return self

    def tick(self) -> None:
        self.count += 1
        if self.count % self.size == 0:
            self._close()
            self._open()

    def __exit__(self, *exc: object) -> None:
        # Whole items only were written (each in its own savepoint): keep them.
        self._close()


def checksum(*parts: Any) -> str:
    """A stable hash of what an item was parsed into (plain data: str, dict, list, dates)."""
    raw = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    # A lone surrogate (from a JSON "\\ud800") must not stop the hashing: the item is refused
    # later with a message that names it.
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


# A story counts as edited in Patrika when it was saved this long after its last import.
_EDIT_GRACE = timedelta(seconds=2)


def story_upsert(
    *,
    key: str,
    importer: str,
    where: str,
    digest: str,
    build: Callable[[Story | None], StoryData],
    result: ImportResult,
    options: ImportOptions,
    find_foreign: Callable[[], Story | None] | None = None,
    after_save: Callable[[Story, bool], None] | None = None,
) -> Story | None:
    """Create or update the story imported under `key`, all or nothing.

    `build` turns the item into StoryData (it may create sections or images: that happens inside
    the same transaction, so a failure leaves nothing behind). A story this import did not
    create, or one edited in Patrika since, is left alone unless `options.update_foreign`.
    """
    try:
        # A failed item leaves neither rows nor the picture files it copied.
        with services.image_files_undone_on_error(), transaction.atomic():
            record = ImportRecord.objects.select_related("story").filter(key=key).first()
            story = record.story if record else None
            action = UPDATED if story else CREATED
            if story is None:
                # Only stories with an import record are this import's own. One that merely
                # carries the key (the demo loader, a hand-made story, a restored backup on the
                # site it came from) or matches by title belongs to someone else.
                foreign = Story.objects.filter(import_source=key).first()
                if foreign is None and find_foreign is not None:
                    foreign = find_foreign()
                if foreign is not None:
                    if not options.update_foreign:
                        result.add(
                            SKIPPED,
                            where,
                            "a matching story exists that this import did not create "
                            "(--update-foreign to update it)",
                        )
                        return None
                    story, action = foreign, UPDATED
            if record is not None and story is not None:
                if record.checksum == digest:
                    result.add(SKIPPED, where, "unchanged since the last import")
                    return story
                edited = story.updated_at > record.imported_at + _EDIT_GRACE
                if edited and not options.update_foreign:
                    result.add(
                        SKIPPED,
                        where,
                        "edited in Patrika since the last import (--update-foreign to overwrite)",
                    )
                    return story
            data = build(story)
            data.import_source = key
            story = services.story_save(data=data, story=story)
            if after_save is not None:
                after_save(story, action == CREATED)
            if record is None:
                ImportRecord.objects.create(
                    key=key, story=story, importer=importer, checksum=digest
                )
            else:
                record.story, record.checksum = story, digest
                record.save(update_fields=["story", "checksum", "imported_at"])
    except ItemError as error:
        result.add(FAILED, where, str(error))
        return None
    except ValidationError as error:
        result.add(FAILED, where, " ".join(error.messages))
        return None
    except Exception as error:
        result.add(FAILED, where, f"{type(error).__name__}: {error}")
        return None
    result.add(action, where, story=story)
    return story


def story_find_by_title(*, language: str, title: str) -> Story | None:
    """A story with a `language` translation titled `title`, compared by `text_key` (composed
    or not, joiners, case). Titles alike share a slug base, so only those few are compared."""
    if unstorable(title):
        return None  # no stored title can hold it (and the database cannot be asked)
    rows = Translation.objects.filter(language=language).select_related("story")
    match = rows.filter(title=title).first()
    if match is None and (base := slugify(title)):
        key = text_key(title)
        candidates = rows.filter(slug=base) | rows.filter(slug__startswith=f"{base}-")
        match = next((t for t in candidates if text_key(t.title) == key), None)
    return match.story if match else None


def free_slugs(translations: list[TranslationData], existing: Story | None) -> None:
    """Keep each WordPress slug unless another story has it (one query for all languages)."""
    wanted = [t for t in translations if t.slug]
    if not wanted:
        return
    taken = Translation.objects.filter(slug__in={t.slug for t in wanted})
    if existing is not None:
        taken = taken.exclude(story=existing)
    wanted_pairs = {(t.language, t.slug) for t in wanted}
    for language, slug in taken.values_list("language", "slug"):
        if (language, slug) not in wanted_pairs:
            continue
        for t in wanted:
            if t.language == language:
                t.slug = services.unique_translation_slug(
                    language=language,
                    title=t.slug,
                    exclude_pk=existing.translations.filter(language=language)
                    .values_list("pk", flat=True)
                    .first()
                    if existing
                    else None,
                )


def comments_upsert(
    *,
    rows: list[tuple[str, Comment, str | None]],
    fresh: bool,
    fields: list[str],
    keep_if_blank: Iterable[str] = (),
) -> list[str]:
    """Create or update comments, keeping the source's threading.

    `rows` are (id in the source, comment, parent's id in the source or None). New comments are
    inserted in waves, parents before replies, so each gets its parent at once (no second pass
    of UPDATEs). Fields in `keep_if_blank` are not overwritten by an empty value (a public
    export carries no emails: re-importing it must not erase them). Returns the ids of comments
    whose parent is not in the source (they become top-level comments). `fresh`: the story was
    just created, so none of its comments can exist yet (no lookup).
    """
    for ident, comment, _parent in rows:
        for name in fields:
            value = getattr(comment, name)
            if isinstance(value, str) and (found := unstorable(value)):
                raise ItemError(
                    f"comment {ident}: {name} contains {describe_character(found[1])} at "
                    f"character {found[0] + 1}, which cannot be stored"
                )
    existing: dict[str, Comment] = {}
    if not fresh:
        keys = [comment.import_source for _ident, comment, _parent in rows]
        existing = {c.import_source: c for c in Comment.objects.filter(import_source__in=keys)}
    keep_if_blank = set(keep_if_blank)
    known = {ident for ident, _c, _p in rows}
    by_id: dict[str, Comment] = {}
    new_rows: list[tuple[str, Comment, str | None]] = []
    old_rows: list[tuple[str, Comment, str | None]] = []
    changed: dict[int, Comment] = {}
    for ident, comment, parent in rows:
        old = existing.get(comment.import_source)
        if old is None:
            new_rows.append((ident, comment, parent))
            continue
        for name in fields:
            value = getattr(comment, name)
            if name in keep_if_blank and not value:
                continue
            if getattr(old, name) != value:
                setattr(old, name, value)
                changed[old.pk] = old
        by_id[ident] = old
        old_rows.append((ident, old, parent))
    orphans = [ident for ident, _c, parent in rows if parent and parent not in known]
    pending = new_rows
    while pending:
        wave, later = [], []
        for row in pending:
            _ident, comment, parent = row
            if not parent or parent not in known:
                comment.parent_id = None
                wave.append(row)
            elif parent in by_id:
                comment.parent_id = by_id[parent].pk
                wave.append(row)
            else:
                later.append(row)
        if not wave:  # replies whose parents reply to them: break the loop
            for _ident, comment, _parent in later:
                comment.parent_id = None
            wave, later = later, []
        Comment.objects.bulk_create([comment for _i, comment, _p in wave])
        by_id.update((ident, comment) for ident, comment, _p in wave)
        pending = later
    for _ident, old, parent in old_rows:
        parent_id = by_id[parent].pk if parent and parent in by_id else None
        if old.parent_id != parent_id:
            old.parent_id = parent_id
            changed[old.pk] = old
    if changed:
        Comment.objects.bulk_update(list(changed.values()), [*fields, "parent"])
    return orphans


def translation_states_set(*, story: Story, states: Mapping[str, str]) -> None:
    """Give translations the states the source had (story_save makes them all ready)."""
    changed = 0
    for language, state in states.items():
        if state in TranslationState.values and state != TranslationState.READY:
            changed += (
                story.translations.filter(language=language)
                .exclude(state=state)
                .update(state=state)
            )
    if changed:
        # Baked page data lists only ready translations: bake again and tell listeners.
        services.story_touch(story=story)
