"""Translations kept in step, where people act: an editor changes a figure in the English body
through the admin's real change form (issue 10's scenario), the Hindi translation is flagged
in the story list and form with the source's diff, readers keep both pages with a notice in
their language, and an editor marks it up to date."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from patrika.newsroom import services
from patrika.newsroom.models import Story, StoryStatus, Translation, TranslationState
from patrika.newsroom.services import StoryData, TranslationData
from patrika.newsroom.tests.test_admin import _change_form, _submit, _translation_prefix
from patrika.text import normalize

pytestmark = pytest.mark.django_db

EN_BODY = (
    "Heavy rain lashed the state on Monday.\n\n"
    "Floods damaged crops on 40,000 hectares, officials said.\n\n"
    "Relief camps have been set up."
)
HI_BODY = (
    "सोमवार को राज्य में भारी बारिश हुई।\n\n"
    "अधिकारियों ने बताया कि बाढ़ से 40,000 हेक्टेयर में फ़सलें बर्बाद हुईं।\n\n"
    "राहत शिविर लगाए गए हैं।"
)
NOTICE_HI = normalize("इस ख़बर का अंग्रेज़ी संस्करण अपडेट हुआ है; यह हिंदी अनुवाद अपडेट किया जा रहा है।")
NOTICE_EN_ABOUT_HI = "The Hindi translation of this story is being brought up to date."


def _story(*, original: str = "en", extra: list[TranslationData] | None = None) -> Story:
    return services.story_save(
        data=StoryData(
            original_language=original,
            status=StoryStatus.PUBLISHED,
            published_at=timezone.now() - timedelta(hours=1),
            translations=[
                TranslationData(language="en", title="Floods in the state", body=EN_BODY),
                TranslationData(language="hi", title="राज्य में बाढ़", body=HI_BODY),
                *(extra or []),
            ],
        )
    )


def _edit(admin_client: Client, story: Story, language: str, old: str, new: str) -> None:
    data = _change_form(admin_client, story)
    prefix = _translation_prefix(data, language)
    (body,) = data[f"{prefix}-body"]
    assert old in body
    data[f"{prefix}-body"] = [body.replace(old, new)]
    _submit(admin_client, story, data)


def _get(story: Story, language: str) -> Translation:
    return story.translations.get(language=language)


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return normalize(response.text)


def test_changed_figure_flags_hindi_everywhere_until_marked(admin_client, client) -> None:
    story = _story()
    hindi, english = _get(story, "hi"), _get(story, "en")

    _edit(admin_client, story, "en", "40,000", "55,000")

    hindi.refresh_from_db()
    assert hindi.state == TranslationState.NEEDS_UPDATE
    assert (hindi.source_language, hindi.source_version) == ("en", 1)
    assert _get(story, "en").text_version == 2
    assert _get(story, "en").state == TranslationState.READY

    listing = admin_client.get("/admin/newsroom/story/").text
    assert '<span class="instep-needs-update">hi: Needs update</span>' in listing
    assert (
        "hi: Needs update"
        in admin_client.get("/admin/newsroom/story/?translations__state__exact=needs_update").text
    )

    form = admin_client.get(f"/admin/newsroom/story/{story.pk}/change/").text
    assert "instep-panel" in form
    assert "paragraph 2" in form
    assert "<del>40,000</del><ins>55,000</ins>" in form
    assert "Relief camps" not in form.split("instep-panel")[1].split("</section>")[0]
    in_hindi = normalize(
        admin_client.get(
            f"/admin/newsroom/story/{story.pk}/change/", HTTP_ACCEPT_LANGUAGE="hi"
        ).text
    )
    assert normalize("हिंदी अनुवाद बनने के बाद से अंग्रेज़ी पाठ बदल गया है") in in_hindi
    assert "अनुच्छेद 2" in in_hindi and normalize("अनुवाद को अद्यतन चिह्नित करें") in in_hindi

    since = hindi.source_changed_at
    assert since is not None
    for url, notices in [
        (hindi.get_absolute_url(), [NOTICE_HI]),
        (english.get_absolute_url(), [NOTICE_EN_ABOUT_HI]),
        (english.get_bilingual_url(), [NOTICE_HI, NOTICE_EN_ABOUT_HI]),
        (hindi.get_bilingual_url(), [NOTICE_HI, NOTICE_EN_ABOUT_HI]),
    ]:
        html = _page(client, url)
        for notice in notices:
            assert notice in html, url
        assert json_ld(html)["dateModified"] == since.isoformat(), url
    assert "55,000" in _page(client, english.get_bilingual_url())
    assert "40,000 हेक्टेयर" in _page(client, hindi.get_absolute_url())

    # Saved unchanged, or with "ready" chosen in the state list: still needs update.
    _submit(admin_client, story, _change_form(admin_client, story))
    data = _change_form(admin_client, story)
    data[f"{_translation_prefix(data, 'hi')}-state"] = [TranslationState.READY]
    _submit(admin_client, story, data)
    hindi.refresh_from_db()
    assert hindi.state == TranslationState.NEEDS_UPDATE
    assert hindi.source_changed_at == since

    # The translator fixes the figure and presses the button: one post saves and marks.
    data = _change_form(admin_client, story)
    prefix = _translation_prefix(data, "hi")
    data[f"{prefix}-body"] = [data[f"{prefix}-body"][0].replace("40,000", "55,000")]
    del data["_save"]
    data["_mark_up_to_date"] = ["hi"]
    response = admin_client.post(f"/admin/newsroom/story/{story.pk}/change/", data)
    assert response.status_code == 302
    assert response.url == f"/admin/newsroom/story/{story.pk}/change/"
    hindi.refresh_from_db()
    assert hindi.state == TranslationState.READY
    assert (hindi.source_version, hindi.source_changed_at) == (2, None)
    assert "55,000" in hindi.source_text["body"]

    assert "instep-panel" not in admin_client.get(response.url).text
    assert "hi: Needs update" not in admin_client.get("/admin/newsroom/story/").text
    for url in (hindi.get_absolute_url(), english.get_bilingual_url()):
        html = _page(client, url)
        assert "translation-notice" not in html
        assert "55,000 हेक्टेयर" in html or "55,000" in html


def test_editing_only_the_hindi_does_not_flag_english(admin_client, client) -> None:
    story = _story()
    _edit(admin_client, story, "hi", "राहत शिविर", "कई राहत शिविर")
    assert _get(story, "hi").text_version == 2
    assert {t.state for t in story.translations.all()} == {TranslationState.READY}
    assert "translation-notice" not in _page(client, _get(story, "en").get_bilingual_url())
    assert "instep-panel" not in admin_client.get(f"/admin/newsroom/story/{story.pk}/change/").text


def test_a_story_written_in_hindi_flags_english(admin_client, client) -> None:
    story = _story(original="hi")
    _edit(admin_client, story, "hi", "40,000", "55,000")
    english = _get(story, "en")
    assert english.state == TranslationState.NEEDS_UPDATE
    assert _get(story, "hi").state == TranslationState.READY
    html = _page(client, english.get_absolute_url())
    assert (
        "The Hindi version of this story has been updated; "
        "this English translation is being brought up to date."
    ) in html
    assert normalize("इस ख़बर का अंग्रेज़ी अनुवाद अपडेट किया जा रहा है।") in _page(
        client, _get(story, "hi").get_absolute_url()
    )
    form = admin_client.get(f"/admin/newsroom/story/{story.pk}/change/").text
    assert "<del>40,000</del><ins>55,000</ins>" in form


@override_settings(LANGUAGES=[("en", "English"), ("hi", "Hindi"), ("mr", "Marathi")])
def test_a_third_language_by_configuration(admin_client, client) -> None:
    story = _story(
        extra=[
            TranslationData(
                language="mr", title="राज्यात पूर", body="पुरामुळे 40,000 हेक्टरवरील पिकांचे नुकसान."
            )
        ]
    )
    _edit(admin_client, story, "en", "40,000", "55,000")
    marathi, hindi = _get(story, "mr"), _get(story, "hi")
    assert marathi.state == hindi.state == TranslationState.NEEDS_UPDATE
    html = _page(client, marathi.get_absolute_url())
    assert '<html lang="mr"' in html and "translation-notice" in html

    data = _change_form(admin_client, story)
    del data["_save"]
    data["_mark_up_to_date"] = ["mr"]
    assert admin_client.post(f"/admin/newsroom/story/{story.pk}/change/", data).status_code == 302
    assert _get(story, "mr").state == TranslationState.READY
    assert _get(story, "hi").state == TranslationState.NEEDS_UPDATE
    assert "translation-notice" not in _page(client, marathi.get_absolute_url())
    assert NOTICE_HI in _page(client, hindi.get_absolute_url())
