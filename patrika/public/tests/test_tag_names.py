"""Pages of each language show a tag's name in that language, or the name it has."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings

from patrika.newsroom.services import TagData
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
NAMES = {"en": "Monsoon", "hi": "मानसून", "mr": "पावसाळा"}


@pytest.fixture
def story():
    return make_story(
        tags=[TagData("Monsoon", {code: NAMES[code] for code in LANGUAGES}), "Cricket"]
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_of_a_language_names_tags_in_it(client, story, lang) -> None:
    others = [NAMES[code] for code in LANGUAGES if NAMES[code] != NAMES[lang]]
    page = client.get(story.translations.get(language=lang).get_absolute_url()).text
    assert f'/{lang}/tag/monsoon/">{NAMES[lang]}</a>' in page
    assert f'/{lang}/tag/cricket/">Cricket</a>' in page  # no name in this language: its own
    assert f'<meta property="article:tag" content="{NAMES[lang]}">' in page
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["keywords"] == [NAMES[lang], "Cricket"]
    heading = client.get(f"/{lang}/tag/monsoon/").text
    assert f"<h1>{NAMES[lang]}</h1>" in heading
    assert f"<title>{NAMES[lang]} –" in heading
    for feed in ("rss", "atom"):
        text = client.get(f"/{lang}/tag/monsoon/feed/{feed}/").text
        assert NAMES[lang] in text
        assert not any(f">{other}<" in text or f'"{other}"' in text for other in others)
    bilingual = client.get(story.translations.get(language="en").get_bilingual_url()).text
    part = bilingual[bilingual.index(f'id="story-{lang}"') :]
    assert f'/{lang}/tag/monsoon/">{NAMES[lang]}</a>' in part[: part.index("</article>")]
