from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from patrika import converters  # noqa: F401 (registers <year>, <uslug>, …)

from . import feeds, views
from .sitemaps import SITEMAPS, NewsSitemap

app_name = "public"

# Under /<lang>/ (i18n_patterns in patrika/urls.py).
urlpatterns = [
    path("", views.language_home, name="home"),
    path("news/<uslug:slug>/", views.story, name="story"),
    path("news/<uslug:slug>/bilingual/", views.bilingual, name="bilingual"),
    path("section/<uslug:slug>/", views.section, name="section"),
    path("tag/<uslug:slug>/", views.tag, name="tag"),
    path("author/<uslug:slug>/", views.author, name="author"),
    path("archive/", views.archive_index, name="archive"),
    path("archive/<year:year>/", views.archive, name="archive_year"),
    path("archive/<year:year>/<month:month>/", views.archive, name="archive_month"),
    path("feed/rss/", feeds.LatestRss(), name="feed_rss"),
    path("feed/atom/", feeds.LatestAtom(), name="feed_atom"),
    path("section/<uslug:slug>/feed/rss/", feeds.SectionRss(), name="section_feed_rss"),
    path("section/<uslug:slug>/feed/atom/", feeds.SectionAtom(), name="section_feed_atom"),
    path("tag/<uslug:slug>/feed/rss/", feeds.TagRss(), name="tag_feed_rss"),
    path("tag/<uslug:slug>/feed/atom/", feeds.TagAtom(), name="tag_feed_atom"),
]

# Outside the language prefix.
site_patterns = [
    path("", views.home, name="site_home"),
    # Language-neutral story addresses (the sitemap's x-default): redirect to a translation.
    path("news/<uslug:slug>/", views.story_any_language, name="story_any_language"),
    path(
        "news/<uslug:slug>/bilingual/",
        views.story_any_language,
        {"bilingual": True},
        name="bilingual_any_language",
    ),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "news-sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "public/news_sitemap.xml"},
        name="news_sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
