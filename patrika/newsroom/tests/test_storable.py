"""The newsroom stores text as its author wrote it, and refuses only what cannot be stored."""

from __future__ import annotations

import sys
import unicodedata

import lxml.html
import pytest
from django.core.exceptions import ValidationError

from patrika.newsroom import services
from patrika.newsroom.models import Author, Story, Tag, Translation
from patrika.newsroom.services import SourceData, StoryData, TranslationData
from patrika.newsroom.tests.factories import make_story
from patrika.newsroom.tests.test_admin import _change_form, _submit, _translation_prefix
from patrika.tests.tricky_text import TRICKY, UNSTORABLE

pytestmark = pytest.mark.django_db

IDS = [label for label, _language, _text in TRICKY]


@pytest.mark.parametrize(("label", "language", "text"), TRICKY, ids=IDS)
def test_every_text_field_keeps_the_text_as_written(label: str, language: str, text: str) -> None:
    story = services.story_save(
        data=StoryData(
            translations=[
                TranslationData(
                    language=language,
                    title=text,
                    body=f"{text}\n\n{text}.",
                    summary=text,
                    seo_description=text,
                    image_alt=text,
                    image_caption=text,
                )
            ],
            original_language=language,
            tags=[text],
            authors=[text],
            sources=[SourceData(title=text, publisher=text)],
        )
    )
    translation = Translation.objects.get(story=story)
    for field in ("title", "summary", "seo_description", "image_alt", "image_caption"):
        assert getattr(translation, field) == text, field
    assert translation.body == f"{text}\n\n{text}."
    assert [t.name for t in story.tags.all()] == [text]
    assert [a.name for a in story.authors.all()] == [text]
    assert list(story.sources.values_list("title", "publisher")) == [(text, text)]
    assert story.meta["tags"][0]["name"] == text


def test_every_storable_character_survives_a_save() -> None:
    """All of Unicode but the refused few, in one field, read back unchanged."""
    refused = set(UNSTORABLE) | {chr(c) for c in range(0xD800, 0xE000)}
    storable = [
        chr(point)
        for point in range(sys.maxunicode + 1)
        if chr(point) not in refused
        and (0x20 <= point or chr(point) in "\t\n\r")
        and unicodedata.category(chr(point)) != "Cn"
    ]
    story = make_story()
    translation = story.translations.get(language="en")
    translation.summary = "".join(storable)
    translation.save()
    translation.refresh_from_db()
    assert translation.summary == "".join(storable)


@pytest.mark.parametrize("char", UNSTORABLE, ids=[f"U+{ord(c):04X}" for c in UNSTORABLE])
def test_unstorable_characters_are_refused_with_field_and_character(char: str) -> None:
    with pytest.raises(ValidationError) as refused:
        services.story_save(
            data=StoryData(translations=[TranslationData(language="en", title=f"Bad{char}title")])
        )
    message = " ".join(refused.value.messages)
    assert "title" in message and f"U+{ord(char):04X}" in message and "character 4" in message
    assert not Story.objects.exists()  # nothing half-written
    for data in (
        StoryData(translations=[TranslationData(language="en", title="T")], tags=[f"t{char}x"]),
        StoryData(translations=[TranslationData(language="en", title="T")], authors=[f"A{char}B"]),
        StoryData(
            translations=[TranslationData(language="en", title="T")],
            sources=[SourceData(title="S", publisher=f"P{char}")],
        ),
    ):
        with pytest.raises(ValidationError, match=f"U\\+{ord(char):04X}"):
            services.story_save(data=data)
    assert not Story.objects.exists()


@pytest.mark.parametrize(("label", "language", "text"), TRICKY, ids=IDS)
def test_tags_and_authors_are_found_however_their_name_is_typed(
    label: str, language: str, text: str
) -> None:
    """A second spelling of the same name (NFC, without joiners) finds the first row, which
    keeps the name as it was first written."""
    variants = [
        unicodedata.normalize("NFC", text),
        unicodedata.normalize("NFD", text),
        "".join(c for c in text if unicodedata.category(c) != "Cf"),
    ]
    tag = services.tag_get_or_create(name=text)
    author = services.author_get_or_create(name=text)
    for variant in variants:
        assert services.tag_get_or_create(name=variant) == tag, variant
        assert services.author_get_or_create(name=variant) == author, variant
    assert list(Tag.objects.values_list("name", flat=True)) == [text]
    assert list(Author.objects.values_list("name", flat=True)) == [text]


@pytest.mark.parametrize(("label", "language", "text"), TRICKY, ids=IDS)
def test_admin_form_keeps_the_text_as_typed(admin_client, label: str, language: str, text: str):
    story = make_story()
    data = _change_form(admin_client, story)
    prefix = _translation_prefix(data, language)
    data[f"{prefix}-title"] = [text]
    data[f"{prefix}-summary"] = [text]
    data[f"{prefix}-body"] = [f"{text}\n\n{text}."]
    data[f"{prefix}-image_caption"] = [text]
    _submit(admin_client, story, data)
    translation = story.translations.get(language=language)
    assert (translation.title, translation.summary, translation.image_caption) == (text,) * 3
    assert translation.body == f"{text}\n\n{text}."
    # Saved again unchanged, the form gives back exactly what it showed.
    _submit(admin_client, story, _change_form(admin_client, story))
    assert story.translations.get(language=language).title == text


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\ufffe"], ids=["U+0001", "U+001B", "U+FFFE"])
def test_admin_form_refuses_unstorable_text_next_to_the_field(admin_client, char: str) -> None:
    story = make_story()
    data = _change_form(admin_client, story)
    prefix = _translation_prefix(data, "hi")
    data[f"{prefix}-title"] = [f"ख़बर{char}"]
    response = admin_client.post(f"/admin/newsroom/story/{story.pk}/change/", data)
    assert response.status_code == 200
    errors = " ".join(
        e.text_content()
        for e in lxml.html.fromstring(response.text).xpath('//*[contains(@class, "errorlist")]')
    )
    assert f"U+{ord(char):04X}" in errors and "character 5" in errors


def test_search_still_finds_text_stored_as_written(django_capture_on_commit_callbacks) -> None:
    """Stored text is not NFC; the search analysis normalises for itself, so a query typed
    composed and without invisible characters finds it."""
    from patrika.search.backends import Filters
    from patrika.search.selectors import search_page

    with django_capture_on_commit_callbacks(execute=True):
        stories = [
            make_story(**{language: text, ("en" if language == "hi" else "hi"): None})
            for _label, language, text in TRICKY
        ]
    for story, (_label, language, text) in zip(stories, TRICKY, strict=True):
        query = unicodedata.normalize("NFC", text)
        query = "".join(c for c in query if unicodedata.category(c) != "Cf")
        page = search_page(query=query, filters=Filters(), per_page=50, lang=language)
        assert story.pk in [hit.story_id for hit in page.hits], text
