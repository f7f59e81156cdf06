"""Fixtures for the comment tests: a live bilingual story and a way to fill its real form."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.http import HttpResponse
from django.test import Client
from django_tasks_db.management.commands.db_worker import Worker

from patrika.newsroom.models import Author, Story, Translation
from patrika.newsroom.tests.factories import make_story

EMAIL = "reader.private@example.org"


@pytest.fixture(autouse=True)
def _comment_settings(settings) -> None:
    # Tests post at once; the fill-time rule has its own tests.
    settings.PATRIKA_COMMENTS_MIN_FILL_SECONDS = 0


@pytest.fixture
def story(db) -> Story:
    story = make_story(authors=["Asha Writer"])
    Author.objects.filter(name="Asha Writer").update(email="asha.author@example.org")
    return story


@pytest.fixture
def en(story: Story) -> Translation:
    return story.translations.get(language="en")


@pytest.fixture
def hi(story: Story) -> Translation:
    return story.translations.get(language="hi")


class _FormFields(HTMLParser):
    """The inputs of the comment form as a browser would send them."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "form" and "comment-form" in (attributes.get("class") or ""):
            self.inside = True
        elif self.inside and tag in ("input", "textarea") and attributes.get("name"):
            self.fields[attributes["name"] or ""] = attributes.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False


def form_fields(html: str) -> dict[str, str]:
    parser = _FormFields()
    parser.feed(html)
    return parser.fields


def comment_data(
    client: Client, translation: Translation, query: str = "", **values: str
) -> dict[str, str]:
    """GET the story page and fill its comment form (hidden fields as rendered)."""
    response = client.get(translation.get_absolute_url() + query)
    assert response.status_code == 200
    data = form_fields(response.content.decode())
    assert "token" in data, "the story page has no comment form"
    data.update(
        {
            "name": "Ravi Kumar",
            "email": EMAIL,
            "website": "",
            "body": "A thoughtful comment about the talks.",
        }
    )
    data.update(values)
    return data


def post_comment(client: Client, translation: Translation, **values: str) -> HttpResponse:
    data = comment_data(client, translation, **values)
    return client.post("/comments/post/", data)


def run_worker() -> None:
    """Run the queued jobs with the worker of `patrika db_worker`, until none is left."""
    Worker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    ).run()
