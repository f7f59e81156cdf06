"""sitemap.xml with hreflang alternates, and a Google News sitemap of the last two days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.utils.translation import get_language

from patrika.newsroom import selectors
from patrika.newsroom.models import Story


class StorySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"
    limit = 5000

    def items(self) -> list[Story]:
        return selectors.stories_ready(list(selectors.story_list_live()))

    def get_languages_for_item(self, item: Story) -> list[str]:
        return list(selectors.story_translations(story=item))

    def location(self, item: Story) -> str:
        return selectors.story_translations(story=item)[get_language()]["url"]

    def lastmod(self, item: Story) -> datetime:
        return item.updated_at


@dataclass
class NewsEntry:
    """One translation in the Google News sitemap."""

    language: str
    title: str
    url: str
    published_at: datetime
    updated_at: datetime


class NewsSitemap(Sitemap):
    limit = 1000

    def items(self) -> list[NewsEntry]:
        stories = selectors.stories_ready(list(selectors.story_list_recent_news(days=2)))
        return [
            NewsEntry(code, t["title"], t["url"], story.published_at, story.updated_at)
            for story in stories
            for code, t in selectors.story_translations(story=story).items()
        ]

    def location(self, item: NewsEntry) -> str:
        return item.url

    def lastmod(self, item: NewsEntry) -> datetime:
        return item.updated_at


SITEMAPS = {"stories": StorySitemap}
