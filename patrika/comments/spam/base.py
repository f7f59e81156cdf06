"""The spam checker contract. A checker is named by a class path in
PATRIKA_COMMENTS_SPAM_CHECKERS and constructed without arguments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from patrika.comments.models import Comment


@dataclass(frozen=True)
class Submission:
    """What a checker sees of a comment (no database row needed, so it can run before save)."""

    language: str
    name: str
    email: str
    website: str
    body: str
    ip_address: str | None = None
    user_agent: str = ""
    permalink: str = ""

    @classmethod
    def from_comment(cls, comment: Comment, *, permalink: str = "") -> Submission:
        return cls(
            language=comment.language,
            name=comment.name,
            email=comment.email,
            website=comment.website,
            body=comment.body,
            ip_address=comment.ip_address,
            user_agent=comment.user_agent,
            permalink=permalink,
        )


@dataclass(frozen=True)
class Verdict:
    # Probability that the comment is spam, 0..1; None when the checker has no opinion.
    score: float | None
    reason: str = ""
    # Spam whatever the other checkers say (a rule that cannot be wrong).
    definite: bool = False


# What a moderator decided: the label before and after, each "spam", "ham" or "".
@dataclass(frozen=True)
class Lesson:
    submission: Submission
    was: str
    now: str


class SpamChecker(Protocol):
    name: str

    def check(self, submission: Submission) -> Verdict: ...

    def learn(self, lessons: Sequence[Lesson]) -> None: ...
