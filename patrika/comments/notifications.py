"""Emails to a story's authors about a new comment, sent by the task worker (tasks.py), never
inside the reader's request: a slow or silent mail server holds a worker, not a web page."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils.translation import gettext, override

from .models import AuthorNotification, Comment

log = logging.getLogger(__name__)


class NotificationFailed(ExceptionGroup):
    """Some authors could not be mailed; the failed task result keeps this, with each cause."""


def _message(comment: Comment) -> tuple[str, str]:
    with override(settings.LANGUAGE_CODE):
        title = str(comment.story)
        admin_url = settings.PATRIKA_SITE_URL + reverse(
            "admin:comments_comment_change", args=[comment.pk]
        )
        subject = gettext("New comment on “%(title)s”") % {"title": title}
        body = gettext(
            "%(name)s commented on “%(title)s” (status: %(status)s):\n\n%(body)s\n\n"
            "Moderate: %(url)s\n"
        ) % {
            "name": comment.name,
            "title": title,
            "status": comment.get_status_display(),
            "body": comment.body,
            "url": admin_url,
        }
    return subject, body


def comment_notify_authors(*, comment_id: int) -> int:
    """Email the story's authors (their private addresses) about a comment; returns how many
    were sent now.

    Addresses already mailed about this comment are skipped, so running it again sends only
    what is missing. Raises NotificationFailed when a message could not be handed to the mail
    server (EMAIL_TIMEOUT bounds each wait); the others are still sent and recorded.
    """
    comment = Comment.objects.select_related("story").filter(pk=comment_id).first()
    if comment is None:
        return 0
    addresses = {a.email for a in comment.story.authors.all() if a.email}
    addresses -= set(
        AuthorNotification.objects.filter(comment=comment).values_list("email", flat=True)
    )
    if not addresses:
        return 0
    subject, body = _message(comment)
    failed = f"comment {comment.pk}: {{}} of {len(addresses)} author emails not sent"
    connection = get_connection()
    try:
        # One connection for every author: a silent server costs one timeout, not one each.
        connection.open()
    except Exception as error:
        log.exception("could not reach the mail server about comment %s", comment.pk)
        raise NotificationFailed(failed.format(len(addresses)), [error]) from None
    errors: list[Exception] = []
    try:
        for address in sorted(addresses):
            try:
                EmailMessage(subject, body, to=[address], connection=connection).send()
            except Exception as error:
                log.exception("could not email %s about comment %s", address, comment.pk)
                errors.append(error)
                continue
            AuthorNotification.objects.get_or_create(comment=comment, email=address)
    finally:
        connection.close()
    if errors:
        raise NotificationFailed(failed.format(len(errors)), errors)
    return len(addresses)
