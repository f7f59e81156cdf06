"""Every bulk action of every admin page asks for a permission, and the admin enforces it.

The walk covers whatever is registered on admin.site, so an admin added later is checked too:
it only needs a builder below that makes rows each of its actions would change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.db.models import Model
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from patrika.comments.models import Comment, CommentStatus
from patrika.newsroom.models import Author, Image, Section, Story, StoryStatus, Tag
from patrika.newsroom.tests.factories import make_section, make_story

pytestmark = pytest.mark.django_db


def _comments() -> list[Model]:
    story = make_story()
    return [
        Comment.objects.create(
            story=story, language="en", name="A reader", email="a@example.org", body="Hello."
        ),
        Comment.objects.create(
            story=story,
            language="hi",
            name="पाठक",
            email="b@example.org",
            body="नमस्ते।",
            status=CommentStatus.SPAM,
        ),
    ]


def _access_attempts() -> list[Model]:
    attempt = AccessAttempt.objects.create(
        username="admin",
        ip_address="203.0.113.5",
        user_agent="curl",
        get_data="",
        post_data="",
        failures_since_start=3,
    )
    # Old enough to be expired, so a clean-up would remove it.
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=timezone.now() - timedelta(days=30)
    )
    return [attempt]


def _access(model: type[Model]) -> Callable[[], list[Model]]:
    return lambda: [
        model.objects.create(username="admin", ip_address="203.0.113.5", user_agent="curl")
    ]


def _task_results() -> list[Model]:
    from patrika.comments.tasks import comment_notify_authors

    result = comment_notify_authors.enqueue(comment_id=1)
    return [DBTaskResult.objects.get(pk=result.id)]


# Rows of each registered model, in states that every action of its admin would change.
BUILDERS: dict[type[Model], Callable[[], list[Model]]] = {
    Story: lambda: [make_story(status=StoryStatus.DRAFT), make_story()],
    Section: lambda: [make_section(slug="sport", en="Sport", hi="खेल")],
    Tag: lambda: [Tag.objects.create(name="चुनाव", slug="चुनाव")],
    Author: lambda: [Author.objects.create(name="Asha Writer")],
    Image: lambda: [Image.objects.create(source_url="https://example.org/a.jpg")],
    Comment: _comments,
    User: lambda: [User.objects.create_user("reporter")],
    Group: lambda: [Group.objects.create(name="Reporters")],
    AccessAttempt: _access_attempts,
    AccessLog: _access(AccessLog),
    AccessFailureLog: _access(AccessFailureLog),
    DBTaskResult: _task_results,
}


def _superuser_request() -> Any:
    request = RequestFactory().get("/admin/")
    request.user = User(username="root", is_staff=True, is_superuser=True, is_active=True)
    return request


def _all_actions() -> list[tuple[type[Model], str]]:
    request = _superuser_request()
    return sorted(
        (
            (model, name)
            for model, model_admin in admin.site._registry.items()
            for name in model_admin.get_actions(request)
        ),
        key=lambda case: (case[0]._meta.label, case[1]),
    )


ACTIONS = _all_actions()
IDS = [f"{model._meta.label}.{name}" for model, name in ACTIONS]


def _database() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table but sessions (which carry the admin's messages)."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model is not Session
    }


def _staff(username: str, model: type[Model], codenames: set[str]) -> Client:
    user = User.objects.create_user(username, is_staff=True)
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    user.user_permissions.set(
        Permission.objects.filter(content_type=content_type, codename__in=codenames)
    )
    client = Client()
    client.force_login(user)
    return client


def _superuser_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("root"))
    return client


def _offered(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["action_form"]
    return [value for value, _label in form.fields["action"].choices] if form else []


def _post(client: Client, url: str, action: str, rows: list[Model]) -> HttpResponse:
    return client.post(
        url,
        {
            "action": action,
            "_selected_action": [row.pk for row in rows],
            "index": "0",
            "select_across": "0",
            # The confirmation step of delete_selected, posted straight away.
            "post": "yes",
        },
    )


def _assert_refused(client: Client, url: str, action: str, rows: list[Model]) -> None:
    assert action not in _offered(client, url)
    before = _database()
    response = _post(client, url, action, rows)
    assert response.status_code in (200, 302, 403)
    assert not [m for m in get_messages(response.wsgi_request) if m.level == messages.SUCCESS]
    assert _database() == before


def _assert_done_by_superuser(url: str, action: str, rows: list[Model], root: Client) -> None:
    # The control: the very same post does change the database when the user may.
    before = _database()
    _post(root, url, action, rows)
    assert _database() != before, f"{action} changed nothing even for a superuser"


# Lists that open on a subset (the comment queue on "pending"): the walk acts on every row.
LIST_QUERY: dict[type[Model], str] = {Comment: "?status__exact=all"}


def _changelist(model: type[Model]) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return url + LIST_QUERY.get(model, "")


def _rows(model: type[Model]) -> list[Model]:
    # Built after the logins: a login clears expired login attempts, one of the rows.
    assert model in BUILDERS, f"add a builder for {model._meta.label} to BUILDERS"
    return BUILDERS[model]()


@pytest.mark.parametrize(("model", "action"), ACTIONS, ids=IDS)
def test_staff_who_may_only_view_cannot_run_any_action(model: type[Model], action: str) -> None:
    viewer = _staff("viewer", model, {get_permission_codename("view", model._meta)})
    root = _superuser_client()
    rows = _rows(model)
    _assert_refused(viewer, _changelist(model), action, rows)
    _assert_done_by_superuser(_changelist(model), action, rows, root)


@pytest.mark.parametrize(("model", "action"), ACTIONS, ids=IDS)
def test_staff_without_the_declared_permission_cannot_run_the_action(
    model: type[Model], action: str
) -> None:
    """Every other permission of the model (change, add, …) is not enough: a reporter who
    may edit stories may not publish them, one who may edit comments may not moderate."""
    func = admin.site._registry[model].get_actions(_superuser_request())[action][0]
    withheld = {
        get_permission_codename(name, model._meta)
        for name in getattr(func, "allowed_permissions", ())
    }
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    every = set(
        Permission.objects.filter(content_type=content_type).values_list("codename", flat=True)
    )
    others = _staff("others", model, every - withheld)
    root = _superuser_client()
    rows = _rows(model)
    _assert_refused(others, _changelist(model), action, rows)
    _assert_done_by_superuser(_changelist(model), action, rows, root)


def test_every_action_declares_its_permissions() -> None:
    """Django's delete_selected asks for "delete" by itself; every other action must say what
    it needs, each through a has_<name>_permission of its admin."""
    request = _superuser_request()
    undeclared = []
    for model, model_admin in admin.site._registry.items():
        for name, (func, _name, _description) in model_admin.get_actions(request).items():
            declared = getattr(func, "allowed_permissions", ())
            if name != "delete_selected" and not declared:
                undeclared.append(f"{model._meta.label}.{name}")
            for permission in declared:
                assert callable(getattr(model_admin, f"has_{permission}_permission", None)), (
                    f"{model._meta.label}.{name} asks for {permission!r}: no has_ method"
                )
    assert undeclared == []
