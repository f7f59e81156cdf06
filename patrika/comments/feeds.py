"""Comment feeds (RSS and Atom), site-wide and per story: names and text, never an email."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from patrika.newsroom.models import Story, Translation

from . import selectors
from .models import Comment

FEED_LENGTH = 50


def _translation(story: Story, language: str) -> Translation | None:
    """The story in the comment's language, else in any language it has (uses the prefetch)."""
    translations = {t.language: t for t in story.translations.all()}
    return (
        translations.get(language)
        or translations.get(story.original_language)
        or next(iter(translations.values()), None)
    )


def _story_url(story: Story, language: str) -> str:
    translation = _translation(story, language)
    return translation.get_absolute_url() if translation else "/"


class SiteCommentsRss(Feed):
    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> Story | None:
        return None

    def title(self, obj: Story | None = None) -> str:
        return f"{settings.PATRIKA_SITE_NAME} – {gettext('Comments')}"

    def link(self, obj: Story | None = None) -> str:
        return "/"

    def description(self, obj: Story | None = None) -> str:
        return self.title(obj)

    def items(self, obj: Story | None = None) -> list[Comment]:
        return selectors.comment_list_feed(story=obj, limit=FEED_LENGTH)

    def item_title(self, item: Comment) -> str:
        translation = _translation(item.story, item.language)
        title = translation.title if translation else str(item.story_id)
        return gettext("%(name)s on “%(title)s”") % {"name": item.name, "title": title}

    def item_description(self, item: Comment) -> str:
        # Plain text: the feed generator escapes it, so no markup from a reader survives.
        return item.body

    def item_link(self, item: Comment) -> str:
        return f"{_story_url(item.story, item.language)}#comment-{item.pk}"

    def item_guid(self, item: Comment) -> str:
        return f"patrika:comment:{item.pk}"

    def item_pubdate(self, item: Comment) -> datetime:
        return item.created_at

    def item_author_name(self, item: Comment) -> str:
        # The name only: item_author_email is deliberately not defined.
        return item.name or gettext("Anonymous")


class SiteCommentsAtom(SiteCommentsRss):
    feed_type = Atom1Feed
    subtitle = SiteCommentsRss.description


class StoryCommentsRss(SiteCommentsRss):
    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> Story:
        story = (
            Story.objects.live()
            .filter(pk=kwargs.get("story_id"))
            .prefetch_related("translations")
            .first()
        )
        if story is None:
            raise Http404
        return story

    def title(self, obj: Story | None = None) -> str:
        return gettext("Comments on “%(title)s”") % {"title": str(obj)}

    def link(self, obj: Story | None = None) -> str:
        return _story_url(obj, obj.original_language) if obj else "/"


class StoryCommentsAtom(StoryCommentsRss):
    feed_type = Atom1Feed
    subtitle = StoryCommentsRss.description
