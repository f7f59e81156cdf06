"""Akismet, for newsrooms that want it. Off by default: add
"patrika.comments.spam.akismet.AkismetChecker" to PATRIKA_COMMENTS_SPAM_CHECKERS and set
PATRIKA_COMMENTS_AKISMET_KEY.

Privacy: Akismet receives the name, website, text, IP address and user agent. It never
receives the email address (Akismet works without it), in keeping with the promise on the form.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Sequence
from urllib.parse import urlencode

from django.conf import settings

from patrika.comments import conf

from .base import Lesson, Submission, Verdict

TIMEOUT = 5


def _payload(submission: Submission) -> dict[str, str]:
    return {
        "blog": settings.PATRIKA_SITE_URL,
        "user_ip": submission.ip_address or "",
        "user_agent": submission.user_agent,
        "permalink": submission.permalink,
        "comment_type": "comment",
        "comment_author": submission.name,
        "comment_author_url": submission.website,
        "comment_content": submission.body,
        "blog_lang": submission.language,
    }


def _call(method: str, submission: Submission) -> str:
    url = f"{conf.akismet_url()}/{method}"
    data = urlencode({"api_key": conf.akismet_key(), **_payload(submission)}).encode()
    request = urllib.request.Request(url, data=data, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.read().decode().strip()


class AkismetChecker:
    name = "akismet"

    def check(self, submission: Submission) -> Verdict:
        if not conf.akismet_key():
            return Verdict(None, "no key")
        answer = _call("comment-check", submission)
        if answer == "true":
            return Verdict(1.0, "spam")
        if answer == "false":
            return Verdict(0.0)
        return Verdict(None, f"unexpected answer {answer[:40]!r}")

    def learn(self, lessons: Sequence[Lesson]) -> None:
        if not conf.akismet_key():
            return
        for lesson in lessons:
            if lesson.now == "spam":
                _call("submit-spam", lesson.submission)
            elif lesson.now == "ham" and lesson.was == "spam":
                _call("submit-ham", lesson.submission)
