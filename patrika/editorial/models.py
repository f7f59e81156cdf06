"""What the desk keeps about a story besides its text: the reviewers' notes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from patrika.newsroom.models import Story


class ReviewComment(models.Model):
    """A note between writer and reviewer about one story: internal, never on a public page
    (public selectors read only newsroom and comments tables)."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="review_comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("review note")
        verbose_name_plural = _("review notes")

    def __str__(self) -> str:
        return self.body[:60]
