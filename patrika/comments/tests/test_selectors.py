"""comment_counts and the thread shown under a story."""

from __future__ import annotations

import pytest

from patrika.comments import selectors
from patrika.comments.models import Comment, CommentStatus
from patrika.newsroom.tests.factories import make_story

pytestmark = pytest.mark.django_db


def _add(story, status=CommentStatus.APPROVED, **fields) -> Comment:
    values = {"language": "en", "name": "N", "email": "n@example.org", "body": "b"}
    values.update(fields)
    return Comment.objects.create(story=story, status=status, **values)


def test_comment_counts_count_approved_only(story) -> None:
    other = make_story()
    silent = make_story()
    _add(story)
    _add(story)
    _add(story, status=CommentStatus.PENDING)
    _add(story, status=CommentStatus.SPAM)
    _add(other, status=CommentStatus.TRASH)
    _add(other)
    assert selectors.comment_counts(story_ids=[story.pk, other.pk, silent.pk]) == {
        story.pk: 2,
        other.pk: 1,
    }
    assert selectors.comment_counts(story_ids=[]) == {}


def test_thread_is_oldest_first_and_nested(story) -> None:
    first = _add(story, body="first")
    second = _add(story, body="second")
    reply = _add(story, body="reply", parent=first)
    thread = selectors.comment_thread(story=story)
    assert [n.id for n in thread.roots] == [first.pk, second.pk]
    assert [n.id for n in thread.roots[0].children] == [reply.pk]
    assert thread.roots[0].children[0].depth == 1
    assert thread.approved_count == 3


def test_reply_to_a_hidden_comment_moves_to_the_top(story) -> None:
    gone = _add(story, status=CommentStatus.TRASH)
    reply = _add(story, body="still here", parent=gone)
    assert [n.id for n in selectors.comment_thread(story=story).roots] == [reply.pk]


def test_own_pending_comments_only_when_asked(story) -> None:
    mine = _add(story, status=CommentStatus.PENDING)
    spam = _add(story, status=CommentStatus.SPAM)
    assert selectors.comment_thread(story=story).roots == []
    thread = selectors.comment_thread(story=story, own_ids=[mine.pk, spam.pk])
    assert [n.id for n in thread.roots] == [mine.pk]
    assert thread.roots[0].is_pending and not thread.roots[0].can_reply
    assert thread.approved_count == 0


def test_public_comments_carry_no_email(story) -> None:
    _add(story, email="secret@example.org")
    node = selectors.comment_thread(story=story).roots[0]
    assert "secret" not in repr(node)
