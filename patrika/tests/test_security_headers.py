"""Every response carries the site's Content-Security-Policy and Permissions-Policy: each URL
pattern of the site in each language, every admin page of every registered model, the error
pages, static and media files. A new URL pattern without a sample here fails the walk."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from PIL import Image as PILImage

from patrika.comments.models import Comment
from patrika.editorial.preview import preview_token_make
from patrika.newsroom import services
from patrika.newsroom.models import Author, Story, Tag
from patrika.newsroom.tests.factories import make_section, make_story
from patrika.tests.failing_urls import FAILING_PATH
from patrika.tests.policy import csp_parse, header_problems

pytestmark = pytest.mark.django_db

Kwargs = Callable[[str], dict[str, Any]]


@pytest.fixture
def site(db, admin_user) -> dict[str, Any]:
    """One row of everything a URL can name, Hindi included."""
    section = make_section()
    story = make_story(
        en="Monsoon reaches Delhi",
        hi="दिल्ली पहुँचा मानसून",
        section=section,
        tags=["मानसून"],
        authors=["Patrika Desk"],
    )
    buffer = io.BytesIO()
    PILImage.new("RGB", (600, 400), "orange").save(buffer, "JPEG")
    image = services.image_create(content=buffer.getvalue(), filename="monsoon.jpg")
    comment = Comment.objects.create(
        story=story, language="hi", name="सुनीता", email="s@example.org", body="अच्छी ख़बर"
    )
    Group.objects.create(name="Editors")
    # A job row, which the admin lists too (django-tasks' database backend).
    from patrika.comments import tasks

    tasks.comment_notify_authors.enqueue(comment_id=comment.pk)
    # The login throttle's records (django-axes), which the admin lists too.
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    record = {"username": "asha", "ip_address": "198.51.100.7", "user_agent": "test"}
    AccessAttempt.objects.create(**record, failures_since_start=1)
    AccessFailureLog.objects.create(**record)
    AccessLog.objects.create(**record)
    return {
        "story": story,
        "section": section,
        "tag": Tag.objects.get(),
        "author": Author.objects.get(),
        "image": image,
        "comment": comment,
    }


def _samples(site: dict[str, Any]) -> dict[str, Kwargs]:
    story: Story = site["story"]
    year = story.published_at.year

    def slug(lang: str) -> dict[str, Any]:
        return {"slug": story.translations.get(language=lang).slug}

    return {
        "site_home": lambda lang: {},
        "django.contrib.sitemaps.views.sitemap": lambda lang: {},
        "news_sitemap": lambda lang: {},
        "robots_txt": lambda lang: {},
        "search:results": lambda lang: {},
        "search:opensearch": lambda lang: {},
        "public:home": lambda lang: {},
        "public:story": slug,
        "public:bilingual": slug,
        "story_any_language": slug,
        "bilingual_any_language": slug,
        "public:archive": lambda lang: {},
        "public:section": lambda lang: {"slug": site["section"].slug},
        "public:section_feed_rss": lambda lang: {"slug": site["section"].slug},
        "public:section_feed_atom": lambda lang: {"slug": site["section"].slug},
        "public:tag": lambda lang: {"slug": site["tag"].slug},
        "public:tag_feed_rss": lambda lang: {"slug": site["tag"].slug},
        "public:tag_feed_atom": lambda lang: {"slug": site["tag"].slug},
        "public:author": lambda lang: {"slug": site["author"].slug},
        "public:archive_year": lambda lang: {"year": year},
        "public:archive_month": lambda lang: {"year": year, "month": story.published_at.month},
        "public:feed_rss": lambda lang: {},
        "public:feed_atom": lambda lang: {},
        "comments:post": lambda lang: {},
        "comments:feed": lambda lang: {},
        "comments:feed_atom": lambda lang: {},
        "comments:story_feed": lambda lang: {"story_id": story.pk},
        "comments:story_feed_atom": lambda lang: {"story_id": story.pk},
        "preview:link": lambda lang: {
            "token": preview_token_make(story=story),
            "lang": lang,
        },
        "preview:link_bilingual": lambda lang: {"token": preview_token_make(story=story)},
        "api": lambda lang: {},
        "healthz": lambda lang: {},
        "api-v1:index": lambda lang: {},
        "api-v1:api-root": lambda lang: {},
        "api-v1:openapi-json": lambda lang: {},
        "api-v1:stories": lambda lang: {"lang": lang},
        "api-v1:story": lambda lang: {"lang": lang, "story_id": story.pk},
        "api-v1:comments": lambda lang: {"lang": lang, "story_id": story.pk},
        "api-v1:search": lambda lang: {"lang": lang},
        "api-v1:sections": lambda lang: {},
        "api-v1:tags": lambda lang: {},
        "api-v1:authors": lambda lang: {},
        "admin:index": lambda lang: {},
        "admin:login": lambda lang: {},
        "admin:logout": lambda lang: {},
        "admin:password_change": lambda lang: {},
        "admin:password_change_done": lambda lang: {},
        "admin:autocomplete": lambda lang: {},
        "admin:jsi18n": lambda lang: {},
        "admin:view_on_site": lambda lang: {
            "content_type_id": ContentType.objects.get_for_model(Story).pk,
            "object_id": story.pk,
        },
    }


def _admin_kwargs(name: str) -> Kwargs | None:
    """Admin pages of every registered model, built from the model's own first row."""
    for model in admin.site._registry:
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if not name.startswith(prefix):
            continue
        action = name.removeprefix(prefix)
        if action in ("changelist", "add", "decide"):
            return lambda lang: {}
        first = model._default_manager.order_by("pk").first()
        assert first is not None, f"the fixture has no {model.__name__} for {name}"
        if action == "password_change":
            return lambda lang: {"id": first.pk}
        if action == "preview":
            return lambda lang: {"object_id": first.pk, "lang": lang}
        return lambda lang: {"object_id": first.pk}
    if name == "app_list":
        return None  # its app labels are listed below
    raise AssertionError(f"no sample for admin:{name}")


def _named_patterns(resolver: URLResolver, namespace: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry, inner)
        elif entry.name:
            yield namespace + entry.name, entry


def _site_urls(site: dict[str, Any]) -> set[str]:
    samples = _samples(site)
    found: set[str] = set()
    for name, _pattern in _named_patterns(get_resolver()):
        if name.startswith("admin:") and name not in samples:
            kwargs = _admin_kwargs(name.removeprefix("admin:"))
            if kwargs is None:
                continue
        else:
            assert name in samples, f"add a sample for the URL pattern {name!r}"
            kwargs = samples[name]
        for lang, _label in settings.LANGUAGES:
            with translation.override(lang):
                found.add(reverse(name, kwargs=kwargs(lang)))
    story, image = site["story"], site["image"]
    found |= {
        *(f"/admin/{label}/" for label in _app_labels()),
        f"/admin/newsroom/story/{story.pk}/",
        "/admin/no-such-page/",
        "/admin/autocomplete/?app_label=newsroom&model_name=story&field_name=tags&term=मान",
        "/en/search/?q=monsoon",
        "/hi/search/?q=मानसून",
        "/hi/search/?q=mansoon&page=2",
        "/en/news/no-such-story/",
        "/no-such-page/",
        image.file.url,
        settings.STATIC_URL + "patrika/site.css",
        settings.STATIC_URL + "admin/js/inlines.js",
    }
    return found


def _app_labels() -> list[str]:
    return sorted({model._meta.app_label for model in admin.site._registry})


def test_every_page_carries_the_policies(site, client, admin_client) -> None:
    urls = _site_urls(site)
    assert len(urls) > 80  # the walk really found the site
    failures = []
    for url in sorted(urls):
        for who, browser in (("reader", client), ("editor", admin_client)):
            response = browser.get(url)
            assert response.status_code < 500, (who, url, response.status_code)
            if problems := header_problems(response.headers):
                failures.append((who, url, response.status_code, problems))
    assert failures == []


def test_posts_and_redirects_carry_the_policies(site, client, admin_client) -> None:
    story = site["story"]
    responses = [
        # A refused comment re-renders the story page; so does the CSRF failure view.
        client.post("/comments/post/", {"story": story.pk, "lang": "hi", "body": ""}),
        Client(enforce_csrf_checks=True).post("/comments/post/", {"story": story.pk}),
        admin_client.post(
            "/admin/newsroom/tag/add/",
            {"name": "बाढ़", "slug": "baadh", "names-TOTAL_FORMS": "0", "names-INITIAL_FORMS": "0"},
        ),
        admin_client.post("/admin/logout/"),
    ]
    assert [r.status_code for r in responses] == [400, 403, 302, 200]
    assert [header_problems(r.headers) for r in responses] == [[]] * len(responses)


@pytest.mark.urls("patrika.tests.failing_urls")
def test_error_pages_carry_the_policies(site) -> None:
    client = Client(raise_request_exception=False)
    for url, status in ((FAILING_PATH, 500), ("/en/news/nothing/", 404), ("/nothing/", 404)):
        response = client.get(url)
        assert response.status_code == status
        assert header_problems(response.headers) == [], url
    # The static 500 page has nothing inline for the policy to refuse.
    page = client.get(FAILING_PATH).text
    assert "<style" not in page and "<script" not in page and " style=" not in page


def test_the_documented_headers_are_the_ones_sent(client) -> None:
    """docs/deployment.md shows the headers for a web server serving pages as files."""
    docs = (Path(settings.BASE_DIR).parent / "docs" / "deployment.md").read_text()
    sent = client.get("/").headers
    documented = dict(re.findall(r"^([\w-]+-Policy): (.+)$", docs, re.MULTILINE))
    # django-csp writes the directives in no fixed order; their meaning is what must agree.
    assert csp_parse(documented["Content-Security-Policy"]) == csp_parse(
        sent["Content-Security-Policy"]
    )
    assert documented["Permissions-Policy"] == sent["Permissions-Policy"]
