import pytest
from django.utils import timezone, translation
from django.utils.html import escape

from patrika.newsroom.models import Image, Story, StoryStatus
from patrika.newsroom.tests.factories import make_section, make_story
from patrika.safe_url import MESSAGES
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES, PUBLIC_URLS

pytestmark = pytest.mark.django_db


def _inline_management(prefix: str, total: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_changelist_filters_and_search(admin_client) -> None:
    make_story(en="Monsoon reaches Delhi", section=make_section())
    for query in (
        "",
        "?status__exact=published",
        "?language=hi",
        "?q=Monsoon",
        "?section__id__exact=1",
    ):
        response = admin_client.get("/admin/newsroom/story/" + query)
        assert response.status_code == 200, query
    assert "Monsoon reaches Delhi" in admin_client.get("/admin/newsroom/story/?q=Monsoon").text


def test_editor_creates_a_bilingual_story_in_the_admin(admin_client, client) -> None:
    now = timezone.localtime()
    data = {
        "status": StoryStatus.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": (now - timezone.timedelta(minutes=5)).strftime("%H:%M:%S"),
        "original_language": "hi",
        "comments_open": "on",
        **_inline_management("translations", 2),
        "translations-0-language": "hi",
        "translations-0-state": "ready",
        "translations-0-title": "संसद में बजट पेश",
        "translations-0-body": "## मुख्य बातें\n\nबजट पेश हुआ।",
        "translations-1-language": "en",
        "translations-1-state": "ready",
        "translations-1-title": "Budget presented in Parliament",
        "translations-1-body": "The budget was presented.",
        **_inline_management("sources", 1),
        "sources-0-title": "Budget speech",
        "sources-0-publisher": "PIB",
        "sources-0-position": "0",
    }
    response = admin_client.post("/admin/newsroom/story/add/", data)
    assert response.status_code == 302, response.text[:3000]
    story = Story.objects.get()
    assert story.meta["sources"][0]["publisher"] == "PIB"
    hindi = story.translations.get(language="hi")
    assert hindi.slug == "संसद-में-बजट-पेश"
    page = client.get(hindi.get_absolute_url())
    assert page.status_code == 200
    assert "<h2>मुख्य बातें</h2>" in page.text and "PIB" in page.text


def test_publish_action(admin_client) -> None:
    story = make_story(status=StoryStatus.DRAFT)
    admin_client.post(
        "/admin/newsroom/story/",
        {"action": "publish_selected", "_selected_action": [story.pk]},
    )
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED


def _refusal_shown(html: str) -> bool:
    """One of the URL rule's own explanations is on the page (not Django's "Enter a valid
    URL.")."""
    with translation.override("en"):
        texts = [str(m) for m in MESSAGES.values()]
    texts[list(MESSAGES).index("too_long")] = "This address is too long"
    return any(escape(text) in html for text in texts)


def _story_form(source_url: str) -> dict[str, str]:
    now = timezone.localtime()
    return {
        "status": StoryStatus.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": (now - timezone.timedelta(minutes=5)).strftime("%H:%M:%S"),
        "original_language": "hi",
        "comments_open": "on",
        **_inline_management("translations", 1),
        "translations-0-language": "hi",
        "translations-0-state": "ready",
        "translations-0-title": "संसद में बजट पेश",
        "translations-0-body": "बजट पेश हुआ।",
        **_inline_management("sources", 1),
        "sources-0-title": "बजट भाषण",
        "sources-0-publisher": "PIB",
        "sources-0-url": source_url,
        "sources-0-position": "0",
    }


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_source_url_that_is_not_public_is_refused_with_a_clear_error(admin_client, url) -> None:
    response = admin_client.post("/admin/newsroom/story/add/", _story_form(url))
    assert response.status_code == 200
    assert not Story.objects.exists()
    html = response.content.decode()
    assert _refusal_shown(html), html[:3000]
    assert "बजट भाषण" in html  # what the editor typed is still in the form


def test_source_url_refusal_speaks_hindi(admin_client) -> None:
    response = admin_client.post(
        "/admin/newsroom/story/add/",
        _story_form("https://editor:secret@pib.gov.in/speech"),
        HTTP_ACCEPT_LANGUAGE="hi",
    )
    assert "इस पते से उपयोगकर्ता नाम और पासवर्ड हटाएँ।" in response.content.decode()
    assert not Story.objects.exists()


def test_public_source_url_is_kept(admin_client) -> None:
    url = PUBLIC_URLS[4]  # a Hindi host and path
    response = admin_client.post("/admin/newsroom/story/add/", _story_form(url))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Story.objects.get().sources.get().url == url


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_image_source_url_that_is_not_public_is_refused(admin_client, url) -> None:
    response = admin_client.post(
        "/admin/newsroom/image/add/", {"source_url": url, "credit": "फ़ोटो डेस्क"}
    )
    assert response.status_code == 200
    assert not Image.objects.exists()
    assert _refusal_shown(response.content.decode())
