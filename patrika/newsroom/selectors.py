"""Reads of published content. Views and feeds call these and nothing else."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from .models import Author, Section, SectionName, Story, Tag, Translation, TranslationState


def _ready_translations(lang: str | None = None) -> QuerySet[Translation]:
    translations = Translation.objects.filter(state=TranslationState.READY)
    if lang:
        translations = translations.filter(language=lang)
    return translations.order_by("language")


def _with_relations(stories: QuerySet[Story]) -> QuerySet[Story]:
    """Everything a story page or feed shows, in a fixed number of queries."""
    return stories.select_related("section", "featured_image").prefetch_related(
        Prefetch("translations", queryset=_ready_translations().defer("body")),
        Prefetch("section__names", queryset=SectionName.objects.all()),
        "tags",
        "authors",
        "sources",
    )


def _for_cards(stories: QuerySet[Story], *, lang: str | None) -> QuerySet[Story]:
    """What a story card shows: the title and summary (in `lang`, or all), the section's name."""
    return stories.select_related("section").prefetch_related(
        Prefetch(
            "translations",
            queryset=_ready_translations(lang).only(
                "id", "story_id", "language", "title", "slug", "summary"
            ),
        ),
        Prefetch("section__names", queryset=SectionName.objects.all()),
    )


def _live_in(lang: str) -> QuerySet[Story]:
    return (
        Story.objects.live()
        .filter(translations__language=lang, translations__state=TranslationState.READY)
        .order_by("-published_at", "-id")
    )


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
    """Live stories, newest first, with everything a feed or sitemap shows.

    Filters: lang (only stories readable in it), section, tag, author, year, month.
    """
    return _with_relations(_live_filtered(**filters))


def story_cards_live(**filters: Any) -> QuerySet[Story]:
    """Live stories for a listing of cards (same filters as story_list_live)."""
    return _for_cards(_live_filtered(**filters), lang=filters.get("lang"))


def translation_get_live(*, lang: str, slug: str) -> Translation | None:
    """The live translation at /<lang>/news/<slug>/, with its story and relations loaded."""
    stories = Story.objects.live().filter(
        translations__language=lang,
        translations__slug=slug,
        translations__state=TranslationState.READY,
    )
    story = next(iter(_with_relations(stories)[:1]), None)
    if story is None:
        return None
    translation = story_translations(story=story)[lang]
    translation.story = story
    return translation


def story_translations(*, story: Story) -> dict[str, Translation]:
    """The story's ready translations by language (uses the prefetch)."""
    return {t.language: t for t in story.translations.all()}


def story_list_recent_news(*, days: int = 2) -> QuerySet[Story]:
    since = timezone.now() - timedelta(days=days)
    return story_list_live().filter(published_at__gte=since)


def archive_months(*, lang: str) -> list[datetime]:
    return list(
        Story.objects.live()
        .filter(translations__language=lang)
        .dates("published_at", "month", order="DESC")
    )


def section_list() -> QuerySet[Section]:
    return Section.objects.prefetch_related("names")


def section_get(*, slug: str) -> Section | None:
    return section_list().filter(slug=slug).first()


def tag_get(*, slug: str) -> Tag | None:
    return Tag.objects.filter(slug=slug).first()


def author_get(*, slug: str) -> Author | None:
    return Author.objects.filter(slug=slug).first()


def story_list_more(*, story: Story, lang: str, limit: int = 6) -> list[Story]:
    """ "More news": the latest other live stories in this language, same section first."""
    others = story_cards_live(lang=lang).exclude(pk=story.pk)
    same_section = list(others.filter(section=story.section_id)[:limit]) if story.section_id else []
    if len(same_section) < limit:
        seen = {s.pk for s in same_section}
        fill = [s for s in others[: limit + len(seen)] if s.pk not in seen]
        same_section += fill[: limit - len(same_section)]
    return same_section
