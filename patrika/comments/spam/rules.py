"""Rules that need no learning: links in the text, the honeypot field and the fill time."""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.core import signing

from patrika.comments import conf
from patrika.comments.text import find_links

from .base import Lesson, Submission, Verdict


class LinkRule:
    """Each link raises the score; more than the form allows is spam for sure (the form
    refuses those, so this catches other ways in)."""

    name = "links"

    def check(self, submission: Submission) -> Verdict:
        count = len(find_links(submission.body))
        if count > conf.max_links():
            return Verdict(1.0, f"{count} links", definite=True)
        if not count:
            return Verdict(0.0)
        return Verdict(min(0.25 * count, 0.75), f"{count} link{'s' if count > 1 else ''}")

    def learn(self, lessons: Sequence[Lesson]) -> None:
        return None


# The honeypot: a field people never see (hidden) and bots fill in.
HONEYPOT_FIELD = "homepage"


def honeypot_tripped(value: str | None) -> bool:
    return bool((value or "").strip())


_SALT = "patrika.comments.form"


@dataclass(frozen=True)
class FormToken:
    key: str  # one per rendered form: the idempotency key of the comment it becomes
    age: float  # seconds since the form was rendered


class FormTokenError(ValueError):
    pass


def form_token_make(*, story_id: int) -> str:
    """A signed (story, one-time key, time) stamp put in every rendered form."""
    return signing.dumps(
        {"s": story_id, "k": secrets.token_urlsafe(18), "t": round(time.time(), 3)}, salt=_SALT
    )


def form_token_read(token: str, *, story_id: int) -> FormToken:
    try:
        data = signing.loads(token or "", salt=_SALT, max_age=conf.max_form_age())
    except signing.BadSignature as error:
        raise FormTokenError("bad or expired") from error
    if not isinstance(data, dict) or data.get("s") != story_id:
        raise FormTokenError("another story")
    return FormToken(key=str(data["k"]), age=max(0.0, time.time() - float(data["t"])))
