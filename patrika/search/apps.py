from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "patrika.search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from patrika.newsroom.signals import (
            stories_changed,
            stories_written,
            story_changed,
            story_deleted,
        )

        from . import receivers

        stories_written.connect(receivers.on_stories_written, dispatch_uid="search.stories_written")
        story_changed.connect(receivers.on_story_changed, dispatch_uid="search.story_changed")
        story_deleted.connect(receivers.on_story_deleted, dispatch_uid="search.story_deleted")
        stories_changed.connect(receivers.on_stories_changed, dispatch_uid="search.stories_changed")
