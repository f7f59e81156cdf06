"""Seeded builders for tests. Every app's tests build stories through these."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from django.utils import timezone

from patrika.newsroom import services
from patrika.newsroom.models import Section, Story, StoryStatus
from patrika.newsroom.services import SourceData, StoryData, TranslationData

_counter = itertools.count(1)


def make_section(slug: str = "world", en: str = "World", hi: str = "विश्व") -> Section:
    return services.section_get_or_create(slug=slug, names={"en": en, "hi": hi})


def make_story(
    *,
    en: str | None = "auto",
    hi: str | None = "auto",
    en_body: str = "An English paragraph about the news.",
    hi_body: str = "समाचार के बारे में एक हिंदी अनुच्छेद।",
    status: str = StoryStatus.PUBLISHED,
    published_at: datetime | None = None,
    section: Section | None = None,
    tags: list[str] | None = None,
    authors: list[str] | None = None,
    sources: list[SourceData] | None = None,
    **extra: object,
) -> Story:
    n = next(_counter)
    translations = []
    if en is not None:
        translations.append(
            TranslationData(
                language="en",
                title=f"English story {n}" if en == "auto" else en,
                body=en_body,
                summary=f"Summary {n}",
            )
        )
    if hi is not None:
        translations.append(
            TranslationData(
                language="hi",
                title=f"हिंदी ख़बर {n}" if hi == "auto" else hi,
                body=hi_body,
                summary=f"सारांश {n}",
            )
        )
    data = StoryData(
        translations=translations,
        status=status,
        published_at=published_at or (timezone.now() - timedelta(minutes=n)),
        section=section,
        tags=tags or [],
        authors=authors or [],
        sources=sources or [],
        **extra,  # type: ignore[arg-type]
    )
    return services.story_save(data=data)
