import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from patrika.newsroom.models import Image, Story, StoryStatus
from patrika.newsroom.tests.factories import (
    make_section,
    make_story,
    media_files,
    png_of_one_colour,
)

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


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "orange").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("side", [13_000, 20_000])
@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "The picture is too large: at most 50 megapixels"), ("hi", "चित्र बहुत बड़ा है")],
)
def test_admin_refuses_a_picture_with_too_many_pixels(
    side: int, language: str, message: str, admin_client
) -> None:
    upload = SimpleUploadedFile("bomb.png", png_of_one_colour(side, side), "image/png")
    response = admin_client.post(
        "/admin/newsroom/image/add/",
        {"file": upload, "credit": "PTI"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    assert message in response.text
    assert not Image.objects.exists()
    assert media_files() == []


def test_admin_upload_of_an_ordinary_picture_gets_renditions(admin_client) -> None:
    upload = SimpleUploadedFile("monsoon.png", _png(2000, 1200), "image/png")
    response = admin_client.post("/admin/newsroom/image/add/", {"file": upload, "credit": "PTI"})
    assert response.status_code == 302, response.text[:2000]
    image = Image.objects.get()
    assert (image.width, image.height, image.credit) == (2000, 1200, "PTI")
    assert sorted(map(int, image.renditions)) == [480, 960, 1440]
    assert media_files() == sorted([image.file.name, *image.renditions.values()])
    # Replacing it with a picture that is too large keeps the old one.
    upload = SimpleUploadedFile("bomb.png", png_of_one_colour(20_000, 20_000), "image/png")
    response = admin_client.post(
        f"/admin/newsroom/image/{image.pk}/change/", {"file": upload, "credit": "PTI"}
    )
    assert response.status_code == 200 and "too large" in response.text
    assert Image.objects.get().file.name == image.file.name
    assert media_files() == sorted([image.file.name, *image.renditions.values()])
