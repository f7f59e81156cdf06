"""The reader's own pending comments, remembered in a signed cookie (no session, no account).

Only ids go in; the signature stops anyone from listing other people's pending comments.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from . import conf

COOKIE_NAME = "patrika_own_comments"
_SALT = "patrika.comments.own"
_KEEP = 20


def own_comment_ids(request: HttpRequest) -> list[int]:
    """The ids in the cookie; an absent, tampered or expired cookie is simply no ids."""
    value = request.get_signed_cookie(
        COOKIE_NAME, default="", salt=_SALT, max_age=conf.pending_cookie_age()
    )
    ids = []
    # Dots, not commas: a comma would make the cookie value need quoting.
    for part in (value or "").split("."):
        if part.isdigit() and len(part) < 19:
            ids.append(int(part))
    return ids[-_KEEP:]


def remember_own_comment(request: HttpRequest, response: HttpResponse, *, comment_id: int) -> None:
    ids = [i for i in own_comment_ids(request) if i != comment_id] + [comment_id]
    response.set_signed_cookie(
        COOKIE_NAME,
        ".".join(map(str, ids[-_KEEP:])),
        salt=_SALT,
        max_age=conf.pending_cookie_age(),
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
