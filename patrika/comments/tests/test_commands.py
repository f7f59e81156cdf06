"""export_commenter / erase_commenter: a commenter's data out, and gone."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from patrika.comments.models import Comment, CommentStatus

pytestmark = pytest.mark.django_db


def _comment(story, **fields) -> Comment:
    values = {
        "story": story,
        "language": "en",
        "name": "Ravi",
        "email": "ravi@example.org",
        "body": "text",
        "status": CommentStatus.APPROVED,
        "ip_address": "203.0.113.9",
        "user_agent": "Firefox",
    }
    values.update(fields)
    return Comment.objects.create(**values)


def test_export_lists_every_comment_of_the_address_only(story) -> None:
    _comment(story, body="first")
    _comment(story, body="second", email="RAVI@example.org", status=CommentStatus.SPAM)
    _comment(story, body="someone else", email="other@example.org")
    out = io.StringIO()
    call_command("export_commenter", email="ravi@example.org", stdout=out)
    data = json.loads(out.getvalue())
    assert [c["body"] for c in data["comments"]] == ["first", "second"]
    assert data["comments"][0]["ip_address"] == "203.0.113.9"


def test_export_to_file(story, tmp_path) -> None:
    _comment(story, name="सुनीता")
    target = tmp_path / "export.json"
    call_command(
        "export_commenter", email="ravi@example.org", output=str(target), stderr=io.StringIO()
    )
    assert json.loads(target.read_text(encoding="utf-8"))["comments"][0]["name"] == "सुनीता"


def test_erase_is_a_dry_run_without_for_real(story) -> None:
    _comment(story)
    out = io.StringIO()
    call_command("erase_commenter", email="ravi@example.org", stdout=out)
    assert "Would anonymise 1 comment(s)" in out.getvalue()
    assert Comment.objects.get().email == "ravi@example.org"


def test_erase_anonymises_and_keeps_the_discussion(story, client) -> None:
    mine = _comment(story, body="my words", website="https://ravi.example")
    reply = _comment(story, body="a reply", email="other@example.org", name="Other", parent=mine)
    call_command("erase_commenter", email="ravi@example.org", for_real=True, stdout=io.StringIO())
    mine.refresh_from_db()
    assert (mine.name, mine.email, mine.website, mine.ip_address, mine.user_agent) == (
        "",
        "",
        "",
        None,
        "",
    )
    reply.refresh_from_db()
    assert reply.parent_id == mine.pk and reply.email == "other@example.org"
    page = client.get(story.translations.get(language="en").get_absolute_url()).content.decode()
    assert "Anonymous" in page and "ravi.example" not in page and "a reply" in page


def test_erase_with_delete_keeps_other_peoples_replies(story) -> None:
    top = _comment(story, body="top", email="third@example.org")
    mine = _comment(story, body="mine", parent=top)
    reply = _comment(story, body="reply to mine", email="other@example.org", parent=mine)
    call_command(
        "erase_commenter",
        email="ravi@example.org",
        delete=True,
        for_real=True,
        stdout=io.StringIO(),
    )
    assert not Comment.objects.filter(pk=mine.pk).exists()
    reply.refresh_from_db()
    assert reply.parent_id == top.pk
    assert Comment.objects.count() == 2
