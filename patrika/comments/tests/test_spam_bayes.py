"""The naive Bayes learner: Devanagari-aware tokens, per-language models, learnt from
moderation decisions."""

from __future__ import annotations

import re

import pytest

from patrika.comments import services
from patrika.comments.models import CommentStatus, SpamToken
from patrika.comments.services import CommentDraft
from patrika.comments.spam.base import Submission
from patrika.comments.spam.bayes import BayesChecker, model_language, tokenize


def test_tokenizer_keeps_devanagari_words_whole() -> None:
    text = "मोदी और पुतिन की वार्ता, क्‍षेत्रीय सहयोग!"
    tokens = tokenize(text)
    assert {"मोदी", "पुतिन", "वार्ता", "क्\u200dषेत्रीय"} <= set(tokens) or "क्षेत्रीय" in tokens
    assert "मोदी" in tokens and "वार्ता" in tokens and "सहयोग" in tokens
    # What splitting on \W would have done: vowel signs and viramas cut words apart.
    assert "म" not in tokens and "द" not in tokens
    assert re.findall(r"\w+", "मोदी") != ["मोदी"]


def test_tokenizer_casefolds_and_keeps_link_hosts() -> None:
    tokens = tokenize(
        "BUY Cheap PILLS at https://www.pills.example/buy now", website="http://x.test"
    )
    assert {"buy", "cheap", "pills", "host:pills.example", "host:x.test"} <= set(tokens)
    assert "BUY" not in tokens


def test_tokenizer_normalises_to_nfc() -> None:
    assert tokenize("cafe\u0301") == tokenize("caf\u00e9")


def test_model_language_follows_the_script() -> None:
    hindi = Submission(language="en", name="x", email="x@e.org", website="", body="नमस्ते दोस्तों")
    english = Submission(language="hi", name="x", email="x@e.org", website="", body="hello there")
    assert model_language(hindi) == "hi"
    assert model_language(english) == "en"


SPAM_EN = [
    "cheap viagra pills online buy now",
    "buy cheap pills casino bonus",
    "casino bonus free spins win money now",
    "earn money fast from home casino",
    "cheap loans buy now win money",
    "free viagra pills discount casino",
]
HAM_EN = [
    "the talks between the two leaders were important for energy",
    "india and russia share a long history of defence cooperation",
    "good analysis of the oil trade and the energy question",
    "the leaders spoke about trade and students",
    "a balanced report on the ukraine question",
    "thank you for the clear report on defence",
]
SPAM_HI = [
    "सस्ता लोन तुरंत पाएं अभी क्लिक करें",
    "घर बैठे पैसे कमाएं तुरंत लोन",
    "मुफ्त इनाम जीतें अभी क्लिक करें",
    "सस्ता लोन मुफ्त इनाम पैसे कमाएं",
    "तुरंत पैसे कमाएं अभी क्लिक करें",
]
HAM_HI = [
    "भारत और रूस की दोस्ती पुरानी है",
    "दोनों नेताओं की बातचीत ऊर्जा सहयोग पर अहम रही",
    "रक्षा सहयोग पर अच्छी रिपोर्ट",
    "यूक्रेन पर भारत का रुख संतुलित है",
    "व्यापार और छात्रों पर बातचीत अच्छी लगी",
]


def _train(story, admin_user, texts: list[str], status: str) -> None:
    for n, body in enumerate(texts):
        comment = services.comment_post(
            draft=CommentDraft(
                story=story,
                language="en",
                # A new commenter each time: a known one would be approved without a lesson.
                name=f"trainer {status} {n}",
                email=f"t{status}{n}.{len(body)}.{body.encode().hex()[:8]}@example.org",
                body=body,
            )
        ).comment
        services.comment_moderate(comments=[comment], status=status, by=admin_user)


def _score(body: str) -> float | None:
    submission = Submission(language="en", name="n", email="n@e.org", website="", body=body)
    return BayesChecker().check(submission).score


@pytest.mark.django_db
def test_no_score_until_enough_decisions(story, admin_user, settings) -> None:
    settings.PATRIKA_COMMENTS_RATE_PER_IP = (1000, 60)
    _train(story, admin_user, SPAM_EN[:2], CommentStatus.SPAM)
    assert _score("cheap pills") is None


@pytest.mark.django_db
def test_learns_spam_and_ham_per_language(story, admin_user, settings) -> None:
    settings.PATRIKA_COMMENTS_RATE_PER_IP = (1000, 60)
    _train(story, admin_user, SPAM_EN, CommentStatus.SPAM)
    _train(story, admin_user, HAM_EN, CommentStatus.APPROVED)
    _train(story, admin_user, SPAM_HI, CommentStatus.SPAM)
    _train(story, admin_user, HAM_HI, CommentStatus.APPROVED)
    assert _score("win cheap casino money now") > 0.9
    assert _score("the report on energy cooperation between the leaders") < 0.1
    assert _score("अभी क्लिक करें और सस्ता लोन पाएं") > 0.9
    assert _score("नेताओं की बातचीत पर अच्छी रिपोर्ट") < 0.1
    docs = {
        row.language: (row.spam_count, row.ham_count) for row in SpamToken.objects.filter(token="")
    }
    assert docs == {"en": (6, 6), "hi": (5, 5)}


@pytest.mark.django_db
def test_new_comment_is_scored_and_filed_as_spam(client, en, admin_user, settings) -> None:
    from patrika.comments.models import Comment

    from .conftest import post_comment

    settings.PATRIKA_COMMENTS_RATE_PER_IP = (1000, 60)
    _train(en.story, admin_user, SPAM_EN, CommentStatus.SPAM)
    _train(en.story, admin_user, HAM_EN, CommentStatus.APPROVED)
    response = post_comment(client, en, body="cheap casino pills, win money now")
    assert response.status_code == 303 and response["Location"].endswith("#respond")
    comment = Comment.objects.get(body="cheap casino pills, win money now")
    assert comment.status == CommentStatus.SPAM and comment.spam_score > 0.9
    response = post_comment(client, en, body="a fair report on the energy talks", email="b@e.org")
    good = Comment.objects.get(body="a fair report on the energy talks")
    assert good.status == CommentStatus.PENDING and good.spam_score < 0.5
