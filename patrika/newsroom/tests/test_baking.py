import pytest

from patrika.newsroom.models import SectionName, Story, Tag
from patrika.newsroom.selectors import translation_get_live
from patrika.newsroom.tests.factories import make_section, make_story

pytestmark = pytest.mark.django_db


def test_story_save_bakes_relations_in_settings_order() -> None:
    story = make_story(section=make_section(), tags=["Monsoon"], authors=["Asha Verma"])
    meta = Story.objects.get(pk=story.pk).meta
    assert list(meta["translations"]) == ["en", "hi"]
    assert meta["section"]["names"] == {"en": "World", "hi": "विश्व"}
    assert meta["tags"] == [{"name": "Monsoon", "slug": "monsoon", "names": {}}]
    assert meta["authors"][0]["name"] == "Asha Verma"
    assert meta["translations"]["hi"]["url"].startswith("/hi/news/")


def test_renaming_a_tag_rebakes_its_stories(client) -> None:
    story = make_story(tags=["Monsoon"])
    tag = Tag.objects.get(name="Monsoon")
    tag.name = "Monsoon 2026"
    tag.save()
    assert Story.objects.get(pk=story.pk).meta["tags"][0]["name"] == "Monsoon 2026"
    page = client.get(story.translations.get(language="en").get_absolute_url()).text
    assert "Monsoon 2026" in page


def test_correcting_a_section_name_rebakes_its_stories() -> None:
    story = make_story(section=make_section())
    name = SectionName.objects.get(section=story.section, language="hi")
    name.name = "दुनिया"
    name.save()
    assert Story.objects.get(pk=story.pk).meta["section"]["names"]["hi"] == "दुनिया"


def test_a_story_written_around_the_services_is_baked_when_read() -> None:
    story = make_story(tags=["Cricket"])
    Story.objects.filter(pk=story.pk).update(meta={})
    translation = translation_get_live(lang="en", slug=story.translations.get(language="en").slug)
    assert translation.story.meta["tags"][0]["name"] == "Cricket"
    assert Story.objects.get(pk=story.pk).meta["tags"]


def test_translations_not_ready_are_not_baked() -> None:
    story = make_story()
    hindi = story.translations.get(language="hi")
    hindi.state = "draft"
    hindi.save()
    from patrika.newsroom.services import story_touch

    story_touch(story=story)
    assert list(Story.objects.get(pk=story.pk).meta["translations"]) == ["en"]
