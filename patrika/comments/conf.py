"""Comment settings, each read with a default so settings.py only names what it changes.

Every name here is documented in docs/comments.md.
"""

from __future__ import annotations

from django.conf import settings

DEFAULTS: dict[str, object] = {
    # A commenter with an approved comment under the same name and email is approved at once.
    "PATRIKA_COMMENTS_AUTO_APPROVE_KNOWN": True,
    # Comments close this many days after publication (0: never close by age).
    "PATRIKA_COMMENTS_CLOSE_AFTER_DAYS": 30,
    "PATRIKA_COMMENTS_MAX_LENGTH": 5000,
    "PATRIKA_COMMENTS_NAME_MAX_LENGTH": 100,
    "PATRIKA_COMMENTS_MAX_LINKS": 2,
    # Replies nest this deep; a reply to a deeper comment joins its parent's thread.
    "PATRIKA_COMMENTS_MAX_DEPTH": 3,
    # A form sent back faster than this (seconds after the page was rendered) is a bot.
    "PATRIKA_COMMENTS_MIN_FILL_SECONDS": 3,
    # A form older than this (seconds) is stale: the reader is asked to send it again.
    "PATRIKA_COMMENTS_MAX_FORM_AGE": 2 * 24 * 3600,
    # (comments, seconds): at most this many comments per IP / per email address per window.
    "PATRIKA_COMMENTS_RATE_PER_IP": (10, 600),
    "PATRIKA_COMMENTS_RATE_PER_EMAIL": (5, 600),
    # Checkers asked about every new comment, in order (class paths; see spam/base.py).
    "PATRIKA_COMMENTS_SPAM_CHECKERS": [
        "patrika.comments.spam.rules.LinkRule",
        "patrika.comments.spam.bayes.BayesChecker",
    ],
    # A combined score at or above this files the comment as spam straight away.
    "PATRIKA_COMMENTS_SPAM_THRESHOLD": 0.9,
    # Known commenters are approved automatically only while their score stays below this.
    "PATRIKA_COMMENTS_AUTO_APPROVE_MAX_SCORE": 0.5,
    # The classifier gives no score until it has seen this many spam and this many ham.
    "PATRIKA_COMMENTS_BAYES_MIN_DOCS": 5,
    # Email the story's authors about each new comment that is not spam.
    "PATRIKA_COMMENTS_NOTIFY_AUTHORS": True,
    # Akismet (off unless its checker is listed above): key and the site URL it reports.
    "PATRIKA_COMMENTS_AKISMET_KEY": "",
    "PATRIKA_COMMENTS_AKISMET_URL": "https://rest.akismet.com/1.1",
    # The reader's own pending comments are remembered in a signed cookie for this long.
    "PATRIKA_COMMENTS_PENDING_COOKIE_AGE": 7 * 24 * 3600,
}


def get(name: str) -> object:
    return getattr(settings, name, DEFAULTS[name])


def auto_approve_known() -> bool:
    return bool(get("PATRIKA_COMMENTS_AUTO_APPROVE_KNOWN"))


def close_after_days() -> int:
    return int(get("PATRIKA_COMMENTS_CLOSE_AFTER_DAYS"))  # type: ignore[call-overload]


def max_length() -> int:
    return int(get("PATRIKA_COMMENTS_MAX_LENGTH"))  # type: ignore[call-overload]


def name_max_length() -> int:
    return int(get("PATRIKA_COMMENTS_NAME_MAX_LENGTH"))  # type: ignore[call-overload]


def max_links() -> int:
    return int(get("PATRIKA_COMMENTS_MAX_LINKS"))  # type: ignore[call-overload]


def max_depth() -> int:
    return max(1, int(get("PATRIKA_COMMENTS_MAX_DEPTH")))  # type: ignore[call-overload]


def min_fill_seconds() -> float:
    return float(get("PATRIKA_COMMENTS_MIN_FILL_SECONDS"))  # type: ignore[arg-type]


def max_form_age() -> int:
    return int(get("PATRIKA_COMMENTS_MAX_FORM_AGE"))  # type: ignore[call-overload]


def rate(scope: str) -> tuple[int, int]:
    count, window = get(f"PATRIKA_COMMENTS_RATE_PER_{scope.upper()}")  # type: ignore[misc]
    return int(count), int(window)


def spam_checkers() -> list[str]:
    return list(get("PATRIKA_COMMENTS_SPAM_CHECKERS"))  # type: ignore[call-overload]


def spam_threshold() -> float:
    return float(get("PATRIKA_COMMENTS_SPAM_THRESHOLD"))  # type: ignore[arg-type]


def auto_approve_max_score() -> float:
    return float(get("PATRIKA_COMMENTS_AUTO_APPROVE_MAX_SCORE"))  # type: ignore[arg-type]


def bayes_min_docs() -> int:
    return int(get("PATRIKA_COMMENTS_BAYES_MIN_DOCS"))  # type: ignore[call-overload]


def notify_authors() -> bool:
    return bool(get("PATRIKA_COMMENTS_NOTIFY_AUTHORS"))


def akismet_key() -> str:
    return str(get("PATRIKA_COMMENTS_AKISMET_KEY"))


def akismet_url() -> str:
    return str(get("PATRIKA_COMMENTS_AKISMET_URL")).rstrip("/")


def pending_cookie_age() -> int:
    return int(get("PATRIKA_COMMENTS_PENDING_COOKIE_AGE"))  # type: ignore[call-overload]
