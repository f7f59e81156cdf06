"""RSS 2.0 and Atom feeds per language, per section and per tag (Django's syndication)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language, gettext

from patrika.newsroom import selectors
from patrika.newsroom.baking import baked_name
from patrika.newsroom.models import Section, Story, Tag

FEED_LENGTH = 30


class LatestRss(Feed):
    """Items are stories; what an item shows is the story's baked translation in the feed's
    language (`item.entry`)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> None:
        return None

    def title(self, obj=None) -> str:
        return f"{settings.PATRIKA_SITE_NAME} – {gettext('Latest news')}"

    def link(self, obj=None) -> str:
        return reverse("public:home")

    def description(self, obj=None) -> str:
        return self.title(obj)

    def stories(self, obj: object) -> QuerySet[Story]:
        return selectors.story_list_live(lang=get_language())

    def items(self, obj=None) -> list[Story]:
        lang = get_language()
        stories = selectors.stories_ready(list(self.stories(obj)[:FEED_LENGTH]))
        for story in stories:
            story.entry = story.meta["translations"][lang]
        return stories

    def item_title(self, item: Story) -> str:
        return item.entry["title"]

    def item_description(self, item: Story) -> str:
        return item.entry["description"]

    def item_link(self, item: Story) -> str:
        return item.entry["url"]

    def item_guid(self, item: Story) -> str:
        return f"patrika:story:{item.pk}:{get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Story) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Story) -> datetime:
        return max(item.updated_at, datetime.fromisoformat(item.entry["updated"]))

    def item_author_name(self, item: Story) -> str:
        # Names only: an author's email is private and never goes into a feed.
        return ", ".join(a["name"] for a in item.meta["authors"])

    def item_categories(self, item: Story) -> list[str]:
        return [baked_name(tag, get_language()) for tag in item.meta["tags"]]


class LatestAtom(LatestRss):
    feed_type = Atom1Feed
    subtitle = LatestRss.description


class SectionRss(LatestRss):
    def get_object(self, request: HttpRequest, slug: str) -> Section:
        section = selectors.section_get(slug=slug)
        if section is None:
            raise Http404
        return section

    def title(self, obj: Section) -> str:
        return f"{settings.PATRIKA_SITE_NAME} – {obj.name_for(get_language())}"

    def link(self, obj: Section) -> str:
        return reverse("public:section", kwargs={"slug": obj.slug})

    def stories(self, obj: Section) -> QuerySet[Story]:
        return selectors.story_list_live(lang=get_language(), section=obj)


class SectionAtom(SectionRss):
    feed_type = Atom1Feed
    subtitle = SectionRss.description


class TagRss(LatestRss):
    def get_object(self, request: HttpRequest, slug: str) -> Tag:
        tag = selectors.tag_get(slug=slug)
        if tag is None:
            raise Http404
        return tag

    def title(self, obj: Tag) -> str:
        return f"{settings.PATRIKA_SITE_NAME} – {obj.name_for(get_language())}"

    def link(self, obj: Tag) -> str:
        return reverse("public:tag", kwargs={"slug": obj.slug})

    def stories(self, obj: Tag) -> QuerySet[Story]:
        return selectors.story_list_live(lang=get_language(), tag=obj)


class TagAtom(TagRss):
    feed_type = Atom1Feed
    subtitle = TagRss.description
