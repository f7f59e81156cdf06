"""Translations kept in step, in Chromium: an editor saves the English story (the browser
posts CRLF line ends), changes a figure, sees the source's diff and marks the Hindi
translation up to date; a reader sees the notice in Hindi meanwhile."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import User

from patrika.newsroom.models import Story, TranslationState
from patrika.newsroom.tests.test_admin_instep import NOTICE_EN_ABOUT_HI, NOTICE_HI, _story
from patrika.text import normalize

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _state(story: Story, language: str) -> str:
    return story.translations.get(language=language).state


def _saved(page, url: str) -> None:
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert page.url == url, errors


def test_reader_sees_the_notice_until_an_editor_marks_it(live_server, page, artifacts_dir) -> None:
    story = _story()
    hindi = story.translations.get(language="hi")
    User.objects.create_superuser("editor", password="a-long-test-password-1")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password-1")
    page.click('input[type="submit"]')
    page.wait_for_url("**/admin/")
    change = f"{live_server.url}/admin/newsroom/story/{story.pk}/change/"

    page.goto(change)
    page.click('input[name="_save"]')
    page.wait_for_load_state()
    _saved(page, f"{live_server.url}/admin/newsroom/story/")
    assert _state(story, "hi") == TranslationState.READY, "an unchanged save flagged Hindi"

    page.goto(change)
    prefix = page.eval_on_selector(
        'select[name^="translations-"][name$="-language"] option[value="en"]:checked',
        "option => option.parentElement.name.replace(/-language$/, '')",
    )
    body = page.locator(f'textarea[name="{prefix}-body"]')
    body.fill(body.input_value().replace("40,000", "55,000"))
    page.click('input[name="_save"]')
    page.wait_for_load_state()
    _saved(page, f"{live_server.url}/admin/newsroom/story/")
    assert page.locator(".messagelist .warning").inner_text().startswith("The Hindi translation")
    assert page.get_by_text("hi: Needs update").is_visible()

    page.goto(change)
    panel = page.locator(".instep-panel")
    assert panel.locator("del").inner_text() == "40,000"
    assert panel.locator("ins").inner_text() == "55,000"
    panel.screenshot(path=os.path.join(artifacts_dir, "instep-admin-diff.png"))

    page.goto(live_server.url + hindi.get_absolute_url())
    notice = page.locator(".translation-notice")
    assert notice.is_visible()
    assert normalize(notice.inner_text()) == NOTICE_HI
    assert notice.evaluate("n => n.closest('[lang]').lang") == "hi"
    page.screenshot(path=os.path.join(artifacts_dir, "instep-notice-hi.png"), full_page=True)

    page.goto(live_server.url + hindi.get_bilingual_url())
    texts = [normalize(t) for t in page.locator(".translation-notice").all_inner_texts()]
    assert sorted(texts) == sorted([NOTICE_HI, NOTICE_EN_ABOUT_HI])

    page.goto(change)
    page.click('button[name="_mark_up_to_date"][value="hi"]')
    page.wait_for_load_state()
    _saved(page, change)
    assert page.locator(".messagelist .success").first.is_visible()
    assert page.locator(".instep-panel").count() == 0
    assert _state(story, "hi") == TranslationState.READY

    page.goto(live_server.url + hindi.get_absolute_url())
    assert page.locator(".translation-notice").count() == 0
