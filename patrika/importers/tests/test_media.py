"""Image references: only public http(s) URLs become an Image's source URL."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from patrika.importers.media import image_for_url
from patrika.newsroom.models import Image
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES, PUBLIC_URLS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_a_url_that_is_not_public_is_refused(url: str) -> None:
    # Importers drop such URLs with a warning first; any other caller is stopped here.
    with pytest.raises(ValidationError):
        image_for_url(url=url)
    assert not Image.objects.exists()


def test_a_public_url_is_found_again() -> None:
    first = image_for_url(url=f"  {PUBLIC_URLS[0]}\n")
    assert first.source_url == PUBLIC_URLS[0]
    assert image_for_url(url=PUBLIC_URLS[0]) == first
