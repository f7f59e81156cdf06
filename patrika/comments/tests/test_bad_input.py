"""Hostile and broken input, one test each: a clear error or neutralised, and the approved
comment that was there before is still there afterwards."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from django.test import Client

from patrika.comments.models import Comment, CommentStatus
from patrika.newsroom.models import Translation
from patrika.newsroom.tests.factories import make_story
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES

from .conftest import comment_data, form_fields, post_comment

pytestmark = pytest.mark.django_db

EARLIER = "An earlier approved comment that must survive."


@pytest.fixture
def earlier(story) -> Comment:
    return Comment.objects.create(
        story=story,
        language="en",
        name="Earlier",
        email="earlier@example.org",
        body=EARLIER,
        status=CommentStatus.APPROVED,
    )


def _comments_html(client: Client, translation) -> str:
    html = client.get(translation.get_absolute_url()).content.decode()
    return html.split('id="comments"', 1)[1].split('id="respond"', 1)[0]


def _approve_all_and_render(client: Client, translation) -> str:
    Comment.objects.update(status=CommentStatus.APPROVED)
    return _comments_html(Client(), translation)


@pytest.fixture(autouse=True)
def _earlier_survives(earlier: Comment, en: Translation) -> Iterator[None]:
    yield
    assert Comment.objects.filter(pk=earlier.pk, status=CommentStatus.APPROVED).exists()
    assert EARLIER in _comments_html(Client(), en)


def test_script_tags_are_shown_as_text(client, en) -> None:
    post_comment(client, en, name="<script>alert('n')</script>", body="<script>alert(1)</script>")
    html = _approve_all_and_render(client, en)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#x27;n&#x27;)&lt;/script&gt;" in html


def test_event_handler_attributes_are_shown_as_text(client, en) -> None:
    post_comment(client, en, body='<img src=x onerror="alert(1)"> <b onmouseover=alert(2)>hi</b>')
    html = _approve_all_and_render(client, en)
    assert "<img src=x" not in html and "<b onmouseover" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_javascript_url_as_website_is_refused(client, en) -> None:
    response = post_comment(client, en, website="javascript:alert(document.cookie)")
    assert response.status_code == 400
    assert "start with http:// or https://" in response.content.decode()
    assert Comment.objects.count() == 1


def test_javascript_url_in_text_is_not_a_link(client, en) -> None:
    post_comment(client, en, body="click javascript:alert(1) or JaVaScRiPt:alert(2)")
    html = _approve_all_and_render(client, en)
    assert not re.search(r"href=\"\s*javascript:", html, re.IGNORECASE)
    assert "javascript:alert(1)" in html


def test_imported_javascript_website_is_not_linked(story, en) -> None:
    # Importers write rows directly, past the form: the output must still be safe.
    Comment.objects.create(
        story=story,
        language="en",
        name="Imported",
        email="imp@example.org",
        website="javascript:alert(1)",
        body="old comment",
        status=CommentStatus.APPROVED,
    )
    html = _comments_html(Client(), en)
    assert "Imported" in html and "javascript:" not in html


def test_links_in_text_are_nofollow_ugc(client, en) -> None:
    post_comment(client, en, body="source: https://example.org/report?a=1&b=2.")
    html = _approve_all_and_render(client, en)
    assert (
        '<a href="https://example.org/report?a=1&amp;b=2" rel="nofollow ugc noopener">'
        "https://example.org/report?a=1&amp;b=2</a>." in html
    )


def test_broken_utf8_is_refused_cleanly(client, en) -> None:
    data = comment_data(client, en)
    fields = {key: quote(value) for key, value in data.items()}
    fields["body"] = "caf%C3%A9%FF%FEbroken%C3"
    raw = "&".join(f"{key}={value}" for key, value in fields.items())
    response = client.post("/comments/post/", raw, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "not valid UTF-8" in response.content.decode()
    assert Comment.objects.count() == 1


def test_right_to_left_override_characters_are_removed(client, en) -> None:
    post_comment(client, en, name="Ravi\u202egnp.exe", body="safe\u202etxet\u2066x\u2069")
    comment = Comment.objects.exclude(name="Earlier").get()
    assert comment.name == "Ravignp.exe"
    assert comment.body == "safetxetx"


def test_zero_width_characters_are_removed_but_zwj_zwnj_kept(client, hi) -> None:
    body = "क्\u200dष और क्\u200cष\u200b सही\ufeff\u2060"
    post_comment(client, hi, name="Ra\u200bvi", body=body)
    comment = Comment.objects.exclude(name="Earlier").get()
    assert comment.name == "Ravi"
    assert comment.body == "क्\u200dष और क्\u200cष सही"


def test_text_is_stored_nfc(client, en) -> None:
    post_comment(client, en, body="cafe\u0301 and \u0915\u093c")
    comment = Comment.objects.exclude(name="Earlier").get()
    # U+0958 is a composition exclusion: NFC keeps क + nukta as two characters.
    assert comment.body == "caf\u00e9 and \u0915\u093c"


def test_one_megabyte_comment_is_refused_with_its_size(client, en) -> None:
    response = post_comment(client, en, body="x" * (1024 * 1024))
    assert response.status_code == 400
    assert "Please shorten your comment to 5000 characters (it has 1048576)." in (
        response.content.decode()
    )
    assert Comment.objects.count() == 1


def test_invalid_email_is_refused(client, en) -> None:
    response = post_comment(client, en, email="ravi@@example")
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert Comment.objects.count() == 1


def test_empty_name_is_refused(client, en) -> None:
    response = post_comment(client, en, name="\u200b \u202e ")
    assert response.status_code == 400
    assert "Please enter your name." in response.content.decode()
    assert Comment.objects.count() == 1


def test_reply_to_a_comment_on_another_story_is_refused(client, en) -> None:
    elsewhere = Comment.objects.create(
        story=make_story(),
        language="en",
        name="Elsewhere",
        email="x@example.org",
        body="on another story",
        status=CommentStatus.APPROVED,
    )
    data = comment_data(client, en)
    data["parent"] = str(elsewhere.pk)
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    assert "not published on this story" in response.content.decode()
    assert not Comment.objects.filter(parent=elsewhere).exists()


def test_reply_to_a_spam_comment_is_refused(client, en, story) -> None:
    spam = Comment.objects.create(
        story=story,
        language="en",
        name="Spammer",
        email="s@example.org",
        body="buy now",
        status=CommentStatus.SPAM,
    )
    data = comment_data(client, en)
    data["parent"] = str(spam.pk)
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    assert "not published on this story" in response.content.decode()
    assert not Comment.objects.filter(parent=spam).exists()


def test_forged_csrf_token_is_refused(en) -> None:
    client = Client(enforce_csrf_checks=True)
    data = comment_data(client, en)
    data["csrfmiddlewaretoken"] = "forged" * 8
    response = client.post("/comments/post/", data)
    assert response.status_code == 403
    assert Comment.objects.count() == 1


def test_csrf_failure_view_gives_the_text_back(en, settings) -> None:
    settings.CSRF_FAILURE_VIEW = "patrika.comments.views.csrf_failure"
    client = Client(enforce_csrf_checks=True)
    data = comment_data(client, en, body="Text I do not want to lose.")
    client.cookies.clear()  # an expired session: no CSRF cookie any more
    response = client.post("/comments/post/", data)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Your session had expired" in html
    assert "Text I do not want to lose." in html
    assert Comment.objects.count() == 1
    # With the fresh token from that page the reader can send it again.
    from .conftest import form_fields

    data["csrfmiddlewaretoken"] = form_fields(html)["csrfmiddlewaretoken"]
    assert client.post("/comments/post/", data).status_code == 303
    assert Comment.objects.count() == 2


def test_a_flood_of_100_posts_from_one_address_is_rate_limited(client, en) -> None:
    statuses = []
    for n in range(100):
        response = post_comment(client, en, email=f"bot{n}@example.org", body=f"flood {n}")
        statuses.append(response.status_code)
    assert statuses[:10] == [303] * 10
    assert set(statuses[10:]) == {429}
    assert Comment.objects.filter(body__startswith="flood").count() == 10
    assert "Please wait about" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    # The rejected reader's text is still in the form.
    assert "flood 99" in response.content.decode()


def test_many_posts_from_one_email_are_rate_limited(client, en) -> None:
    statuses = []
    for n in range(8):
        data = comment_data(client, en, body=f"from one email {n}")
        statuses.append(client.post("/comments/post/", data, REMOTE_ADDR=f"10.0.0.{n}").status_code)
    assert statuses == [303] * 5 + [429] * 3


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_website_that_is_not_public_is_refused_and_the_comment_kept(client, hi, url) -> None:
    body = "मेरी लंबी, सोच-समझकर लिखी गई टिप्पणी।"
    response = post_comment(client, hi, website=url, body=body)
    assert response.status_code == 400
    assert Comment.objects.count() == 1  # only the earlier one
    html = response.content.decode()
    assert re.search(r'<textarea name="body"[^>]*>\n' + re.escape(body) + "</textarea>", html)
    assert form_fields(html)["name"] == "Ravi Kumar"
    # The error sits by the website field, in the page's language (Hindi here).
    website_error = html.split('class="field field-website has-error"', 1)[1].split("</div>")[0]
    hindi = {
        "केवल http:// या https:// से शुरू होने वाले वेब पते स्वीकार किए जाते हैं।",
        "इस पते से उपयोगकर्ता नाम और पासवर्ड हटाएँ।",
        "यह पता बहुत लंबा है",
        "वेब पते में रिक्त स्थान",
        "असली होस्ट नाम वाला पूरा वेब पता लिखें",
    }
    assert any(text in website_error for text in hindi), website_error
