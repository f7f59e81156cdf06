"""`patrika import json`: read back a Patrika JSON export (format in docs/importing.md).

Files written by `patrika export` hold one story per line and are streamed; any other valid
layout of the same document (pretty-printed by a tool) is read whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from patrika import languages
from patrika.comments.models import WEBSITE_MAX_LENGTH, Comment, CommentStatus
from patrika.newsroom import services
from patrika.newsroom.models import Author, Story, StoryStatus, Translation
from patrika.newsroom.services import SourceData, StoryData, TagData, TranslationData
from patrika.text import describe_character, unstorable

from .base import (
    FAILED,
    BaseImporter,
    CommitEvery,
    ImportFileError,
    ItemError,
    checksum,
    comments_upsert,
    free_slugs,
    public_url_or_warn,
    story_upsert,
    translation_states_set,
)
from .export import FORMAT, PRIVATE_COMMENT_FIELDS, VERSION
from .language import language_name
from .media import image_for_url

_OPENING_END = '"stories": ['


def read_export(path: Path) -> tuple[dict[str, Any], Iterator[tuple[int, dict[str, Any]]]]:
    """The header and an iterator of (line, story) of a Patrika JSON export."""
    with path.open(encoding="utf-8") as stream:
        try:
            first = stream.readline()
        except UnicodeDecodeError:
            raise ImportFileError("not UTF-8 JSON", file=path, line=1) from None
    stripped = first.rstrip()
    if stripped.endswith(_OPENING_END):
        try:
            header = json.loads(stripped + "]}")
        except json.JSONDecodeError as error:
            raise ImportFileError(f"not JSON ({error.msg})", file=path, line=1) from None
        _check_header(header, path)
        return header, _stream(path)
    try:
        with path.open(encoding="utf-8") as stream:
            document = json.load(stream)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"not JSON ({error.msg}, column {error.colno})", file=path, line=error.lineno
        ) from None
    except UnicodeDecodeError:
        raise ImportFileError("not UTF-8 JSON", file=path) from None
    if not isinstance(document, dict):
        raise ImportFileError("not a Patrika export (no header object)", file=path, line=1)
    _check_header(document, path)
    stories = document.get("stories")
    if not isinstance(stories, list):
        raise ImportFileError('not a Patrika export (no "stories" list)', file=path)
    return document, ((0, story) for story in stories)


def _check_header(header: dict[str, Any], path: Path) -> None:
    if header.get("format") != FORMAT:
        raise ImportFileError(f'not a Patrika export ("format" is not "{FORMAT}")', file=path)
    if not isinstance(header.get("version"), int) or header["version"] > VERSION:
        raise ImportFileError(
            f"export format version {header.get('version')!r} is newer than this Patrika "
            f"reads ({VERSION})",
            file=path,
        )


def _stream(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as stream:
        stream.readline()
        closed = False
        for number, line in enumerate(stream, start=2):
            text = line.strip()
            if not text:
                continue
            if text == "]}":
                closed = True
                continue
            if closed:
                raise ImportFileError("text after the end of the export", file=path, line=number)
            try:
                yield number, json.loads(text.removesuffix(","))
            except json.JSONDecodeError as error:
                raise ImportFileError(
                    f"not JSON ({error.msg}, column {error.colno})", file=path, line=number
                ) from None
        if not closed:
            raise ImportFileError("the export ends early (no closing ]})", file=path)


# Web addresses have their own, stricter rule (patrika.safe_url): one that breaks it is left
# out with a warning and the rest of the story is imported, so they are not checked here.
_URL_KEYS = frozenset({"url", "source_url", "website"})


def _unstorable_in(value: Any, path: str = "") -> str:
    """Where in a story record a string holds what cannot be stored, and what it is ("" if
    nowhere): checked first, as the record's strings are also used to look stories up."""
    if isinstance(value, str):
        found = unstorable(value)
        if found:
            return (
                f"{path or 'the story'} contains {describe_character(found[1])} at character "
                f"{found[0] + 1}, which cannot be stored"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in _URL_KEYS:
                continue
            if problem := _unstorable_in(item, f"{path}.{key}" if path else str(key)):
                return problem
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if problem := _unstorable_in(item, f"{path}[{index}]"):
                return problem
    return ""


def _date(value: Any, what: str) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise ItemError(f"bad {what} {value!r}") from None


def _tag(value: Any) -> str | TagData:
    """A tag as version 1 wrote it (its name) or as version 2 does (with names per language)."""
    if not isinstance(value, dict):
        return str(value)
    names = value.get("names") or {}
    if not value.get("name") or not isinstance(names, dict):
        raise ItemError(f"unreadable tag {value!r}")
    return TagData(
        name=str(value["name"]), names={str(code): str(name) for code, name in names.items()}
    )


class JsonImporter(BaseImporter):
    name = "json"
    suffixes = (".json",)

    def estimate(self, path: Path) -> int | None:
        with path.open("rb") as stream:
            return max(sum(1 for _ in stream) - 2, 0)

    def import_file(self, path: Path, *, advance: Callable[..., None]) -> None:
        header, stories = read_export(path)
        site = urlparse(str((header.get("site") or {}).get("url", ""))).netloc or path.stem
        with CommitEvery() as batch:
            for line, record in stories:
                advance()
                batch.tick()
                self.import_story(record, path=path, line=line, site=site)

    def import_story(self, record: Any, *, path: Path, line: int, site: str) -> Story | None:
        ident = record.get("id", "?") if isinstance(record, dict) else "?"
        where = f"{path}: story {ident}" + (f" (line {line})" if line else "")
        if not isinstance(record, dict):
            self.result.add(FAILED, where, "not a story object")
            return None
        if problem := _unstorable_in(record):
            self.result.add(FAILED, where, problem)
            return None
        key = record.get("import_source") or f"json:{site}:story:{ident}"

        def build(existing: Story | None) -> StoryData:
            data = self.story_data(record, where=where)
            free_slugs(data.translations, existing)
            return data

        def find_foreign() -> Story | None:
            # The same story on this site (a backup restored where it came from).
            for t in record.get("translations") or []:
                if isinstance(t, dict) and t.get("slug") and t.get("language"):
                    match = Translation.objects.filter(
                        language=t["language"], slug=t["slug"]
                    ).first()
                    if match is not None:
                        return match.story
            return None

        def after_save(story: Story, created: bool) -> None:
            self.after_save(story, record, site=site, where=where, fresh=created)

        return story_upsert(
            key=key,
            importer=self.name,
            where=where,
            digest=checksum(record, str(self.options.uploads or "")),
            build=build,
            result=self.result,
            options=self.options,
            after_save=after_save,
            find_foreign=find_foreign,
        )

    def story_data(self, record: dict[str, Any], *, where: str) -> StoryData:
        translations = record.get("translations")
        if not isinstance(translations, list) or not translations:
            raise ItemError('no "translations"')
        configured = languages.codes()
        data: list[TranslationData] = []
        for t in translations:
            if not isinstance(t, dict) or not t.get("title") or not t.get("language"):
                raise ItemError("a translation has no title or language")
            if t["language"] not in configured:
                raise ItemError(
                    f"a translation is in {language_name(str(t['language']))} "
                    f"({t['language']!r}), which is not one of this site's languages "
                    f"({', '.join(configured)})"
                )
            data.append(
                TranslationData(
                    language=t["language"],
                    title=str(t["title"])[:300],
                    body=str(t.get("body", "")),
                    summary=str(t.get("summary", "")),
                    seo_description=str(t.get("seo_description", ""))[:300],
                    image_alt=str(t.get("image_alt", ""))[:300],
                    image_caption=str(t.get("image_caption", ""))[:500],
                    slug=str(t.get("slug", "")),
                )
            )
        status = record.get("status", StoryStatus.DRAFT)
        if status not in StoryStatus.values:
            raise ItemError(f"unknown status {status!r}")
        section = None
        if isinstance(record.get("section"), dict) and record["section"].get("slug"):
            section = services.section_get_or_create(
                slug=record["section"]["slug"], names=record["section"].get("names") or {}
            )
        image = None
        if isinstance(record.get("featured_image"), dict):
            picture = record["featured_image"]
            url = public_url_or_warn(
                picture.get("source_url") or picture.get("url"),
                result=self.result,
                where=where,
                what="featured image",
            )
            if url:
                image = image_for_url(
                    url=url,
                    uploads=self.options.uploads,
                    credit=str(picture.get("credit", "")),
                    dry_run=self.options.dry_run,
                    warn=partial(self.result.warn, url),
                )
        return StoryData(
            translations=data,
            original_language=record.get("original_language") or data[0].language,
            status=status,
            published_at=_date(record.get("published_at"), "published_at"),
            section=section,
            tags=[_tag(t) for t in record.get("tags", [])],
            authors=[str(a["name"]) for a in record.get("authors", []) if a.get("name")],
            sources=[
                SourceData(
                    title=str(s.get("title", ""))[:300],
                    publisher=str(s.get("publisher", ""))[:200],
                    url=public_url_or_warn(
                        s.get("url"),
                        result=self.result,
                        where=where,
                        what=f"source {str(s.get('title', ''))[:80]!r}",
                    ),
                )
                for s in record.get("sources", [])
            ],
            featured_image=image,
            comments_open=bool(record.get("comments_open", True)),
        )

    def after_save(
        self, story: Story, record: dict[str, Any], *, site: str, where: str, fresh: bool
    ) -> None:
        translation_states_set(
            story=story, states={t["language"]: t.get("state", "") for t in record["translations"]}
        )
        for author in record.get("authors", []):
            if author.get("bio") or author.get("email"):
                Author.objects.filter(name=author["name"], bio="").update(bio=author.get("bio", ""))
                if author.get("email"):
                    Author.objects.filter(name=author["name"], email="").update(
                        email=author["email"]
                    )
        self.save_comments(story, record.get("comments") or [], site=site, where=where, fresh=fresh)

    def save_comments(
        self, story: Story, records: list[dict[str, Any]], *, site: str, where: str, fresh: bool
    ) -> None:
        if not records:
            return
        keyed: list[tuple[Any, Comment, Any]] = []
        for c in records:
            if c.get("status", CommentStatus.PENDING) not in CommentStatus.values:
                raise ItemError(f"comment {c.get('id')}: unknown status {c.get('status')!r}")
            comment = Comment(
                story=story,
                language=c.get("language") or story.original_language,
                name=str(c.get("name", ""))[:100] or "Anonymous",
                website=public_url_or_warn(
                    c.get("website"),
                    result=self.result,
                    where=where,
                    what=f"comment {c.get('id')}: website",
                    max_length=WEBSITE_MAX_LENGTH,
                ),
                body=str(c.get("body", "")),
                status=c.get("status", CommentStatus.PENDING),
                created_at=_date(c.get("created_at"), "comment date") or story.created_at,
                import_source=c.get("import_source") or f"json:{site}:comment:{c.get('id')}",
            )
            for field in PRIVATE_COMMENT_FIELDS:
                value = c.get(field) or ""
                setattr(comment, field, value or (None if field == "ip_address" else ""))
            keyed.append((c.get("id"), comment, c.get("parent")))
        fields = ["story", "language", "name", "website", "body", "status", "created_at"]
        fields += list(PRIVATE_COMMENT_FIELDS)
        comments_upsert(
            rows=[
                (str(ident), comment, str(parent) if parent is not None else None)
                for ident, comment, parent in keyed
            ],
            fresh=fresh,
            fields=fields,
            keep_if_blank=PRIVATE_COMMENT_FIELDS,
        )
