"""Each role tried on each admin page and each admin action of Patrika.

The walk covers whatever is registered on admin.site: a model admin added later fails here
until its row of EXPECTED says what each role may do with it.
"""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from patrika.accounts.roles import ADMIN, CONTRIBUTOR, EDITOR
from patrika.accounts.services import user_create
from patrika.newsroom.models import Story, StoryStatus
from patrika.newsroom.tests.factories import make_story
from patrika.tests.test_admin_actions import ACTIONS, BUILDERS, IDS, _assert_refused, _offered

pytestmark = pytest.mark.django_db

ALL = {"view", "add", "change", "delete"}
NEWSROOM = ["newsroom.Story", "newsroom.Section", "newsroom.Tag", "newsroom.Author"]
AXES = ["axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"]
# What each role may do on each admin page (a contributor's own drafts: see the tests below).
EXPECTED: dict[str, dict[str, set[str]]] = {
    CONTRIBUTOR: {
        "newsroom.Story": {"view", "add"},
        "newsroom.Section": {"view"},
        "newsroom.Tag": {"view", "add"},
        "newsroom.Author": {"view"},
        "newsroom.Image": {"view", "add", "change"},
    },
    EDITOR: {**{label: ALL for label in NEWSROOM}, "newsroom.Image": ALL, "comments.Comment": ALL},
    ADMIN: {
        **{model._meta.label: ALL for model in admin.site._registry},
        # django-axes' records of logins are made by logging in, never by hand.
        **{label: ALL - {"add"} for label in AXES},
        # The task queue's results are the worker's to write: read-only for everyone.
        "django_tasks_database.DBTaskResult": {"view"},
    },
}
# The actions each role may run: every action of a model the role may fully edit, but
# publishing and moderating, which only editors and admins hold.
EXPECTED_ACTIONS: dict[str, set[str]] = {
    CONTRIBUTOR: set(),
    EDITOR: {
        "newsroom.Story.publish_selected",
        "newsroom.Story.unpublish_selected",
        "newsroom.Story.delete_selected",
        "newsroom.Section.delete_selected",
        "newsroom.Tag.delete_selected",
        "newsroom.Author.delete_selected",
        "newsroom.Image.delete_selected",
        "comments.Comment.approve",
        "comments.Comment.mark_spam",
        "comments.Comment.trash",
        "comments.Comment.unapprove",
        "comments.Comment.delete_selected",
    },
    ADMIN: set(IDS),
}
ROLES = [CONTRIBUTOR, EDITOR, ADMIN]
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def _client(role: str, username: str | None = None) -> Client:
    user, _password = user_create(username=username or f"a-{role}", role=role)
    client = Client()
    client.force_login(user)
    return client


def _url(model: type[Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _editable(html: str) -> bool:
    return 'name="_save"' in html


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reaches_the_front_page(role: str) -> None:
    assert _client(role).get("/admin/").status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_each_admin_page(role: str, model: type[Model]) -> None:
    assert model in BUILDERS, f"add a builder for {model._meta.label}"
    may = EXPECTED[role].get(model._meta.label, set())
    client = _client(role)
    row = BUILDERS[model]()[0]
    sees = bool(may & {"view", "change"})

    def status(url: str) -> int:
        return client.get(url).status_code

    assert status(_url(model, "changelist")) == (200 if sees else 403)
    assert status(_url(model, "history", row.pk)) == (200 if sees else 403)
    assert status(_url(model, "add")) == (200 if "add" in may else 403)
    assert status(_url(model, "delete", row.pk)) == (200 if "delete" in may else 403)
    change = client.get(_url(model, "change", row.pk))
    assert change.status_code == (200 if sees else 403)
    if sees:
        assert _editable(change.content.decode()) == ("change" in may)


@pytest.mark.parametrize(("model", "action"), ACTIONS, ids=IDS)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_each_admin_action(role: str, model: type[Model], action: str) -> None:
    label = f"{model._meta.label}.{action}"
    client = _client(role)
    url = _url(model, "changelist")
    rows = BUILDERS[model]()
    if label in EXPECTED_ACTIONS[role]:
        assert action in _offered(client, url)
    elif EXPECTED[role].get(model._meta.label, set()) & {"view", "change"}:
        _assert_refused(client, url, action, rows)
    else:
        response = client.post(url, {"action": action, "_selected_action": [rows[0].pk]})
        assert response.status_code == 403


def _story_form(story: Story, title: str) -> dict[str, object]:
    """The change form of a story as the browser would post it, with a new English title."""
    data: dict[str, object] = {
        "status": story.status,
        "original_language": story.original_language,
        "comments_open": "on",
        "translations-TOTAL_FORMS": story.translations.count(),
        "translations-INITIAL_FORMS": story.translations.count(),
        "translations-MIN_NUM_FORMS": 1,
        "translations-MAX_NUM_FORMS": 1000,
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
    }
    for n, translation in enumerate(story.translations.order_by("language")):
        prefix = f"translations-{n}-"
        data |= {
            prefix + "id": translation.pk,
            prefix + "story": story.pk,
            prefix + "language": translation.language,
            prefix + "state": translation.state,
            prefix + "title": title if translation.language == "en" else translation.title,
            prefix + "slug": translation.slug,
            prefix + "summary": translation.summary,
            prefix + "body": translation.body,
        }
    return data


def _contributor_with_draft() -> tuple[Client, Story]:
    user, _password = user_create(username="writer", role=CONTRIBUTOR)
    client = Client()
    client.force_login(user)
    story = make_story(status=StoryStatus.DRAFT, published_at=None)
    Story.objects.filter(pk=story.pk).update(created_by=user)
    story.refresh_from_db()
    return client, story


def test_a_contributor_edits_their_own_draft() -> None:
    client, story = _contributor_with_draft()
    url = _url(Story, "change", story.pk)
    assert _editable(client.get(url).content.decode())
    response = client.post(url, _story_form(story, "Own draft, edited"))
    assert response.status_code == 302, response.context and response.context["errors"]
    assert story.translations.get(language="en").title == "Own draft, edited"


@pytest.mark.parametrize(
    "status", [s for s in StoryStatus if s != StoryStatus.DRAFT], ids=lambda s: s.value
)
def test_a_contributor_cannot_edit_their_story_once_it_left_draft(status: str) -> None:
    client, story = _contributor_with_draft()
    Story.objects.filter(pk=story.pk).update(status=status)
    story.refresh_from_db()
    _assert_post_refused(client, story)


def test_a_contributor_cannot_edit_or_delete_anyone_elses_draft() -> None:
    client, _own = _contributor_with_draft()
    other = make_story(status=StoryStatus.DRAFT, published_at=None)
    Story.objects.filter(pk=other.pk).update(created_by=User.objects.create_user("someone"))
    other.refresh_from_db()
    _assert_post_refused(client, other)
    assert client.post(_url(Story, "delete", other.pk), {"post": "yes"}).status_code == 403
    assert Story.objects.filter(pk=other.pk).exists()


def _assert_post_refused(client: Client, story: Story) -> None:
    url = _url(Story, "change", story.pk)
    assert not _editable(client.get(url).content.decode())
    before = story.translations.get(language="en").title
    assert client.post(url, _story_form(story, "Changed by someone else")).status_code == 403
    assert story.translations.get(language="en").title == before


def test_a_story_added_in_the_admin_belongs_to_its_writer() -> None:
    client = _client(CONTRIBUTOR, "newcomer")
    data = {
        "status": StoryStatus.DRAFT,
        "original_language": "en",
        "translations-TOTAL_FORMS": 1,
        "translations-INITIAL_FORMS": 0,
        "translations-MIN_NUM_FORMS": 1,
        "translations-MAX_NUM_FORMS": 1000,
        "translations-0-language": "en",
        "translations-0-state": "draft",
        "translations-0-title": "A first story",
        "translations-0-body": "Text.",
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
    }
    response = client.post(_url(Story, "add"), data)
    assert response.status_code == 302
    story = Story.objects.get(translations__title="A first story")
    assert story.created_by.username == "newcomer"
    # …and so it is theirs to go on editing.
    assert _editable(client.get(_url(Story, "change", story.pk)).content.decode())


@pytest.mark.parametrize("role", ROLES)
def test_createuser_makes_a_staff_account_in_the_role(role: str, capsys) -> None:
    call_command("createuser", "asha", role=role)
    output = capsys.readouterr().out
    password = re.search(r"asha / (\S+)", output).group(1)
    user = User.objects.get(username="asha")
    assert user.is_staff and user.check_password(password)
    assert [g.name for g in user.groups.all()] == [role]
    # Run again with another role: moved, not added.
    call_command("createuser", "asha", role=EDITOR if role != EDITOR else ADMIN)
    assert user.groups.count() == 1
