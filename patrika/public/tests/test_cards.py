"""Story cards on every listing show the lead picture: WebP renditions with srcset and sizes,
lazy-loaded, with width and height, and alt text in the card's language."""

from __future__ import annotations

import io

import lxml.html
import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from patrika.newsroom import services
from patrika.newsroom.models import Image, Story
from patrika.newsroom.services import StoryData, TranslationData
from patrika.newsroom.tests.factories import make_section, make_story

pytestmark = pytest.mark.django_db(transaction=True)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
CARDS = '//*[contains(concat(" ", @class, " "), " card ") or @class="search-hit"]'
ALT = {"en": "Farmers planting rice in a flooded field", "hi": "पानी भरे खेत में धान रोपते किसान"}


def _picture(width: int = 1600, height: int = 900) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#2a7").save(buffer, "JPEG")
    return services.image_create(content=buffer.getvalue(), filename="paddy.jpg", credit="PTI")


@pytest.fixture
def story() -> Story:
    return services.story_save(
        data=StoryData(
            status="published",
            published_at=make_story().published_at,
            section=make_section(),
            tags=["Farming"],
            authors=["Asha Verma"],
            featured_image=_picture(),
            translations=[
                TranslationData(
                    language=code, title=f"Paddy sowing {code}", body="x", image_alt=ALT[code]
                )
                for code in LANGUAGES
            ],
        )
    )


def _listings(story: Story, lang: str) -> list[str]:
    year, month = story.published_at.year, story.published_at.month
    return [
        f"/{lang}/",
        f"/{lang}/section/world/",
        f"/{lang}/tag/farming/",
        f"/{lang}/author/asha-verma/",
        f"/{lang}/archive/{year}/",
        f"/{lang}/archive/{year}/{month}/",
        f"/{lang}/search/?q=paddy",
    ]


def _card_pictures(html: str, title: str) -> list[lxml.html.HtmlElement]:
    doc = lxml.html.fromstring(html)
    cards = [card for card in doc.xpath(CARDS) if title in card.text_content()]
    assert cards, "no card for the story"
    return [img for card in cards for img in card.xpath(".//img")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_listing_shows_the_lead_picture(client, story, lang) -> None:
    image = story.featured_image
    title = f"Paddy sowing {lang}"
    for path in _listings(story, lang):
        (img,) = _card_pictures(client.get(path).text, title)
        assert img.get("loading") == "lazy", path
        assert (img.get("width"), img.get("height")) == (str(image.width), str(image.height))
        candidates = [part.split() for part in img.get("srcset").split(",")]
        assert [w for _url, w in candidates] == [
            f"{w}w" for w in sorted(map(int, image.renditions))
        ]
        assert all(url.endswith(".webp") for url, _w in candidates)
        assert img.get("sizes")
        assert img.get("alt") == ALT[lang], path
        assert all(default_storage.exists(name) for name in image.renditions.values())


def test_the_site_home_names_the_picture_in_the_first_language(client, story) -> None:
    (img,) = _card_pictures(client.get("/").text, f"Paddy sowing {LANGUAGES[0]}")
    assert img.get("alt") == ALT[LANGUAGES[0]] and img.get("lang") == LANGUAGES[0]
    assert img.get("loading") == "lazy" and img.get("width") == "1600"


def test_a_picture_kept_at_the_old_sites_address_has_no_renditions(client) -> None:
    remote = Image.objects.create(source_url="https://cdn.example.com/rain.jpg")
    story = make_story(en="Rain everywhere", featured_image=remote)
    (img,) = _card_pictures(client.get("/en/").text, "Rain everywhere")
    assert img.get("src") == "https://cdn.example.com/rain.jpg"
    assert img.get("srcset") is None and img.get("width") is None
    assert img.get("loading") == "lazy" and img.get("alt") == ""
    assert story.pk


@pytest.mark.parametrize("lang", LANGUAGES)
def test_listing_queries_do_not_grow_with_stories(client, lang) -> None:
    section = make_section()

    def count(path: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    make_story(section=section, tags=["x"], featured_image=_picture(640, 360))
    paths = [f"/{lang}/", f"/{lang}/section/world/", f"/{lang}/tag/x/", f"/{lang}/archive/"]
    few = [count(path) for path in paths]
    for n in range(10):
        make_story(section=section, tags=["x", f"t{n}"], featured_image=_picture(640, 360))
    assert [count(path) for path in paths] == few
