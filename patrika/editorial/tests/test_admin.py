"""The linter in the admin, through the test client, with a Hindi story: the panel on the
change form, the column in the list, and the optional block on publishing."""

from __future__ import annotations

import pytest
from django.utils import timezone

from patrika.newsroom.models import Story, StoryStatus
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db

CUT_HI = "दोनों देशों ने सामूहिक सुरक्षा ढांचे की आवश्यकता पर बल दि।"
GOOD_HI = "मंत्री ने सोमवार को नए पुल का उद्घाटन किया। शाम तक यातायात सुचारु रहा।"


def _hindi_story(body: str = CUT_HI, status: str = StoryStatus.DRAFT) -> Story:
    return make_story(en=None, hi="पुल खुला", hi_body=body, status=status, original_language="hi")


def test_change_form_shows_findings_with_their_place(admin_client) -> None:
    story = _hindi_story(f"{GOOD_HI}\n\n{CUT_HI}")
    page = admin_client.get(f"/admin/newsroom/story/{story.pk}/change/").text
    assert "lint-panel" in page
    assert "truncation" in page and "paragraph 2" in page and "बल दि।" in page
    hindi = admin_client.get(
        f"/admin/newsroom/story/{story.pk}/change/", HTTP_ACCEPT_LANGUAGE="hi"
    ).text
    assert "अनुच्छेद 2" in hindi


def test_list_column_counts_errors_and_warnings(admin_client) -> None:
    _hindi_story(CUT_HI)
    _hindi_story(GOOD_HI)
    page = admin_client.get("/admin/newsroom/story/").text
    assert "1 error" in page and "✓" in page


def _form(story: Story, *, status: str, body: str) -> dict[str, str]:
    now = timezone.localtime() - timezone.timedelta(minutes=5)
    translation = story.translations.get()
    return {
        "status": status,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "original_language": "hi",
        "comments_open": "on",
        "translations-TOTAL_FORMS": "1",
        "translations-INITIAL_FORMS": "1",
        "translations-MIN_NUM_FORMS": "1",
        "translations-MAX_NUM_FORMS": "1000",
        "translations-0-id": str(translation.pk),
        "translations-0-story": str(story.pk),
        "translations-0-language": "hi",
        "translations-0-state": "ready",
        "translations-0-title": translation.title,
        "translations-0-slug": "",  # the admin refuses matras in slugs; blank keeps it
        "translations-0-body": body,
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("blocking", [True, False])
def test_publishing_with_errors_through_the_form(admin_client, settings, blocking) -> None:
    settings.PATRIKA_LINT_BLOCK_PUBLISH = blocking
    story = _hindi_story(GOOD_HI, status=StoryStatus.APPROVED)
    url = f"/admin/newsroom/story/{story.pk}/change/"
    form = _form(story, status=story.status, body=CUT_HI) | {"_transition": "publish"}
    response = admin_client.post(url, form, follow=True)
    story.refresh_from_db()
    if blocking:
        # The edit is kept; the "publish now" button is refused, and says why.
        assert "truncation" in response.text
        assert story.status == StoryStatus.APPROVED
        assert story.translations.get().body == CUT_HI
        form = _form(story, status=story.status, body=GOOD_HI) | {"_transition": "publish"}
        assert admin_client.post(url, form).status_code == 302
        story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED


@pytest.mark.parametrize("blocking", [True, False])
def test_publish_action_and_service(admin_client, settings, blocking) -> None:
    from patrika.newsroom import services

    settings.PATRIKA_LINT_BLOCK_PUBLISH = blocking
    bad, good = _hindi_story(CUT_HI), _hindi_story(GOOD_HI)
    response = admin_client.post(
        "/admin/newsroom/story/",
        {"action": "publish_selected", "_selected_action": [bad.pk, good.pk]},
        follow=True,
    )
    assert response.status_code == 200
    bad.refresh_from_db()
    good.refresh_from_db()
    assert good.status == StoryStatus.PUBLISHED
    assert (bad.status == StoryStatus.PUBLISHED) is not blocking
    if blocking:
        assert "truncation" in response.text
        with pytest.raises(services.PublishBlocked):
            services.story_publish(story=bad)
