"""Reads of published content. Views and feeds call these and nothing else."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from .models import Author, Section, SectionName, Story, Tag, Translation, TranslationState


def _with_relations(stories: QuerySet[Story], *, lang: str | None = None) -> QuerySet[Story]:
    translations = Translation.objects.filter(state=TranslationState.READY).defer("body")
    return stories.select_related("section", "featured_image").prefetch_related(
        Prefetch("translations", queryset=translations.order_by("language")),
        Prefetch("section__names", queryset=SectionName.objects.all()),
        "tags",
        "authors",
        "sources",
    )


def story_list_live(
    *,
    lang: str | None = None,
    section: Section | None = None,
    tag: Tag | None = None,
    author: Author | None = None,
    year: int | None = None,
    month: int | None = None,
) -> QuerySet[Story]:
    """Live stories, newest first; with `lang`, only those readable in that language."""
    stories = Story.objects.live()
    if lang:
        stories = stories.filter(
            translations__language=lang, translations__state=TranslationState.READY
        )
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
    return _with_relations(stories.order_by("-published_at", "-id"))


def translation_get_live(*, lang: str, slug: str) -> Translation | None:
    """The live translation at /<lang>/news/<slug>/, with its story and relations loaded."""
    translation = (
        Translation.objects.filter(
            language=lang,
            slug=slug,
            state=TranslationState.READY,
            story__in=Story.objects.live(),
        )
        .select_related("story")
        .first()
    )
    if translation is None:
        return None
    story = _with_relations(Story.objects.filter(pk=translation.story_id)).get()
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
    others = story_list_live(lang=lang).exclude(pk=story.pk)
    same_section = list(others.filter(section=story.section_id)[:limit]) if story.section_id else []
    if len(same_section) < limit:
        seen = {s.pk for s in same_section}
        fill = [s for s in others[: limit + len(seen)] if s.pk not in seen]
        same_section += fill[: limit - len(same_section)]
    return same_section
