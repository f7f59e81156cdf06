"""Previews: staff see any story as readers will, before readers can; a signed link shows it
to someone without a login until it expires, and is never indexed."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.test import Client
from django.utils import timezone

from patrika.accounts.roles import CONTRIBUTOR, EDITOR
from patrika.accounts.services import user_create
from patrika.editorial import preview
from patrika.newsroom.models import Story, StoryStatus
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db

NOT_LIVE = [StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.APPROVED, StoryStatus.SCHEDULED]


def _story(status: str) -> Story:
    when = timezone.now() + timedelta(days=1)
    story = make_story(
        status=status,
        published_at=when,
        en="A preview headline",
        hi="पूर्वावलोकन की सुर्ख़ी",
        en_body="The **first** paragraph.",
        hi_body="पहला **अनुच्छेद** यहाँ।",
    )
    Story.objects.filter(pk=story.pk).update(status=status)
    story.refresh_from_db()
    return story


def _staff(role: str) -> Client:
    client = Client()
    client.force_login(user_create(username=f"p-{role}", role=role)[0])
    return client


def _shows_story(html: str, lang: str) -> None:
    if lang == "en":
        assert "A preview headline" in html and "<strong>first</strong>" in html
    else:
        assert "पूर्वावलोकन की सुर्ख़ी" in html and "<strong>अनुच्छेद</strong>" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


@pytest.mark.parametrize("status", NOT_LIVE, ids=lambda s: s.value)
@pytest.mark.parametrize("role", [CONTRIBUTOR, EDITOR])
def test_staff_preview_each_language_and_both_before_readers_can(role: str, status: str) -> None:
    story = _story(status)
    client = _staff(role)
    for t in story.translations.all():
        assert Client().get(t.get_absolute_url()).status_code == 404
        response = client.get(f"/admin/newsroom/story/{story.pk}/preview/{t.language}/")
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
        _shows_story(response.content.decode(), t.language)
    both = client.get(f"/admin/newsroom/story/{story.pk}/preview/bilingual/").content.decode()
    _shows_story(both, "en")
    _shows_story(both, "hi")


def test_the_story_form_links_to_the_previews() -> None:
    story = _story(StoryStatus.DRAFT)
    page = _staff(EDITOR).get(f"/admin/newsroom/story/{story.pk}/change/").content.decode()
    for target in ("preview/en/", "preview/hi/", "preview/bilingual/"):
        assert f'href="/admin/newsroom/story/{story.pk}/{target}"' in page
    link = re.search(r'id="id__preview_link"[^>]*value="([^"]+)"', page).group(1)
    assert "/preview/" in link
    # Opened by someone with no login at all:
    path = link.split("://", 1)[1].split("/", 1)[1]
    _shows_story(Client().get("/" + path).content.decode(), story.original_language)


def test_no_preview_without_a_login_or_a_permission() -> None:
    story = _story(StoryStatus.DRAFT)
    url = f"/admin/newsroom/story/{story.pk}/preview/en/"
    assert Client().get(url).status_code == 302  # to the login page
    nobody = Client()
    nobody.force_login(User.objects.create_user("visitor", is_staff=True))
    assert nobody.get(url).status_code == 403


@pytest.mark.parametrize("status", NOT_LIVE, ids=lambda s: s.value)
def test_a_signed_link_opens_the_story_for_anyone(status: str) -> None:
    story = _story(status)
    token = preview.preview_token_make(story=story)
    for lang in ("en", "hi"):
        response = Client().get(f"/preview/{token}/{lang}/")
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        _shows_story(response.content.decode(), lang)
    both = Client().get(f"/preview/{token}/bilingual/")
    _shows_story(both.content.decode(), "hi")


class _Signer(signing.TimestampSigner):
    def __init__(self, *, at: float, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._at = at

    def timestamp(self) -> str:
        return signing.b62_encode(int(self._at))


def _token_made(story: Story, *, seconds_ago: float) -> str:
    return _Signer(at=time.time() - seconds_ago, salt=preview._SALT).sign(str(story.pk))


def test_a_link_expires(settings) -> None:
    settings.PATRIKA_PREVIEW_LINK_HOURS = 2
    story = _story(StoryStatus.DRAFT)
    fresh = _token_made(story, seconds_ago=2 * 3600 - 60)
    stale = _token_made(story, seconds_ago=2 * 3600 + 60)
    assert Client().get(f"/preview/{fresh}/en/").status_code == 200
    assert Client().get(f"/preview/{stale}/en/").status_code == 404


def test_an_altered_or_forged_link_opens_nothing() -> None:
    story, other = _story(StoryStatus.DRAFT), _story(StoryStatus.DRAFT)
    token = preview.preview_token_make(story=story)
    value, stamp, signature = token.split(":")
    forged = [
        f"{other.pk}:{stamp}:{signature}",
        f"{value}:{stamp}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",
        signing.TimestampSigner(salt="another purpose").sign(str(story.pk)),
        "nothing",
    ]
    for bad in forged:
        assert Client().get(f"/preview/{bad}/en/").status_code == 404


def test_robots_are_told_to_stay_out() -> None:
    assert "Disallow: /preview/" in Client().get("/robots.txt").content.decode()
