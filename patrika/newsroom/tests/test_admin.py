import pytest
from django.utils import timezone

from patrika.newsroom.models import Story, StoryStatus
from patrika.newsroom.tests.factories import make_section, make_story

pytestmark = pytest.mark.django_db


def _inline_management(prefix: str, total: int) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_changelist_filters_and_search(admin_client) -> None:
    make_story(en="Monsoon reaches Delhi", section=make_section())
    for query in (
        "",
        "?status__exact=published",
        "?language=hi",
        "?q=Monsoon",
        "?section__id__exact=1",
    ):
        response = admin_client.get("/admin/newsroom/story/" + query)
        assert response.status_code == 200, query
    assert "Monsoon reaches Delhi" in admin_client.get("/admin/newsroom/story/?q=Monsoon").text


def test_editor_creates_a_bilingual_story_in_the_admin(admin_client, client) -> None:
    now = timezone.localtime()
    data = {
        "status": StoryStatus.PUBLISHED,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": (now - timezone.timedelta(minutes=5)).strftime("%H:%M:%S"),
        "original_language": "hi",
        "comments_open": "on",
        **_inline_management("translations", 2),
        "translations-0-language": "hi",
        "translations-0-state": "ready",
        "translations-0-title": "संसद में बजट पेश",
        "translations-0-body": "## मुख्य बातें\n\nबजट पेश हुआ।",
        "translations-1-language": "en",
        "translations-1-state": "ready",
        "translations-1-title": "Budget presented in Parliament",
        "translations-1-body": "The budget was presented.",
        **_inline_management("sources", 1),
        "sources-0-title": "Budget speech",
        "sources-0-publisher": "PIB",
        "sources-0-position": "0",
    }
    response = admin_client.post("/admin/newsroom/story/add/", data)
    assert response.status_code == 302, response.text[:3000]
    story = Story.objects.get()
    assert story.meta["sources"][0]["publisher"] == "PIB"
    hindi = story.translations.get(language="hi")
    assert hindi.slug == "संसद-में-बजट-पेश"
    page = client.get(hindi.get_absolute_url())
    assert page.status_code == 200
    assert "<h2>मुख्य बातें</h2>" in page.text and "PIB" in page.text


def test_publish_action(admin_client) -> None:
    story = make_story(status=StoryStatus.DRAFT)
    admin_client.post(
        "/admin/newsroom/story/",
        {"action": "publish_selected", "_selected_action": [story.pk]},
    )
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED


def _staff_client(client, *codenames: str):
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user("reporter", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


# Everything a reporter edits, inlines included: every permission but publishing.
REPORTER = tuple(
    f"{action}_{model}"
    for action in ("view", "add", "change", "delete")
    for model in ("story", "translation", "sourceattribution")
)


def _change_data(story: Story, **values: str) -> dict[str, str]:
    """The story's change form as a browser sends it back unchanged, then `values`."""
    published = timezone.localtime(story.published_at)
    translations = list(story.translations.all())
    data = {
        "status": story.status,
        "published_at_0": published.strftime("%Y-%m-%d"),
        "published_at_1": published.strftime("%H:%M:%S"),
        "original_language": story.original_language,
        "comments_open": "on",
        **_inline_management("translations", len(translations)),
        "translations-INITIAL_FORMS": str(len(translations)),
        **_inline_management("sources", 0),
    }
    for n, t in enumerate(translations):
        for field in ("language", "state", "title", "summary", "body"):
            data[f"translations-{n}-{field}"] = getattr(t, field)
        # Empty, so it is made again from the title: the admin's slug check refuses the
        # matras of a Hindi slug sent back as it is.
        data[f"translations-{n}-slug"] = ""
        data[f"translations-{n}-id"] = str(t.pk)
        data[f"translations-{n}-story"] = str(story.pk)
    data.update(values)
    return data


@pytest.mark.parametrize("status", [StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.ARCHIVED])
def test_reporter_without_publish_permission_cannot_take_a_live_story_down(client, status) -> None:
    story = make_story(status=StoryStatus.PUBLISHED)
    reporter = _staff_client(client, *REPORTER)
    url = f"/admin/newsroom/story/{story.pk}/change/"
    assert 'name="status"' not in reporter.get(url).text
    earlier = story.published_at - timezone.timedelta(days=3)
    data = _change_data(
        story,
        status=status,
        published_at_0=timezone.localtime(earlier).strftime("%Y-%m-%d"),
        **{"translations-0-title": "A corrected headline"},
    )
    response = reporter.post(url, data)
    assert response.status_code == 302, response.text[:3000]
    story.refresh_from_db()
    # The edit is saved; what readers see of the story's state is not changed.
    assert story.translations.filter(title="A corrected headline").exists()
    assert story.status == StoryStatus.PUBLISHED
    assert abs(story.published_at - earlier) > timezone.timedelta(days=2)


@pytest.mark.parametrize("status", [StoryStatus.PUBLISHED, StoryStatus.SCHEDULED])
def test_reporter_without_publish_permission_cannot_publish_a_draft(client, status) -> None:
    story = make_story(status=StoryStatus.DRAFT)
    reporter = _staff_client(client, *REPORTER)
    url = f"/admin/newsroom/story/{story.pk}/change/"
    assert f'value="{status}"' not in reporter.get(url).text
    response = reporter.post(url, _change_data(story, status=status))
    assert response.status_code == 200 and "Select a valid choice" in response.text
    story.refresh_from_db()
    assert story.status == StoryStatus.DRAFT
    # Moving it along the desk is still theirs to do.
    response = reporter.post(url, _change_data(story, status=StoryStatus.IN_REVIEW))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == StoryStatus.IN_REVIEW


def test_editor_with_publish_permission_publishes_and_unpublishes(client) -> None:
    draft, live = make_story(status=StoryStatus.DRAFT), make_story()
    editor = _staff_client(client, *REPORTER, "publish_story")
    url = "/admin/newsroom/story/{}/change/"
    assert (
        editor.post(url.format(draft.pk), _change_data(draft, status="published")).status_code
        == 302
    )
    assert editor.post(url.format(live.pk), _change_data(live, status="draft")).status_code == 302
    editor.post(
        "/admin/newsroom/story/", {"action": "unpublish_selected", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.status, live.status) == (StoryStatus.DRAFT, StoryStatus.DRAFT)
