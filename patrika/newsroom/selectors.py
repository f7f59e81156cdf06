"""Reads of published content. Views and feeds call these and nothing else.

Stories carry their relations baked into `Story.meta` (see baking.py), so every selector here
reads a story, a page of stories or a translation in one query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Now
from django.utils import timezone

from patrika import languages
from patrika.textdiff import ParagraphChange

from .baking import baked_name, ensure_baked
from .instep import TEXT_FIELDS, is_behind, source_changes, source_of
from .models import (
    LIVE_STATUSES,
    Author,
    Section,
    Story,
    Tag,
    Translation,
)


def _live_in(lang: str) -> QuerySet[Story]:
    # EXISTS rather than a join: the database can then walk stories newest first along the
    # published_at index and stop at the page size, instead of sorting every match.
    readable = Translation.objects.public().filter(story=OuterRef("pk"), language=lang)
    return Story.objects.live().filter(Exists(readable))


def _live_filtered(
    *,
    lang: str | None = None,
    section: Section | None = None,
    tag: Tag | None = None,
    author: Author | None = None,
    year: int | None = None,
    month: int | None = None,
) -> QuerySet[Story]:
    stories = _live_in(lang) if lang else Story.objects.live()
    if section:
        stories = stories.filter(section=section)
    if tag:
        stories = stories.filter(tags=tag)
    if author:
        stories = stories.filter(authors=author)
    if year:
        stories = stories.filter(published_at__year=year)
    if month:
        stories = stories.filter(published_at__month=month)
    return stories.order_by("-published_at", "-id")


def story_list_live(**filters: Any) -> QuerySet[Story]:
    """Live stories, newest first. Filters: lang (only stories readable in it), section, tag,
    author, year, month. What pages show of each is in `story.meta` (one query in all)."""
    return _live_filtered(**filters)


def stories_ready(stories: list[Story]) -> list[Story]:
    """Make sure a page of stories has its baked data (a no-op once baked)."""
    ensure_baked(stories)
    return stories


def translation_get_live(*, lang: str, slug: str) -> Translation | None:
    """The live translation at /<lang>/news/<slug>/, with its story, in one query."""
    found = (
        Translation.objects.public()
        .select_related("story")
        .filter(
            language=lang,
            slug=slug,
            story__status__in=LIVE_STATUSES,
            story__published_at__lte=Now(),
        )
    )
    translation = next(iter(found[:1]), None)
    if translation is not None:
        ensure_baked([translation.story])
    return translation


def translation_url_for_reader(
    *, slug: str, prefer: Sequence[str], bilingual: bool = False
) -> str | None:
    """Where an address naming a story by its slug in any language leads a reader who reads
    the languages `prefer` (best first): the story's page in the first of them it is ready
    in, else the page of the slug's own language; its bilingual page if asked for and the
    story has one. None when no live story has a ready translation with that slug.
    """
    found = (
        Translation.objects.public()
        .select_related("story")
        .filter(
            slug=slug,
            story__status__in=LIVE_STATUSES,
            story__published_at__lte=Now(),
        )
    )
    # One slug may name different stories in two languages: the reader's languages decide,
    # then settings order.
    order = [*prefer, *languages.codes()]
    named = min(
        found,
        key=lambda t: order.index(t.language) if t.language in order else len(order),
        default=None,
    )
    if named is None:
        return None
    ensure_baked([named.story])
    ready = named.story.meta.get("translations", {})
    language = next((code for code in prefer if code in ready), named.language)
    url = ready[language]["url"] if language in ready else named.get_absolute_url()
    return url + "bilingual/" if bilingual and len(ready) > 1 else url


def story_translations(*, story: Story) -> dict[str, dict[str, Any]]:
    """The story's public translations by language, in settings order: title, slug, url, …"""
    return story.meta.get("translations", {})


def story_translations_full(*, story: Story) -> list[Translation]:
    """Every public translation of the story with its body, in settings order."""
    by_language = {t.language: t for t in story.translations.public()}
    for translation in by_language.values():
        translation.story = story
    return [by_language[code] for code in languages.codes() if code in by_language]


@dataclass(frozen=True)
class ReaderNotice:
    """The `behind` translation is being brought up to date after its `source` language's text
    changed (at `since`): readers of either language are told."""

    behind: str
    source: str
    since: datetime


def story_reader_notices(*, story: Story, language: str) -> list[ReaderNotice]:
    """What readers of the story in `language` are told about translations behind their source
    (from the baked data: no query)."""
    notices = []
    for code, info in story_translations(story=story).items():
        behind = info.get("behind")
        if behind and language in (code, behind["source"]):
            since = datetime.fromisoformat(behind["since"])
            notices.append(ReaderNotice(behind=code, source=behind["source"], since=since))
    return notices


def story_list_recent_news(*, days: int = 2) -> QuerySet[Story]:
    since = timezone.now() - timedelta(days=days)
    return story_list_live().filter(published_at__gte=since)


@dataclass(frozen=True)
class MenuSection:
    slug: str
    name: str


def section_menu(*, lang: str) -> list[MenuSection]:
    """Every section in menu order, named in `lang` (else in another language, else by its
    slug): one query."""
    names: dict[str, dict[str, str]] = {}
    rows = Section.objects.order_by("position", "slug").values_list(
        "slug", "names__language", "names__name"
    )
    for slug, language, name in rows:
        section = names.setdefault(slug, {})
        if language and name:
            section[language] = name
    return [
        MenuSection(slug, baked_name({"slug": slug, "names": found}, lang))
        for slug, found in names.items()
    ]


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    months: list[int]  # newest first; empty when not asked for


def archive_years(*, lang: str, months_of: int | None = None) -> list[ArchiveYear]:
    """The years, newest first, that have live stories readable in `lang` (in the site's time
    zone), each with its months that have them: every year's, or only the year `months_of`'s.

    One indexed query per year or month found ("the newest story before the start of the
    last one found"): the cost follows the archive's length in months, not its size, where
    grouping every story by month reads them all.
    """
    stories = _live_in(lang).order_by("-published_at").values_list("published_at", flat=True)
    zone = timezone.get_current_timezone()

    def newest(before: datetime | None) -> datetime | None:
        found = stories.filter(published_at__lt=before) if before else stories
        when = found.first()
        return timezone.localtime(when, zone) if when else None

    years: list[ArchiveYear] = []
    when = newest(None)
    while when is not None:
        year = ArchiveYear(when.year, [])
        years.append(year)
        if months_of is not None and when.year != months_of:
            when = newest(datetime(when.year, 1, 1, tzinfo=zone))
            continue
        while when is not None and when.year == year.year:
            year.months.append(when.month)
            when = newest(datetime(when.year, when.month, 1, tzinfo=zone))
    return years


def section_get(*, slug: str) -> Section | None:
    return Section.objects.prefetch_related("names").filter(slug=slug).first()


def tag_get(*, slug: str) -> Tag | None:
    return Tag.objects.prefetch_related("names").filter(slug=slug).first()


def author_get(*, slug: str) -> Author | None:
    return Author.objects.filter(slug=slug).first()


def story_list_more(*, story: Story, lang: str, limit: int = 6) -> list[Story]:
    """ "More news": the latest other live stories readable in `lang`, same section first.

    The language is checked on the baked data rather than with an EXISTS subquery: on the
    hottest page that halves the query's cost, and a few spare rows cover the stories that
    are not in this language.
    """
    others = (
        Story.objects.filter(status__in=LIVE_STATUSES, published_at__lte=timezone.now())
        .exclude(pk=story.pk)
        .order_by("-published_at", "-id")
    )
    spare = limit * 2
    picked: list[Story] = []
    if story.section_id:
        picked = _readable(others.filter(section_id=story.section_id)[:spare], lang)[:limit]
    if len(picked) < limit:
        seen = {s.pk for s in picked}
        fill = [s for s in _readable(others[: spare + len(seen)], lang) if s.pk not in seen]
        picked += fill[: limit - len(picked)]
    return picked


def _readable(stories: QuerySet[Story], lang: str) -> list[Story]:
    found = stories_ready(list(stories))
    return [s for s in found if lang in s.meta.get("translations", {})]


@dataclass(frozen=True)
class FieldChanges:
    name: str  # "title", "summary" or "body"
    label: str
    paragraphs: list[ParagraphChange]


@dataclass(frozen=True)
class TranslationBehind:
    """A translation made from an older version of its source, and what changed since."""

    translation: Translation
    source: Translation
    fields: list[FieldChanges]


def story_translations_behind(*, story: Story) -> list[TranslationBehind]:
    """The story's translations (in any state) whose source text changed after they were made,
    each with the source's changes since, field by field and paragraph by paragraph."""
    translations = list(Translation.objects.filter(story=story))
    source = source_of(story, translations)
    if source is None:
        return []
    behind = []
    for translation in translations:
        if not is_behind(translation, source):
            continue
        changes = source_changes(translation, source)
        fields = [
            FieldChanges(name, _field_label(name), changes[name])
            for name in TEXT_FIELDS
            if name in changes
        ]
        behind.append(TranslationBehind(translation, source, fields))
    return behind


def _field_label(name: str) -> str:
    return str(getattr(Translation._meta.get_field(name), "verbose_name", name))
