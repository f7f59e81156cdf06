"""A naive Bayes classifier that learns from the moderators' own decisions, one model per
language (the script the comment is written in), with a tokenizer that keeps Devanagari words
whole: vowel signs and viramas are combining marks (Mn/Mc), which `\\w` does not match."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Sequence
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest

from patrika import languages
from patrika.comments import conf
from patrika.comments.models import SpamToken
from patrika.comments.text import find_links, link_href
from patrika.text import normalize

from .base import Lesson, Submission, Verdict

MAX_TOKEN_LENGTH = 64
DOCS = ""  # the SpamToken row that counts documents
_JOINERS = {"\u200c", "\u200d"}  # ZWNJ/ZWJ sit inside Indic words


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN" or char in _JOINERS


def _host(url: str) -> str:
    try:
        return (urlsplit(link_href(url)).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def tokenize(text: str, *, website: str = "") -> list[str]:
    """Distinct tokens: casefolded words (whole, with their combining marks) and link hosts."""
    text = normalize(text).casefold()
    tokens: set[str] = set()
    word: list[str] = []
    for char in text + " ":
        if _is_word_char(char):
            word.append(char)
            continue
        if word:
            token = "".join(word).strip("\u200c\u200d")
            if len(token) >= 2 and not token.isdigit():
                tokens.add(token[:MAX_TOKEN_LENGTH])
            word = []
    for url in [*find_links(text), *([website] if website else [])]:
        if host := _host(url):
            tokens.add(f"host:{host}"[:MAX_TOKEN_LENGTH])
    return sorted(tokens)


def model_language(submission: Submission) -> str:
    """The model a comment belongs to: the language whose script it is written in."""
    return languages.detect_script_language(submission.body)


def _tokens_of(submission: Submission) -> list[str]:
    return tokenize(submission.body, website=submission.website)


def spam_probability(*, language: str, tokens: Sequence[str]) -> tuple[float | None, int, int]:
    """P(spam | tokens) with Laplace smoothing over token presence; None while the model has
    seen fewer than PATRIKA_COMMENTS_BAYES_MIN_DOCS of either kind."""
    rows = {
        row.token: row
        for row in SpamToken.objects.filter(language=language, token__in=[DOCS, *tokens])
    }
    docs = rows.pop(DOCS, None)
    spam_docs = docs.spam_count if docs else 0
    ham_docs = docs.ham_count if docs else 0
    if min(spam_docs, ham_docs) < conf.bayes_min_docs():
        return None, spam_docs, ham_docs
    log_odds = math.log((spam_docs + 1) / (ham_docs + 1))
    for row in rows.values():
        if not row.spam_count and not row.ham_count:
            continue
        p_spam = (row.spam_count + 1) / (spam_docs + 2)
        p_ham = (row.ham_count + 1) / (ham_docs + 2)
        log_odds += math.log(p_spam / p_ham)
    log_odds = max(-50.0, min(50.0, log_odds))
    return 1 / (1 + math.exp(-log_odds)), spam_docs, ham_docs


@transaction.atomic
def learn_counts(deltas: dict[tuple[str, str], tuple[int, int]]) -> None:
    """Add (spam, ham) deltas to each (language, token) row, creating missing rows."""
    deltas = {key: delta for key, delta in deltas.items() if delta != (0, 0)}
    if not deltas:
        return
    SpamToken.objects.bulk_create(
        [SpamToken(language=lang, token=token) for lang, token in deltas],
        ignore_conflicts=True,
        batch_size=500,
    )
    for (lang, token), (spam, ham) in deltas.items():
        # Counts never go below zero, whatever order the decisions arrive in.
        SpamToken.objects.filter(language=lang, token=token).update(
            spam_count=Greatest(F("spam_count") + spam, Value(0)),
            ham_count=Greatest(F("ham_count") + ham, Value(0)),
        )


class BayesChecker:
    name = "bayes"

    def check(self, submission: Submission) -> Verdict:
        language = model_language(submission)
        score, spam_docs, ham_docs = spam_probability(
            language=language, tokens=_tokens_of(submission)
        )
        if score is None:
            return Verdict(None, f"learning ({language}: {spam_docs} spam, {ham_docs} ham)")
        return Verdict(score, f"{score:.2f}")

    def learn(self, lessons: Sequence[Lesson]) -> None:
        deltas: Counter[tuple[str, str, str]] = Counter()
        for lesson in lessons:
            language = model_language(lesson.submission)
            for token in [DOCS, *_tokens_of(lesson.submission)]:
                if lesson.was in ("spam", "ham"):
                    deltas[(language, token, lesson.was)] -= 1
                if lesson.now in ("spam", "ham"):
                    deltas[(language, token, lesson.now)] += 1
        merged: dict[tuple[str, str], tuple[int, int]] = {}
        for (language, token, label), n in deltas.items():
            spam, ham = merged.get((language, token), (0, 0))
            merged[(language, token)] = (spam + n, ham) if label == "spam" else (spam, ham + n)
        learn_counts(merged)
