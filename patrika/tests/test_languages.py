"""A third language is configuration, not code."""

import pytest
from django.test import override_settings

from patrika import languages
from patrika.newsroom import services
from patrika.newsroom.models import StoryStatus
from patrika.newsroom.services import StoryData, TranslationData

pytestmark = pytest.mark.django_db

WITH_MARATHI = [("en", "English"), ("hi", "Hindi"), ("mr", "Marathi")]


@override_settings(LANGUAGES=WITH_MARATHI)
def test_marathi_by_configuration(client) -> None:
    from django.utils import timezone

    story = services.story_save(
        data=StoryData(
            status=StoryStatus.PUBLISHED,
            published_at=timezone.now() - timezone.timedelta(minutes=1),
            translations=[
                TranslationData(language="en", title="Rain in Pune", body="It rained."),
                TranslationData(language="mr", title="पुण्यात पाऊस", body="पाऊस पडला."),
            ],
        )
    )
    marathi = story.translations.get(language="mr")
    assert marathi.slug == "पुण्यात-पाऊस"
    page = client.get(marathi.get_absolute_url())
    assert page.status_code == 200
    assert '<html lang="mr"' in page.text
    assert 'hreflang="en"' in page.text
    assert "पुण्यात पाऊस" in client.get("/mr/").text
    assert list(story.meta["translations"]) == ["en", "mr"]
    assert languages.detect_script_language("पुण्यात पाऊस पडला") == "hi"  # first Devanagari one
