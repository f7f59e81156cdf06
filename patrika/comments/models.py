"""Reader comments. The email address is private: it is stored for moderation and never shown."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from patrika import languages
from patrika.newsroom.models import Story
from patrika.safe_url import PublicURLField

WEBSITE_MAX_LENGTH = 300


class CommentStatus(models.TextChoices):
    # Stored as these plain words so a shell or SQL reads them as they are.
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    SPAM = "spam", _("Spam")
    TRASH = "trash", _("Trash")


class Comment(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="comments")
    # SET_NULL, not CASCADE: removing one comment must never take other people's replies
    # with it (the selectors show an orphaned reply at the top level).
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    language = models.CharField(_("language"), max_length=12, choices=languages.choices)
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    website = PublicURLField(_("website"), max_length=WEBSITE_MAX_LENGTH, blank=True)
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    spam_score = models.FloatField(_("spam score"), null=True, blank=True)
    # Where an importer brought this comment from, so a re-import updates it.
    import_source = models.CharField(max_length=300, blank=True, db_index=True)

    # Added by 0002. The form's one-time key: sending the same form twice (a double click,
    # a retried request) finds the first comment instead of making a second one.
    submission_key = models.CharField(max_length=64, blank=True, editable=False)
    # What the classifier last learnt from this comment ("spam", "ham" or ""), so a
    # moderator changing their mind moves the counts instead of adding to them.
    spam_trained = models.CharField(max_length=4, blank=True, editable=False)
    spam_reason = models.CharField(_("spam checks"), max_length=300, blank=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        # Names stay English in the database, as Django's own "Can change comment" do.
        permissions = [("moderate_comment", "Can moderate comments")]
        indexes = [
            models.Index(fields=["story", "status", "created_at"]),
            models.Index(fields=["email"], name="comments_email_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["submission_key"],
                condition=~Q(submission_key=""),
                name="comments_unique_submission_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.body[:40]}"

    @property
    def is_approved(self) -> bool:
        return self.status == CommentStatus.APPROVED

    @property
    def is_pending(self) -> bool:
        return self.status == CommentStatus.PENDING


class SpamToken(models.Model):
    """Token counts of the naive Bayes classifier, per language.

    The row with an empty token counts documents: how many spam and ham comments were learnt.
    """

    language = models.CharField(max_length=12)
    token = models.CharField(max_length=64, blank=True)
    spam_count = models.PositiveIntegerField(default=0)
    ham_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "token"], name="spam_token_per_lang")
        ]
        verbose_name = _("spam token")
        verbose_name_plural = _("spam tokens")

    def __str__(self) -> str:
        return f"{self.language}:{self.token} ({self.spam_count}/{self.ham_count})"


class AuthorNotification(models.Model):
    """An email about a comment that the mail server accepted for one author's address.

    Written right after each send, so the notification task, run again after a failure or a
    crash, mails only the addresses that are still missing.
    """

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(max_length=254)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "email"], name="comments_one_notification_per_address"
            )
        ]
        verbose_name = _("author notification")
        verbose_name_plural = _("author notifications")

    def __str__(self) -> str:
        return f"{self.comment_id} → {self.email}"
