"""Translations kept in step, through the services every writer uses (story_save for imports
and the demo, story_touch after the admin form): which edits flag which translations, which
do not, and what readers may see."""

from __future__ import annotations

import importlib
import unicodedata
from datetime import timedelta

import pytest
from django.apps import apps
from django.test import Client
from django.utils import timezone

from patrika.newsroom import selectors, services
from patrika.newsroom.models import Story, StoryStatus, Translation, TranslationState
from patrika.newsroom.services import StoryData, TranslationData
from patrika.search.backends.base import searchable_translations

pytestmark = pytest.mark.django_db

TEXT = {
    "en": {"title": "Floods in the state", "summary": "Crops lost.", "body": "One.\n\nTwo 40,000."},
    "hi": {"title": "राज्य में बाढ़", "summary": "फ़सलें बर्बाद।", "body": "एक।\n\nदो 40,000।"},
    "mr": {"title": "राज्यात पूर", "summary": "पिकांचे नुकसान.", "body": "एक.\n\nदोन 40,000."},
}


def _data(
    original: str = "en",
    *,
    languages: tuple[str, ...] = ("en", "hi"),
    states: dict[str, str] | None = None,
    **changes: dict[str, str],
) -> StoryData:
    return StoryData(
        original_language=original,
        status=StoryStatus.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=1),
        translations=[
            TranslationData(
                language=code,
                **{**TEXT[code], **changes.get(code, {})},
                state=(states or {}).get(code, TranslationState.READY),
            )
            for code in languages
        ],
    )


def _states(story: Story) -> dict[str, str]:
    return dict(story.translations.values_list("language", "state"))


def _touch_after_edit(story: Story, language: str, **fields: str) -> None:
    """What the admin does: the form saves the row, then calls story_touch."""
    translation = story.translations.get(language=language)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    services.story_touch(story=story)


@pytest.mark.parametrize("field", ["title", "summary", "body"])
@pytest.mark.parametrize("original", ["en", "hi", "mr"])
@pytest.mark.parametrize("writer", ["story_save", "story_touch"])
def test_a_change_to_the_source_flags_every_other_ready_translation(
    settings, field: str, original: str, writer: str
) -> None:
    settings.LANGUAGES = [("en", "English"), ("hi", "Hindi"), ("mr", "Marathi")]
    everyone = ("en", "hi", "mr")
    story = services.story_save(data=_data(original, languages=everyone))
    changed = TEXT[original][field] + " 55,000"
    if writer == "story_save":
        services.story_save(
            data=_data(original, languages=everyone, **{original: {field: changed}}), story=story
        )
    else:
        _touch_after_edit(story, original, **{field: changed})
    expected = {code: TranslationState.NEEDS_UPDATE for code in everyone}
    expected[original] = TranslationState.READY
    assert _states(story) == expected
    source = story.translations.get(language=original)
    assert source.text_version == 2
    for translation in story.translations.exclude(language=original):
        assert (translation.source_language, translation.source_version) == (original, 1)
        assert translation.is_public and translation.source_changed_at is not None
        assert translation.text_version == 1


@pytest.mark.parametrize("field", ["title", "summary", "body"])
@pytest.mark.parametrize("language", ["hi", "mr"])
def test_a_change_to_a_translation_flags_nothing(settings, field: str, language: str) -> None:
    settings.LANGUAGES = [("en", "English"), ("hi", "Hindi"), ("mr", "Marathi")]
    story = services.story_save(data=_data(languages=("en", "hi", "mr")))
    _touch_after_edit(story, language, **{field: TEXT[language][field] + " नया"})
    assert set(_states(story).values()) == {TranslationState.READY}
    assert story.translations.get(language=language).text_version == 2


def _same_text_variants(text: str) -> list[str]:
    """The same text as a browser, a form or another keyboard may send it back."""
    return [
        text.replace("\n", "\r\n"),  # a browser posts CRLF
        f"  {text}\n\n",  # the form strips; an import may not
        unicodedata.normalize("NFD", text),  # decomposed nukta and vowel signs
        text.replace(" ", " \u200b", 1),  # an invisible zero-width space (stripped)
        text.replace("\n\n", "  \n\n"),  # spaces at the end of a line
    ]


@pytest.mark.parametrize("variant", range(5))
@pytest.mark.parametrize("original", ["en", "hi"])
def test_the_same_text_sent_back_differently_is_not_a_change(original: str, variant: int) -> None:
    story = services.story_save(data=_data(original))
    texts = {field: _same_text_variants(value)[variant] for field, value in TEXT[original].items()}
    services.story_save(data=_data(original, **{original: texts}), story=story)
    _touch_after_edit(story, original, body=texts["body"])
    assert set(_states(story).values()) == {TranslationState.READY}
    assert {t.text_version for t in story.translations.all()} == {1}


def test_a_draft_stays_a_draft_and_unpublished(client: Client) -> None:
    story = services.story_save(data=_data(states={"hi": TranslationState.DRAFT}))
    _touch_after_edit(story, "en", body="One.\n\nTwo 55,000.")
    hindi = story.translations.get(language="hi")
    assert hindi.state == TranslationState.DRAFT and not hindi.is_public
    assert client.get(hindi.get_absolute_url()).status_code == 404
    # The form still tells the translator what changed in the source.
    (behind,) = selectors.story_translations_behind(story=story)
    assert behind.translation == hindi and behind.fields[0].name == "body"


def test_needs_update_chosen_by_hand_hides_as_before(client: Client) -> None:
    """A translation never flagged by a change of its source was never shown that way: it
    stays unpublished, and the page in the other language has no bilingual version."""
    story = services.story_save(data=_data(states={"hi": TranslationState.NEEDS_UPDATE}))
    hindi, english = (story.translations.get(language=code) for code in ("hi", "en"))
    assert client.get(hindi.get_absolute_url()).status_code == 404
    assert client.get(english.get_bilingual_url()).status_code == 404
    assert list(story.meta["translations"]) == ["en"]
    assert searchable_translations(story) == [english]


def test_flagged_translation_stays_everywhere_readers_find_it(client: Client) -> None:
    story = services.story_save(data=_data())
    services.story_save(data=_data(en={"body": "One.\n\nTwo 55,000."}), story=story)
    hindi = story.translations.get(language="hi")
    assert hindi.state == TranslationState.NEEDS_UPDATE
    assert client.get(hindi.get_absolute_url()).status_code == 200
    assert client.get(hindi.get_bilingual_url()).status_code == 200
    assert hindi.get_absolute_url() in client.get("/sitemap.xml").content.decode()
    assert hindi.title in client.get("/hi/").content.decode()
    assert hindi in searchable_translations(Story.objects.get(pk=story.pk))


def test_flag_survives_a_rewrite_and_dates_the_latest_change() -> None:
    story = services.story_save(data=_data())
    services.story_save(data=_data(en={"body": "One.\n\nTwo 55,000."}), story=story)
    first = story.translations.get(language="hi").source_changed_at
    # An import writing the same data again (Hindi "ready") does not clear the flag.
    services.story_save(data=_data(en={"body": "One.\n\nTwo 55,000."}), story=story)
    hindi = story.translations.get(language="hi")
    assert hindi.state == TranslationState.NEEDS_UPDATE and hindi.source_changed_at == first
    services.story_save(data=_data(en={"body": "One.\n\nTwo 60,000."}), story=story)
    hindi = story.translations.get(language="hi")
    assert hindi.source_changed_at > first
    assert (hindi.source_version, story.translations.get(language="en").text_version) == (1, 3)
    (behind,) = selectors.story_translations_behind(story=story)
    (change,) = behind.fields[0].paragraphs
    assert [(s.op, s.text) for s in change.segments if s.op != "equal"] == [
        ("delete", "40,000"),
        ("insert", "60,000"),
    ]
    (notice,) = selectors.story_reader_notices(story=Story.objects.get(pk=story.pk), language="hi")
    assert (notice.behind, notice.source, notice.since) == ("hi", "en", hindi.source_changed_at)


def test_marking_up_to_date_records_the_current_source() -> None:
    story = services.story_save(data=_data())
    services.story_save(data=_data(en={"body": "One.\n\nTwo 55,000."}), story=story)
    hindi = services.translation_mark_up_to_date(translation=story.translations.get(language="hi"))
    hindi.refresh_from_db()
    assert hindi.state == TranslationState.READY
    assert (hindi.source_version, hindi.source_changed_at) == (2, None)
    assert hindi.source_text["body"] == "One.\n\nTwo 55,000."
    assert selectors.story_translations_behind(story=story) == []
    story.refresh_from_db()
    assert story.meta["translations"]["hi"]["behind"] is None


def test_a_new_translation_is_made_from_the_current_source() -> None:
    story = services.story_save(data=_data(languages=("en",)))
    services.story_save(data=_data(en={"title": "Floods, again"}, languages=("en",)), story=story)
    services.story_save(data=_data(en={"title": "Floods, again"}), story=story)
    hindi = story.translations.get(language="hi")
    assert hindi.state == TranslationState.READY
    assert (hindi.source_language, hindi.source_version) == ("en", 2)


def test_the_migration_records_every_existing_story(client: Client) -> None:
    """Stories saved before versions existed get a baseline, so their next change is seen."""
    story = services.story_save(data=_data())
    Translation.objects.update(
        text_digest="", source_language="", source_version=None, source_text={}
    )
    migration = importlib.import_module(
        "patrika.newsroom.migrations.0006_translations_kept_in_step"
    )
    migration.record_versions(apps, None)
    hindi = story.translations.get(language="hi")
    assert (hindi.source_language, hindi.source_version) == ("en", 1)
    _touch_after_edit(story, "en", body="One.\n\nTwo 55,000.")
    assert _states(story)["hi"] == TranslationState.NEEDS_UPDATE
