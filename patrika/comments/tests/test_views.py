"""The comment endpoint over HTTP: Post/Redirect/Get, nothing lost on errors, own pending."""

from __future__ import annotations

import pytest
from django.test import Client

from patrika.comments.cookies import COOKIE_NAME
from patrika.comments.models import Comment, CommentStatus

from .conftest import EMAIL, comment_data, form_fields, post_comment

pytestmark = pytest.mark.django_db


def test_success_redirects_to_the_comment_and_shows_it_awaiting_moderation(client, en) -> None:
    response = post_comment(client, en)
    comment = Comment.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{en.get_absolute_url()}#comment-{comment.pk}"
    assert comment.status == CommentStatus.PENDING
    assert comment.language == "en" and comment.email == EMAIL
    page = client.get(response["Location"]).content.decode()
    assert f'id="comment-{comment.pk}"' in page
    assert "awaiting moderation" in page
    assert "A thoughtful comment about the talks." in page


def test_several_own_pending_comments_are_remembered(client, en) -> None:
    post_comment(client, en, body="first of mine")
    response = post_comment(client, en, body="second of mine")
    assert '"' not in response.cookies[COOKIE_NAME].OutputString().split(";")[0]
    page = client.get(en.get_absolute_url()).content.decode()
    assert "first of mine" in page and "second of mine" in page
    assert page.count('class="awaiting-moderation"') == 2


def test_pending_comment_is_shown_only_to_its_author(client, en) -> None:
    post_comment(client, en)
    other = Client()
    page = other.get(en.get_absolute_url()).content.decode()
    assert "A thoughtful comment" not in page
    assert "awaiting moderation" not in page


def test_a_tampered_own_comments_cookie_is_ignored(client, en) -> None:
    post_comment(client, en)
    other = Client()
    other.cookies[COOKIE_NAME] = "1,2,3:forged:signature"
    response = other.get(en.get_absolute_url())
    assert response.status_code == 200
    assert "A thoughtful comment" not in response.content.decode()


def test_approved_comment_is_shown_to_everyone_with_count(client, en) -> None:
    post_comment(client, en)
    Comment.objects.update(status=CommentStatus.APPROVED)
    page = Client().get(en.get_absolute_url()).content.decode()
    assert "A thoughtful comment about the talks." in page
    assert "1 comment" in page
    assert '"commentCount": 1' in page


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "   ", "Please enter your name."),
        ("email", "not-an-email", "Enter a valid email address."),
        (
            "website",
            "javascript:alert(1)",
            "Only web addresses that start with http:// or https:// are allowed.",
        ),
        ("body", "x" * 5001, "Please shorten your comment to 5000 characters (it has 5001)."),
        (
            "body",
            "see http://a.example http://b.example http://c.example",
            "Please keep to 2 links (this comment has 3).",
        ),
    ],
)
def test_failed_validation_keeps_every_field_and_puts_the_error_by_it(
    client, en, field: str, value: str, message: str
) -> None:
    data = comment_data(
        client,
        en,
        name="Meera Nair",
        email="meera@example.org",
        website="https://meera.example",
        body="My long, carefully written comment.",
    )
    data[field] = value
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    assert not Comment.objects.exists()
    html = response.content.decode()
    refilled = form_fields(html)
    for name, typed in data.items():
        if name in ("name", "email", "website"):
            assert refilled[name] == typed
    if field != "body":
        assert "My long, carefully written comment." in html
    assert value.strip()[:50] in html or field == "name"
    # The error sits inside the field's own block, next to its input.
    block = html.split(f'class="field field-{field} has-error"', 1)[1].split("</div>", 1)[0]
    assert message.replace("'", "&#x27;") in block
    assert "Your comment has not been sent yet" in html


def test_limits_are_stated_on_the_form(client, en) -> None:
    html = client.get(en.get_absolute_url()).content.decode()
    assert "Plain text, up to 5000 characters and 2 links." in html
    assert "Up to 100 characters." in html
    assert "Your email address will not be published." in html
    assert 'Required fields are marked <span class="required">*</span>' in html


def test_limits_follow_settings(client, en, settings) -> None:
    settings.PATRIKA_COMMENTS_MAX_LENGTH = 300
    settings.PATRIKA_COMMENTS_MAX_LINKS = 1
    html = client.get(en.get_absolute_url()).content.decode()
    assert "Plain text, up to 300 characters and 1 link." in html


def test_the_same_form_sent_twice_makes_one_comment(client, en) -> None:
    data = comment_data(client, en)
    first = client.post("/comments/post/", data)
    second = client.post("/comments/post/", data)
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1


def test_the_same_text_posted_again_from_a_new_form_is_not_duplicated(client, en) -> None:
    post_comment(client, en)
    again = post_comment(client, en)
    assert again.status_code == 303
    assert Comment.objects.count() == 1


def test_reply_link_and_threaded_reply(client, en) -> None:
    post_comment(client, en)
    parent = Comment.objects.get()
    parent.status = CommentStatus.APPROVED
    parent.save()
    page = client.get(en.get_absolute_url()).content.decode()
    assert f'href="{en.get_absolute_url()}?reply_to={parent.pk}#respond"' in page
    data = comment_data(client, en, query=f"?reply_to={parent.pk}", body="I agree with Ravi.")
    assert data["parent"] == str(parent.pk)
    response = client.post("/comments/post/", data)
    assert response.status_code == 303
    reply = Comment.objects.get(body="I agree with Ravi.")
    assert reply.parent_id == parent.pk
    page = client.get(en.get_absolute_url()).content.decode()
    # The reply is inside the parent's list item.
    parent_item = page.split(f'id="comment-{parent.pk}"', 1)[1]
    assert f'id="comment-{reply.pk}"' in parent_item.split('class="comment-respond"', 1)[0]


def test_replies_nest_only_to_the_maximum_depth(client, en, settings) -> None:
    settings.PATRIKA_COMMENTS_MAX_DEPTH = 2
    post_comment(client, en, body="top")
    top = Comment.objects.get()
    Comment.objects.update(status=CommentStatus.APPROVED)
    data = comment_data(client, en, query=f"?reply_to={top.pk}", body="second level")
    client.post("/comments/post/", data)
    second = Comment.objects.get(body="second level")
    second.status = CommentStatus.APPROVED
    second.save()
    page = client.get(en.get_absolute_url()).content.decode()
    assert f"?reply_to={second.pk}" not in page
    data = comment_data(client, en, body="third level")
    data["parent"] = str(second.pk)
    client.post("/comments/post/", data)
    assert Comment.objects.get(body="third level").parent_id == top.pk


def test_hindi_page_posts_in_hindi(client, hi) -> None:
    response = post_comment(client, hi, name="सुनीता शर्मा", body="बहुत अच्छी ख़बर है।")
    assert response.status_code == 303
    assert response["Location"].startswith("/hi/news/")
    comment = Comment.objects.get()
    assert comment.language == "hi"
    assert comment.name == "सुनीता शर्मा"
    page = client.get(response["Location"]).content.decode()
    assert "बहुत अच्छी ख़बर है।" in page


def test_errors_on_the_hindi_page_render_the_hindi_story(client, hi) -> None:
    data = comment_data(client, hi, name="")
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="hi"' in html
    assert hi.title in html


def test_closed_story_has_no_form_and_refuses_posts(client, en, story) -> None:
    data = comment_data(client, en)
    story.comments_open = False
    story.save()
    html = client.get(en.get_absolute_url()).content.decode()
    assert "Comments are closed." in html and 'class="comment-form"' not in html
    response = client.post("/comments/post/", data)
    assert response.status_code == 403
    assert not Comment.objects.exists()
    # The reader's text still comes back to them.
    assert "A thoughtful comment about the talks." in response.content.decode()


def test_comments_close_after_n_days(client, en, story, settings) -> None:
    from datetime import timedelta

    from django.utils import timezone

    settings.PATRIKA_COMMENTS_CLOSE_AFTER_DAYS = 10
    story.published_at = timezone.now() - timedelta(days=11)
    story.save()
    html = client.get(en.get_absolute_url()).content.decode()
    assert "Comments are closed." in html
    settings.PATRIKA_COMMENTS_CLOSE_AFTER_DAYS = 0
    html = client.get(en.get_absolute_url()).content.decode()
    assert 'class="comment-form"' in html


def test_get_is_not_allowed(client) -> None:
    assert client.get("/comments/post/").status_code == 405


def test_posting_to_an_unknown_story_is_404(client, en) -> None:
    data = comment_data(client, en)
    data["story"] = "999999"
    assert client.post("/comments/post/", data).status_code == 404
    data["story"] = "1' OR 1=1"
    assert client.post("/comments/post/", data).status_code == 404


def test_a_form_from_another_story_is_refused(client, en) -> None:
    from patrika.newsroom.tests.factories import make_story

    other = make_story().translations.get(language="en")
    data = comment_data(client, other)
    data["story"] = str(en.story_id)
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    assert "This form had expired" in response.content.decode()
    assert not Comment.objects.exists()


def test_errors_of_hidden_fields_are_shown_too(client, en) -> None:
    data = comment_data(client, en)
    data["parent"] = "not-a-number"
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    errors = response.content.decode().split('id="comment-errors"', 1)[1].split("</div>", 1)[0]
    assert "Enter a whole number." in errors
    assert not Comment.objects.exists()


def test_reply_links_on_a_refused_form_page_lead_back_to_the_story(client, en, story) -> None:
    approved = Comment.objects.create(
        story=story, language="en", name="A", email="a@example.org", body="b", status="approved"
    )
    response = post_comment(client, en, name="")
    assert response.status_code == 400
    link = f'href="{en.get_absolute_url()}?reply_to={approved.pk}#respond"'
    assert link in response.content.decode()
    assert client.get(f"{en.get_absolute_url()}?reply_to={approved.pk}").status_code == 200
