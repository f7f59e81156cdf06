"""The desk's workflow: each move from each status, by each role, through the services and
through the story form's buttons, with messages that say what happened."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone, translation

from patrika.accounts.roles import CONTRIBUTOR, EDITOR
from patrika.accounts.services import user_create
from patrika.editorial import workflow
from patrika.editorial.models import ReviewComment
from patrika.newsroom.models import Story, StoryStatus
from patrika.newsroom.tests.factories import make_story
from patrika.newsroom.tests.test_admin import _change_data

pytestmark = pytest.mark.django_db

S = StoryStatus
FUTURE = timedelta(days=2)
# Where each move may start and where it leads (draft → in review → approved →
# published/scheduled → archived; sent back and unpublished return to draft).
MOVES = {
    "submit": ({S.DRAFT}, S.IN_REVIEW),
    "send_back": ({S.IN_REVIEW, S.APPROVED}, S.DRAFT),
    "approve": ({S.IN_REVIEW}, S.APPROVED),
    "publish": ({S.APPROVED, S.SCHEDULED, S.ARCHIVED}, S.PUBLISHED),
    "schedule": ({S.APPROVED, S.SCHEDULED, S.ARCHIVED}, S.SCHEDULED),
    "unpublish": ({S.PUBLISHED, S.SCHEDULED}, S.DRAFT),
    "archive": ({S.PUBLISHED}, S.ARCHIVED),
}
EDITOR_ONLY = set(MOVES) - {"submit"}


def _user(role: str, name: str) -> User:
    return user_create(username=name, role=role)[0]


def _story(status: str, owner: User | None = None) -> Story:
    when = timezone.now() + FUTURE if status == S.SCHEDULED else timezone.now() - FUTURE
    story = make_story(status=status, published_at=when)
    Story.objects.filter(pk=story.pk).update(status=status, created_by=owner)
    story.refresh_from_db()
    return story


def _run(move: str, story: Story, by: User) -> Story:
    kwargs = {"at": timezone.now() + FUTURE} if move == "schedule" else {}
    return getattr(workflow, f"story_{move}" if move != "publish" else "story_publish_now")(
        story=story, by=by, **kwargs
    )


@pytest.mark.parametrize("status", list(S), ids=lambda s: s.value)
@pytest.mark.parametrize("move", list(MOVES))
def test_each_move_from_each_status(move: str, status: str) -> None:
    editor = _user(EDITOR, "ravi")
    story = _story(status, owner=editor)
    starts, ends = MOVES[move]
    if status in starts:
        assert _run(move, story, editor).status == ends
        story.refresh_from_db()
        assert story.status == ends
    else:
        with pytest.raises(workflow.TransitionRefused):
            _run(move, story, editor)
        story.refresh_from_db()
        assert story.status == status


@pytest.mark.parametrize("move", sorted(EDITOR_ONLY))
def test_a_contributor_makes_no_editor_move(move: str) -> None:
    writer = _user(CONTRIBUTOR, "asha")
    for status in MOVES[move][0]:
        story = _story(status, owner=writer)
        with pytest.raises(PermissionDenied):
            _run(move, story, writer)
        story.refresh_from_db()
        assert story.status == status


def test_a_contributor_submits_only_their_own_draft() -> None:
    writer = _user(CONTRIBUTOR, "asha")
    with pytest.raises(PermissionDenied):
        workflow.story_submit(story=_story(S.DRAFT, owner=_user(EDITOR, "ravi")), by=writer)
    assert workflow.story_submit(story=_story(S.DRAFT, owner=writer), by=writer).status == (
        S.IN_REVIEW
    )


def _client(user: User) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def _press(client: Client, story: Story, move: str, **extra: str) -> list[str]:
    url = f"/admin/newsroom/story/{story.pk}/change/"
    response = client.post(url, _change_data(story, _transition=move, **extra))
    assert response.status_code == 302, response.content[:2000]
    story.refresh_from_db()
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_scheduling_says_scheduled_and_the_story_goes_live_by_itself() -> None:
    editor = _client(_user(EDITOR, "ravi"))
    story = _story(S.APPROVED)
    at = timezone.localtime() + timedelta(hours=3)
    said = _press(editor, story, "schedule", _schedule_at=at.strftime("%Y-%m-%dT%H:%M"))
    assert story.status == S.SCHEDULED
    assert len(said) == 1 and said[0].startswith("Scheduled for ") and "ublished" not in said[0]
    assert not Story.objects.live().filter(pk=story.pk).exists()
    # Its time comes (moved, rather than waited for): live, with nobody touching it.
    Story.objects.filter(pk=story.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Story.objects.live().filter(pk=story.pk).exists()


@pytest.mark.parametrize("value", ["", "tomorrow", "2020-01-01T10:00"])
def test_scheduling_without_a_future_time_is_refused_and_says_why(value: str) -> None:
    editor = _client(_user(EDITOR, "ravi"))
    story = _story(S.APPROVED)
    said = _press(editor, story, "schedule", _schedule_at=value)
    assert story.status == S.APPROVED
    assert said and said[0].startswith("Not scheduled")


@pytest.mark.parametrize(
    ("move", "start", "message"),
    [
        ("approve", S.IN_REVIEW, "Approved"),
        ("publish", S.APPROVED, "Published"),
        ("unpublish", S.PUBLISHED, "Unpublished"),
        ("unpublish", S.SCHEDULED, "Unpublished"),
        ("archive", S.PUBLISHED, "Archived"),
        ("send_back", S.IN_REVIEW, "Sent back"),
    ],
)
def test_each_button_says_what_it_did(move: str, start: str, message: str) -> None:
    editor = _client(_user(EDITOR, "ravi"))
    story = _story(start)
    said = _press(editor, story, move)
    assert story.status == MOVES[move][1]
    assert len(said) == 1 and said[0].startswith(message)


def test_the_bulk_publish_action_says_scheduled_for_a_future_story() -> None:
    editor = _client(_user(EDITOR, "ravi"))
    later = make_story(status=S.DRAFT, published_at=timezone.now() + FUTURE)
    response = editor.post(
        "/admin/newsroom/story/", {"action": "publish_selected", "_selected_action": [later.pk]}
    )
    said = [str(m) for m in get_messages(response.wsgi_request)]
    later.refresh_from_db()
    assert later.status == S.SCHEDULED
    assert said == ["1 story scheduled: it goes live by itself at its time."]


def test_a_review_note_reaches_the_writer_and_never_the_public() -> None:
    writer, editor = _user(CONTRIBUTOR, "asha"), _user(EDITOR, "ravi")
    story = _story(S.DRAFT, owner=writer)
    _press(_client(writer), story, "submit")
    note = "Please check the figure in the second paragraph: ४२ or 24?"
    _press(_client(editor), story, "send_back", _review_note=note)
    assert story.status == S.DRAFT
    assert ReviewComment.objects.get(story=story).body == note
    page = _client(writer).get(f"/admin/newsroom/story/{story.pk}/change/").content.decode()
    assert "४२ or 24?" in page
    # …and once published, on no public page of the story.
    workflow.story_submit(story=story, by=writer)
    workflow.story_approve(story=story, by=editor)
    workflow.story_publish_now(story=story, by=editor)
    for t in story.translations.all():
        for url in (t.get_absolute_url(), t.get_bilingual_url()):
            response = Client().get(url)
            assert response.status_code == 200
            assert "४२ or 24?" not in response.content.decode()


def test_the_front_page_is_the_desk() -> None:
    writer, editor = _user(CONTRIBUTOR, "asha"), _user(EDITOR, "ravi")
    mine = _story(S.DRAFT, owner=writer)
    waiting = _story(S.IN_REVIEW, owner=editor)
    later = _story(S.SCHEDULED, owner=editor)
    with translation.override("en"):
        titles = {s.pk: str(s) for s in (mine, waiting, later)}
    page = _client(writer).get("/admin/").content.decode()
    assert "Patrika" in page and "Django administration" not in page

    def section(html: str, key: str) -> str:
        start = html.index(f'id="desk-{key}"')
        return html[start : html.index("</table>", start)]

    assert titles[mine.pk] in section(page, "mine")
    assert titles[waiting.pk] in section(page, "review")
    assert titles[later.pk] in section(page, "scheduled")
    assert titles[mine.pk] not in section(page, "review")
    editor_page = _client(editor).get("/admin/").content.decode()
    assert titles[mine.pk] not in section(editor_page, "mine")
    assert titles[waiting.pk] in section(editor_page, "mine")


def test_the_desk_speaks_hindi() -> None:
    writer = _user(CONTRIBUTOR, "asha")
    story = _story(S.DRAFT, owner=writer)
    client = Client(HTTP_ACCEPT_LANGUAGE="hi")
    client.force_login(writer)
    front = client.get("/admin/").content.decode()
    assert "पत्रिका" in front and "मेरा काम" in front and "Django" not in front
    form = client.get(f"/admin/newsroom/story/{story.pk}/change/").content.decode()
    assert "समीक्षा के लिए भेजें" in form and "Submit for review" not in form
