from django.urls import path

from patrika import converters  # noqa: F401 (registers <id>)

from . import feeds, views

app_name = "comments"

# Mounted at /comments/ (outside the language prefix; robots.txt keeps crawlers out).
urlpatterns = [
    path("post/", views.comment_post, name="post"),
    path("feed/", feeds.SiteCommentsRss(), name="feed"),
    path("feed/atom/", feeds.SiteCommentsAtom(), name="feed_atom"),
    path("feed/<id:story_id>/", feeds.StoryCommentsRss(), name="story_feed"),
    path("feed/<id:story_id>/atom/", feeds.StoryCommentsAtom(), name="story_feed_atom"),
]
