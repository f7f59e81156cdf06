"""A tag has a name per language, falling back to its own name."""

from __future__ import annotations

import pytest

from patrika.newsroom import services
from patrika.newsroom.models import Story, Tag, TagName
from patrika.newsroom.services import TagData
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db


def test_names_per_language_are_stored_and_baked() -> None:
    story = make_story(tags=[TagData("Monsoon", {"en": "Monsoon", "hi": "मानसून"}), "Cricket"])
    tag = Tag.objects.get(name="Monsoon")
    # The English name is the tag's own: not stored twice.
    assert {n.language: n.name for n in tag.names.all()} == {"hi": "मानसून"}
    assert [tag.name_for(code) for code in ("en", "hi", "mr")] == ["Monsoon", "मानसून", "Monsoon"]
    baked = Story.objects.get(pk=story.pk).meta["tags"]
    assert baked == [
        {"name": "Monsoon", "slug": "monsoon", "names": {"hi": "मानसून"}},
        {"name": "Cricket", "slug": "cricket", "names": {}},
    ]


@pytest.mark.parametrize("spelling", ["मानसून", "Monsoon", "monsoon"])
def test_a_tag_is_found_by_its_name_in_any_language(spelling: str) -> None:
    first = services.tag_get_or_create(name="Monsoon", names={"hi": "मानसून"})
    assert services.tag_get_or_create(name=spelling) == first
    assert Tag.objects.count() == 1


def test_two_names_of_one_tag_tag_a_story_once() -> None:
    services.tag_get_or_create(name="Monsoon", names={"hi": "मानसून"})
    story = make_story(tags=["Monsoon", "मानसून"])
    assert story.tags.count() == 1
    assert len(Story.objects.get(pk=story.pk).meta["tags"]) == 1


def test_names_are_added_and_corrected_never_dropped() -> None:
    tag = services.tag_get_or_create(name="Monsoon", names={"hi": "मानसुन"})
    services.tag_get_or_create(name="Monsoon", names={"hi": "मानसून", "mr": "पावसाळा"})
    services.tag_get_or_create(name="Monsoon", names={"en": ""})
    assert {n.language: n.name for n in tag.names.all()} == {"hi": "मानसून", "mr": "पावसाळा"}


def test_a_new_or_corrected_name_rebakes_the_tags_stories() -> None:
    story = make_story(tags=["Monsoon"])
    tag = Tag.objects.get()
    name = TagName.objects.create(tag=tag, language="hi", name="मानसुन")
    assert Story.objects.get(pk=story.pk).meta["tags"][0]["names"] == {"hi": "मानसुन"}
    name.name = "मानसून"
    name.save()
    assert Story.objects.get(pk=story.pk).meta["tags"][0]["names"] == {"hi": "मानसून"}
    name.delete()
    assert Story.objects.get(pk=story.pk).meta["tags"][0]["names"] == {}
