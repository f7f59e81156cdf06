"""The tag form makes the slug on the server when it is left empty: every vowel sign, nukta
and virama kept, unique among tags (Django's JavaScript pre-fill dropped them: "मोदी" → "मद")."""

from __future__ import annotations

import pytest

from patrika.newsroom.models import Tag
from patrika.slugs import validate_slug
from patrika.text import slugify

pytestmark = pytest.mark.django_db

# The names-per-language inline, sent empty as a browser sends it.
NO_NAMES = {"names-TOTAL_FORMS": "0", "names-INITIAL_FORMS": "0"}
NAMES = ["मोदी", "ज़िला परिषद", "पुण्यातील पाऊस", "बूँदाबाँदी", "क्षेत्रीय राजनीति", "Energy security"]


@pytest.mark.parametrize("name", NAMES)
def test_a_blank_slug_is_made_from_the_name(admin_client, name: str) -> None:
    page = admin_client.get("/admin/newsroom/tag/add/").text
    assert 'data-prepopulated-fields="[]"' in page
    response = admin_client.post("/admin/newsroom/tag/add/", {**NO_NAMES, "name": name, "slug": ""})
    assert response.status_code == 302, response.text[:2000]
    tag = Tag.objects.get(name=name)
    assert tag.slug == slugify(name)
    validate_slug(tag.slug)
    # Another name with the same slug (punctuation is dropped) gets a slug of its own.
    response = admin_client.post(
        "/admin/newsroom/tag/add/", {**NO_NAMES, "name": f"{name}!", "slug": ""}
    )
    assert response.status_code == 302, response.text[:2000]
    assert Tag.objects.get(name=f"{name}!").slug == f"{tag.slug}-2"


def test_a_slug_typed_by_hand_is_kept(admin_client) -> None:
    admin_client.post("/admin/newsroom/tag/add/", {**NO_NAMES, "name": "मोदी", "slug": "modi"})
    assert Tag.objects.get(name="मोदी").slug == "modi"
