"""Honeypot, fill time, form expiry, links and rate limits."""

from __future__ import annotations

import time

import pytest
from django.core import signing

from patrika.comments.models import Comment
from patrika.comments.spam.base import Submission, Verdict
from patrika.comments.spam.rate import rate_limit_hit
from patrika.comments.spam.rules import LinkRule, form_token_make, form_token_read

from .conftest import comment_data, post_comment

pytestmark = pytest.mark.django_db


def test_honeypot_filled_is_refused(client, en) -> None:
    response = post_comment(client, en, homepage="http://bot.example")
    assert response.status_code == 400
    assert "looks automated" in response.content.decode()
    assert not Comment.objects.exists()


def test_honeypot_is_hidden_from_people(client, en) -> None:
    html = client.get(en.get_absolute_url()).content.decode()
    assert '<div hidden aria-hidden="true"><label for="comment-homepage">' in html


def test_too_fast_is_refused_and_accepted_on_resend(client, en, settings) -> None:
    settings.PATRIKA_COMMENTS_MIN_FILL_SECONDS = 1
    data = comment_data(client, en)
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    assert "That was quick!" in response.content.decode()
    assert not Comment.objects.exists()
    time.sleep(1.1)
    assert client.post("/comments/post/", data).status_code == 303


def test_expired_or_forged_form_token_gets_a_fresh_one(client, en, settings) -> None:
    data = comment_data(client, en)
    data["token"] = "forged:token"
    response = client.post("/comments/post/", data)
    assert response.status_code == 400
    assert "This form had expired" in response.content.decode()
    from .conftest import form_fields

    fresh = form_fields(response.content.decode())
    assert fresh["token"] != "forged:token"
    assert "A thoughtful comment about the talks." in response.content.decode()
    data["token"] = fresh["token"]
    assert client.post("/comments/post/", data).status_code == 303


def test_form_token_round_trip_and_expiry(settings) -> None:
    token = form_token_make(story_id=7)
    stamp = form_token_read(token, story_id=7)
    assert len(stamp.key) >= 20 and 0 <= stamp.age < 5
    from patrika.comments.spam.rules import FormTokenError

    with pytest.raises(FormTokenError):
        form_token_read(token, story_id=8)
    old = signing.dumps({"s": 7, "k": "k", "t": time.time() - 10}, salt="patrika.comments.form")
    settings.PATRIKA_COMMENTS_MAX_FORM_AGE = 0
    time.sleep(1.1)
    with pytest.raises(FormTokenError):
        form_token_read(old, story_id=7)


def test_link_rule_scores() -> None:
    def verdict(body: str) -> Verdict:
        return LinkRule().check(
            Submission(language="en", name="n", email="n@e.org", website="", body=body)
        )

    assert verdict("no links").score == 0.0
    assert verdict("one www.example.org link").score == 0.25
    assert verdict("a http://a.example b https://b.example c http://c.example").definite


def test_rate_limit_counts_per_identity(settings) -> None:
    settings.PATRIKA_COMMENTS_RATE_PER_IP = (3, 60)
    assert [rate_limit_hit(scope="ip", ident="10.1.1.1") for _ in range(5)] == [
        False,
        False,
        False,
        True,
        True,
    ]
    assert rate_limit_hit(scope="ip", ident="10.1.1.2") is False


def test_rate_limit_keys_hold_no_email() -> None:
    from patrika.ratelimit.models import RateCounter

    rate_limit_hit(scope="email", ident="private@example.org")
    keys = list(RateCounter.objects.values_list("key", flat=True))
    assert keys and not any("private" in key or "example" in key for key in keys)
