"""sitemap.xml with hreflang alternates, and a Google News sitemap of the last two days."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.utils.translation import get_language

from patrika import languages
from patrika.newsroom import selectors
from patrika.newsroom.models import Story, Translation


class StorySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "daily"
    limit = 5000

    def items(self) -> list[Story]:
        return list(selectors.story_list_live())

    def get_languages_for_item(self, item: Story) -> list[str]:
        available = selectors.story_translations(story=item)
        return [code for code in languages.codes() if code in available]

    def location(self, item: Story) -> str:
        return selectors.story_translations(story=item)[get_language()].get_absolute_url()

    def lastmod(self, item: Story):
        return item.updated_at


class NewsSitemap(Sitemap):
    limit = 1000

    def items(self) -> list[Translation]:
        items = []
        for story in selectors.story_list_recent_news(days=2):
            for translation in selectors.story_translations(story=story).values():
                translation.story = story
                items.append(translation)
        return items

    def location(self, item: Translation) -> str:
        return item.get_absolute_url()

    def lastmod(self, item: Translation):
        return item.story.updated_at


SITEMAPS = {"stories": StorySitemap}
