"""Spam defence without a cloud service: rules, a classifier that learns from the moderators,
and (only when configured) Akismet. `assess()` asks every configured checker."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from django.utils.module_loading import import_string

from patrika.comments import conf

from .base import Lesson, SpamChecker, Submission, Verdict

__all__ = ["Assessment", "Lesson", "SpamChecker", "Submission", "Verdict", "assess", "learn"]

log = logging.getLogger(__name__)


@cache
def _load(paths: tuple[str, ...]) -> tuple[SpamChecker, ...]:
    return tuple(import_string(path)() for path in paths)


def get_checkers() -> tuple[SpamChecker, ...]:
    return _load(tuple(conf.spam_checkers()))


@dataclass
class Assessment:
    score: float | None
    is_spam: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)[:300]


def assess(submission: Submission) -> Assessment:
    """The highest score any checker gives; spam at the threshold or when a rule is sure.

    A checker that fails (a network error) is skipped: the comment is held, never lost.
    """
    scores: list[float] = []
    reasons: list[str] = []
    definite = False
    for checker in get_checkers():
        try:
            verdict = checker.check(submission)
        except Exception:
            log.exception("spam checker %s failed", checker.name)
            reasons.append(f"{checker.name}: unavailable")
            continue
        if verdict.reason:
            reasons.append(f"{checker.name}: {verdict.reason}")
        if verdict.score is not None:
            scores.append(verdict.score)
        definite = definite or verdict.definite
    score = 1.0 if definite else (max(scores) if scores else None)
    is_spam = definite or (score is not None and score >= conf.spam_threshold())
    return Assessment(score=score, is_spam=is_spam, reasons=reasons)


def learn(lessons: Sequence[Lesson]) -> None:
    lessons = [lesson for lesson in lessons if lesson.was != lesson.now]
    if not lessons:
        return
    for checker in get_checkers():
        try:
            checker.learn(lessons)
        except Exception:
            log.exception("spam checker %s could not learn", checker.name)
