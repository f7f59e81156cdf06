"""What every search backend offers, and the parts they share.

Writing the index is the same everywhere (rows of `SearchEntry`, kept in the database's own
full-text structure by triggers or a generated column); a backend only says how to match and
rank. A contract test (`tests/test_backends.py::BackendContract`) holds every backend to the same
behaviour.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html import unescape
from typing import Any, Protocol

from django.db import connection, transaction
from django.utils import timezone
from django.utils.safestring import SafeString

from patrika import languages
from patrika.newsroom.models import LIVE_STATUSES, Story, Translation

from ..analysis import QueryTerm, analyze_document, prepare
from ..models import SearchEntry, SearchTerm


@dataclass(frozen=True)
class Filters:
    language: str | None = None
    section_id: int | None = None
    tag_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass
class Hit:
    entry_id: int
    story_id: int
    language: str
    title: str
    url: str
    published_at: datetime
    section_id: int | None
    body: str
    score: float
    snippet: SafeString = field(default_factory=lambda: SafeString(""))
    title_html: SafeString = field(default_factory=lambda: SafeString(""))
    # For the results' cards, from the story's baked data: lead picture, its alt text in this
    # language, section.
    image: dict[str, Any] | None = None
    image_alt: str = ""
    section: dict[str, Any] | None = None

    @property
    def language_name(self) -> str:
        return languages.get(self.language).name


@dataclass
class Matches:
    total: int  # entries matching, counted up to the search's `count_limit`
    hits: list[Hit]


class SearchBackend(Protocol):
    def index_story(self, *, story: Story) -> None: ...

    def index_stories(self, *, story_ids: list[int]) -> None: ...

    def remove_story(self, *, story_id: int) -> None: ...

    def rebuild(self, *, batch_size: int = 200) -> Iterator[int]: ...

    def search(
        self,
        terms: Sequence[QueryTerm],
        *,
        filters: Filters,
        offset: int = 0,
        limit: int = 10,
        count_limit: int = 1000,
    ) -> Matches: ...

    def count_adjacent(
        self, first: QueryTerm, second: QueryTerm, *, filters: Filters, count_limit: int = 1000
    ) -> int:
        """Entries where `first` comes right before `second` (up to `count_limit`)."""
        ...

    def vocabulary_near(self, key: str, *, limit: int = 500) -> list[tuple[str, str]]: ...


# body_html is the newsroom's own sanitised Markdown rendering, so a regular expression is
# enough to take the tags off (Django's strip_tags parses HTML and is ten times slower, which
# shows when rebuilding a large archive). Snippets are escaped again on output.
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|tr|pre|figcaption)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")


def _plain_text(translation: Translation) -> str:
    body = _TAG.sub("", _BLOCK_END.sub("\n", translation.body_html))
    return prepare("\n".join(p for p in (translation.summary, unescape(body)) if p))


def entry_for(translation: Translation, story: Story) -> tuple[SearchEntry, dict[str, str]]:
    body = _plain_text(translation)
    analyzed = analyze_document(title=translation.title, body=body, lang=translation.language)
    assert story.published_at is not None, "only live stories are indexed"
    entry = SearchEntry(
        translation_id=translation.pk,
        story_id=story.pk,
        language=translation.language,
        section_id=story.section_id,
        published_at=story.published_at,
        title=prepare(translation.title),
        url=translation.get_absolute_url(),
        body=body,
        title_words=analyzed.title_words,
        body_words=analyzed.body_words,
        title_keys=analyzed.title_keys,
        body_keys=analyzed.body_keys,
    )
    return entry, analyzed.vocabulary


def searchable_translations(story: Story) -> list[Translation]:
    """Only a live (or scheduled) story's public translations are searchable (ready ones, and
    those being brought up to date: their pages stay up)."""
    if story.status not in LIVE_STATUSES or story.published_at is None:
        return []
    return [t for t in story.translations.all() if t.is_public]


def save_vocabulary(vocabulary: dict[str, str], *, seen: set[str] | None = None) -> None:
    """Add new words to the vocabulary (`seen`: words this run already wrote)."""
    # Sorted: two workers inserting the same new words take their index locks in one order,
    # so on PostgreSQL neither can end up waiting for the other in a cycle (a deadlock).
    rows = sorted(
        (t[:100], k[:100]) for t, k in vocabulary.items() if seen is None or t not in seen
    )
    if seen is not None:
        seen.update(vocabulary)
    if not rows:
        return
    # Plain SQL: both databases know ON CONFLICT, and model instances cost more than the insert.
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (term, key) VALUES (%s, %s) ON CONFLICT (term) DO NOTHING", rows
        )


class DatabaseBackend:
    """Index upkeep through the ORM; subclasses write `search()` for their database."""

    vendor = ""

    def index_story(self, *, story: Story) -> None:
        fresh = Story.objects.filter(pk=story.pk).prefetch_related("translations").first()
        if fresh is None:
            self.remove_story(story_id=story.pk)
            return
        translations = searchable_translations(fresh)
        with transaction.atomic():
            SearchEntry.objects.filter(story_id=fresh.pk).exclude(
                translation_id__in=[t.pk for t in translations]
            ).delete()
            existing = {
                e.translation_id: e.pk for e in SearchEntry.objects.filter(story_id=fresh.pk)
            }
            vocabulary: dict[str, str] = {}
            for translation in translations:
                entry, words = entry_for(translation, fresh)
                vocabulary.update(words)
                entry.pk = existing.get(translation.pk)
                entry.save()
            save_vocabulary(vocabulary)

    def index_stories(self, *, story_ids: list[int]) -> None:
        """index_story for many stories at once: one delete, one read, bulk inserts."""
        with transaction.atomic():
            SearchEntry.objects.filter(story_id__in=story_ids).delete()
            for start in range(0, len(story_ids), 500):
                chunk = story_ids[start : start + 500]
                self.write_entries(
                    Story.objects.filter(pk__in=chunk).prefetch_related("translations")
                )

    def remove_story(self, *, story_id: int) -> None:
        SearchEntry.objects.filter(story_id=story_id).delete()

    def rebuild(self, *, batch_size: int = 200) -> Iterator[int]:
        """Empty the index and fill it again; yields how many stories each batch covered."""
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            SearchTerm.objects.all().delete()
            stories = Story.objects.filter(status__in=LIVE_STATUSES, published_at__isnull=False)
            ids = list(stories.order_by("pk").values_list("pk", flat=True))
            seen: set[str] = set()
            for start in range(0, len(ids), batch_size):
                chunk = ids[start : start + batch_size]
                batch = Story.objects.filter(pk__in=chunk).prefetch_related("translations")
                self.write_entries(batch, seen=seen)
                yield len(chunk)
        self.optimize()

    def write_entries(self, stories: Iterable[Story], *, seen: set[str] | None = None) -> None:
        entries: list[SearchEntry] = []
        vocabulary: dict[str, str] = {}
        for story in stories:
            for translation in searchable_translations(story):
                entry, words = entry_for(translation, story)
                entries.append(entry)
                vocabulary.update(words)
        SearchEntry.objects.bulk_create(entries, batch_size=200)
        save_vocabulary(vocabulary, seen=seen)

    def optimize(self) -> None:
        """Compact the full-text structure after a bulk load (no-op unless overridden)."""

    def vocabulary_near(self, key: str, *, limit: int = 500) -> list[tuple[str, str]]:
        """Vocabulary words whose key starts like `key` (two letters) and is about as long.

        Misspellings rarely touch the first two letters; keeping them makes this an index range
        scan instead of a pass over the whole vocabulary.
        """
        if not key:
            return []
        prefix = key[:2]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT term, key FROM search_searchterm WHERE key >= %s AND key < %s "
                "AND length(key) BETWEEN %s AND %s LIMIT %s",
                [prefix, prefix + "\uffff", len(key) - 2, len(key) + 2, limit],
            )
            return list(cursor.fetchall())

    # Shared SQL for filters: both databases take the same WHERE clause.
    @staticmethod
    def filter_sql(filters: Filters, alias: str = "e") -> tuple[str, list[Any]]:
        clauses = [f"{alias}.published_at <= %s"]
        params: list[Any] = [timezone.now()]
        if filters.language:
            clauses.append(f"{alias}.language = %s")
            params.append(filters.language)
        if filters.section_id:
            clauses.append(f"{alias}.section_id = %s")
            params.append(filters.section_id)
        if filters.tag_id:
            clauses.append(
                f"{alias}.story_id IN (SELECT story_id FROM newsroom_story_tags WHERE tag_id = %s)"
            )
            params.append(filters.tag_id)
        tz = timezone.get_current_timezone()
        # Adapted as the ORM would: SQLite compares stored UTC text, so an aware local time
        # passed as is ("… 00:00:00+05:30") would cut the first hours off a day.
        adapt = connection.ops.adapt_datetimefield_value
        if filters.date_from:
            start = datetime.combine(filters.date_from, datetime.min.time(), tzinfo=tz)
            clauses.append(f"{alias}.published_at >= %s")
            params.append(adapt(start))
        if filters.date_to:
            end = datetime.combine(filters.date_to, datetime.max.time(), tzinfo=tz)
            clauses.append(f"{alias}.published_at <= %s")
            params.append(adapt(end))
        return " AND ".join(clauses), params

    @staticmethod
    def split_required(terms: Sequence[QueryTerm]) -> tuple[list[QueryTerm], list[QueryTerm]]:
        """The terms every entry must have, and those asked only of entries in some languages
        (a stopword kept for a name: `QueryTerm.required_in`)."""
        everywhere = [t for t in terms if not t.required_in]
        if not everywhere:
            return list(terms), []
        return everywhere, [t for t in terms if t.required_in]

    @staticmethod
    def required_in_sql(
        terms: Sequence[QueryTerm], has_term: str, query: Callable[[QueryTerm], str]
    ) -> tuple[str, list[Any]]:
        """A WHERE clause: entries in a term's languages have it (`has_term` is the SQL test,
        with one parameter, `query(term)`); entries in other languages need not."""
        clauses: list[str] = []
        params: list[Any] = []
        for term in terms:
            languages = ", ".join(["%s"] * len(term.required_in))
            clauses.append(f"(e.language NOT IN ({languages}) OR {has_term})")
            params += [*term.required_in, query(term)]
        return "".join(f" AND {c}" for c in clauses), params

    HIT_COLUMNS = (
        "e.id, e.story_id, e.language, e.title, e.url, e.published_at, e.section_id, e.body"
    )

    @staticmethod
    def hit_from_row(row: Sequence[Any], score: float) -> Hit:
        published_at = row[5]
        if isinstance(published_at, str):  # raw SQLite rows come back as text
            published_at = datetime.fromisoformat(published_at)
        if timezone.is_naive(published_at):
            published_at = timezone.make_aware(published_at, UTC)
        return Hit(
            entry_id=row[0],
            story_id=row[1],
            language=row[2],
            title=row[3],
            url=row[4],
            published_at=published_at,
            section_id=row[6],
            body=row[7],
            score=float(score),
        )
