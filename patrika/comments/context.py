"""Template context for the comments block under a story (a story context provider)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from patrika.converters import parse_id
from patrika.newsroom.models import Story, Translation

from . import selectors
from .cookies import own_comment_ids
from .forms import CommentForm

# The comment view re-renders the story page with the reader's bound form; it hands the form
# over on the request, since the story view builds the rest of the context.
FORM_ATTR = "_patrika_comment_form"


def _reply_to_id(request: HttpRequest, form: CommentForm | None) -> int | None:
    raw = form.data.get("parent") if form is not None and form.is_bound else None
    raw = raw or request.GET.get("reply_to")
    return parse_id(raw) if raw else None


def story_comments_context(
    request: HttpRequest, *, story: Story, translation: Translation
) -> dict[str, Any]:
    comments_open = selectors.comments_are_open(story=story)
    thread = selectors.comment_thread(
        story=story, own_ids=own_comment_ids(request), replies_open=comments_open
    )
    form: CommentForm | None = getattr(request, FORM_ATTR, None)
    reply_to = None
    if comments_open or form is not None:
        reply_id = _reply_to_id(request, form)
        parent = (
            selectors.comment_get_public(story=story, comment_id=reply_id) if reply_id else None
        )
        if parent is not None:
            reply_to = {"id": parent.pk, "name": parent.name}
        if form is None:
            form = CommentForm(
                story=story,
                language=translation.language,
                initial={"parent": parent.pk if parent else None},
            )
    return {
        "comment_count": thread.approved_count,
        "comment_thread": thread.roots,
        "comment_own_pending": thread.own_pending,
        "comments_open": comments_open,
        "comment_form": form,
        "comment_reply_to": reply_to,
        "comment_post_url": reverse("comments:post"),
        # Absolute: the page may be the refused form's re-render, at the POST endpoint's URL.
        "comment_story_url": translation.get_absolute_url(),
        "comment_feed_url": reverse("comments:story_feed", kwargs={"story_id": story.pk}),
    }
