from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from patrika.newsroom.models import Story, StoryStatus, Translation
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_markdown_rendered_once_on_save_and_sanitised() -> None:
    story = make_story(
        en_body="## Heading\n\nText <script>alert(1)</script> [x](javascript:alert(1))\n\n"
        '<a href="javascript:alert(2)">y</a> <img src="x.png" onerror="alert(3)">'
    )
    html = story.translations.get(language="en").body_html
    assert "<h2>Heading</h2>" in html
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "onerror" not in html
    assert '<img src="x.png">' in html


def test_top_level_heading_becomes_h2() -> None:
    story = make_story(en_body="# Title inside body")
    assert "<h2>Title inside body</h2>" in story.translations.get(language="en").body_html


def test_hindi_slug_keeps_matras() -> None:
    story = make_story(hi="प्रधानमंत्री मोदी की वार्ता")
    assert story.translations.get(language="hi").slug == "प्रधानमंत्री-मोदी-की-वार्ता"


def test_same_title_gets_distinct_slugs() -> None:
    first = make_story(en="Same title")
    second = make_story(en="Same title")
    slugs = {
        first.translations.get(language="en").slug,
        second.translations.get(language="en").slug,
    }
    assert slugs == {"same-title", "same-title-2"}


def test_one_translation_per_language() -> None:
    story = make_story(hi=None)
    with pytest.raises(IntegrityError):
        Translation.objects.create(story=story, language="en", title="Duplicate", slug="dup")


def test_scheduled_story_goes_live_when_its_time_comes() -> None:
    soon = timezone.now() + timedelta(hours=1)
    story = make_story(status=StoryStatus.SCHEDULED, published_at=soon)
    assert not story.is_live
    assert not Story.objects.live().filter(pk=story.pk).exists()
    Story.objects.filter(pk=story.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Story.objects.live().filter(pk=story.pk).exists()


def test_text_is_stored_nfc() -> None:
    import unicodedata

    story = make_story(hi=unicodedata.normalize("NFD", "क़ानून की ख़बर"))
    title = story.translations.get(language="hi").title
    assert title == unicodedata.normalize("NFC", title)
