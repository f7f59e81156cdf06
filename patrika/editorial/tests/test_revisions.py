"""Revisions: every save in the admin keeps the whole story; the diff reads word by word in
any script; restoring brings the text back as a new revision."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from django.test import Client
from reversion.models import Version

from patrika.accounts.roles import CONTRIBUTOR, EDITOR
from patrika.accounts.services import user_create
from patrika.editorial.diff import diff_html, diff_words, tokens
from patrika.newsroom.models import Story, StoryStatus
from patrika.newsroom.tests.factories import make_story
from patrika.newsroom.tests.test_admin import _change_data

# Every combining mark of the Indic scripts Patrika may be configured for.
INDIC = [chr(c) for c in range(0x0900, 0x0DFF + 1)]
MARKS = [c for c in INDIC if unicodedata.category(c).startswith("M")]
LETTERS = [c for c in INDIC if unicodedata.category(c) == "Lo"]


def _assert_whole(old: str, new: str) -> None:
    parts = diff_words(old, new)
    assert "".join(p.text for p in parts if p.op != "insert") == old
    assert "".join(p.text for p in parts if p.op != "delete") == new
    for part in parts:
        if part.op != "equal" and part.text:
            # A changed stretch never begins with a mark cut from its letter.
            assert not unicodedata.category(part.text[0]).startswith("M"), (old, new, part)


@pytest.mark.parametrize("mark", MARKS, ids=lambda m: f"U+{ord(m):04X}")
def test_no_mark_is_split_from_its_letter(mark: str) -> None:
    _assert_whole(f"राज्य क{mark}ल ४२ था।", f"राज्य ख{mark}ल २४ था।")
    _assert_whole(f"क{mark}", f"क{mark}{mark}")
    assert all(not unicodedata.category(t[0]).startswith("M") for t in tokens(f"a क{mark} b"))


def test_random_indic_text_diffs_whole() -> None:
    rng = random.Random(9)

    def word() -> str:
        return "".join(rng.choice(LETTERS) + rng.choice(["", *MARKS]) for _ in range(3))

    for _ in range(300):
        old = " ".join(word() for _ in range(8))
        new_words = old.split()
        new_words[rng.randrange(8)] = word()
        _assert_whole(old, " ".join(new_words) + rng.choice(["", "।", ", १९"]))


def test_a_changed_figure_is_the_only_change_shown() -> None:
    html = str(diff_html("मोदी ने 42 देशों का दौरा किया।", "मोदी ने 24 देशों का दौरा किया।"))
    assert "<del>42</del><ins>24</ins>" in html
    assert "<span>मोदी ने </span>" in html
    assert "<del>" not in diff_html("<b>x</b>", "<b>x</b>")
    assert "&lt;b&gt;" in str(diff_html("<b>x</b>", "<b>y</b>"))


pytestmark = pytest.mark.django_db


def _client(role: str, name: str) -> tuple[Client, object]:
    user = user_create(username=name, role=role)[0]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client, user


def _save(client: Client, story: Story, **values: str) -> None:
    url = f"/admin/newsroom/story/{story.pk}/change/"
    response = client.post(url, _change_data(story, **values))
    assert response.status_code == 302, response.content[:3000]
    story.refresh_from_db()


def _hindi_index(story: Story) -> int:
    return [t.language for t in story.translations.all()].index("hi")


def test_each_save_keeps_the_whole_story_and_restore_brings_it_back() -> None:
    editor, user = _client(EDITOR, "ravi")
    story = make_story(hi_body="राज्य में ४२ ज़िले हैं।", status=StoryStatus.PUBLISHED)
    n = _hindi_index(story)
    _save(editor, story)
    _save(editor, story, **{f"translations-{n}-body": "राज्य में २४ ज़िले हैं।"})
    versions = Version.objects.get_for_object(story)
    assert versions.count() == 2
    assert versions[0].revision.user == user
    # One revision holds the story and every translation.
    assert versions[0].revision.version_set.count() == 1 + story.translations.count()

    page = editor.get(f"/admin/newsroom/story/{story.pk}/revisions/").content.decode()
    assert "hi: body" in page
    assert "<del>४२</del><ins>२४</ins>" in page

    older = versions[1].revision_id
    response = editor.post(f"/admin/newsroom/story/{story.pk}/revisions/", {"restore": older})
    assert response.status_code == 302
    story.refresh_from_db()
    hindi = story.translations.get(language="hi")
    assert hindi.body == "राज्य में ४२ ज़िले हैं।" and "४२" in hindi.body_html
    assert story.status == StoryStatus.PUBLISHED
    assert Version.objects.get_for_object(story).count() == 3
    assert "४२" in Client().get(hindi.get_absolute_url()).content.decode()


def test_restore_keeps_translations_as_they_were() -> None:
    editor, _user = _client(EDITOR, "ravi")
    story = make_story(hi=None)
    _save(editor, story)
    first = Version.objects.get_for_object(story)[0].revision_id
    data = _change_data(story)
    data |= {
        "translations-TOTAL_FORMS": "2",
        "translations-1-language": "hi",
        "translations-1-state": "ready",
        "translations-1-title": "नई हिंदी ख़बर",
        "translations-1-body": "पाठ।",
    }
    assert editor.post(f"/admin/newsroom/story/{story.pk}/change/", data).status_code == 302
    assert story.translations.count() == 2
    editor.post(f"/admin/newsroom/story/{story.pk}/revisions/", {"restore": first})
    assert [t.language for t in story.translations.all()] == ["en"]


def test_a_contributor_sees_history_but_restores_only_their_draft() -> None:
    editor, _user = _client(EDITOR, "ravi")
    writer, _writer = _client(CONTRIBUTOR, "asha")
    story = make_story(status=StoryStatus.IN_REVIEW)
    _save(editor, story)
    _save(editor, story, **{"translations-0-title": "Changed"})
    url = f"/admin/newsroom/story/{story.pk}/revisions/"
    page = writer.get(url).content.decode()
    assert "Restore this revision" not in page
    older = Version.objects.get_for_object(story)[1].revision_id
    assert writer.post(url, {"restore": older}).status_code == 403
    assert story.translations.filter(title="Changed").exists()
    assert re.search(r"<del>.*</del>", page)
