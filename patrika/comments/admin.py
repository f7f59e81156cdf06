"""The moderation queue: filter, read the score and the checks, then approve / spam / trash in
bulk. Every status change goes through services.comment_moderate, so the classifier learns."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Comment, CommentStatus


class SpamScoreFilter(admin.SimpleListFilter):
    title = _("spam score")
    parameter_name = "score"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("high", _("Likely spam (≥ 0.5)")),
            ("low", _("Likely fine (< 0.5)")),
            ("none", _("Not scored")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Comment]) -> QuerySet[Comment]:
        match self.value():
            case "high":
                return queryset.filter(spam_score__gte=0.5)
            case "low":
                return queryset.filter(spam_score__lt=0.5)
            case "none":
                return queryset.filter(spam_score__isnull=True)
        return queryset


class StatusFilter(admin.SimpleListFilter):
    """The queue opens on what waits for a decision: "pending" unless another status, or
    all of them, is chosen."""

    title = _("status")
    # Django's own name for a status filter: links and bookmarks made before still work.
    parameter_name = "status__exact"
    ALL = "all"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [*CommentStatus.choices, (self.ALL, _("All"))]

    def value(self) -> str:
        return super().value() or CommentStatus.PENDING

    def queryset(self, request: HttpRequest, queryset: QuerySet[Comment]) -> QuerySet[Comment]:
        value = self.value()
        return queryset if value == self.ALL else queryset.filter(status=value)

    def choices(self, changelist: Any) -> Any:
        # Without Django's own "All" (no parameter), which here means "pending".
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


# One click per comment: (status, button label, keyboard key).
DECISIONS = [
    (CommentStatus.APPROVED, _("Approve"), "a"),
    (CommentStatus.SPAM, _("Spam"), "s"),
    (CommentStatus.TRASH, _("Trash"), "t"),
]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = (
        "excerpt",
        "name",
        "story_link",
        "language",
        "status",
        "score",
        "created_at",
        "decide",
    )
    list_display_links = ("excerpt",)
    list_filter = (StatusFilter, SpamScoreFilter, "language", "created_at")
    change_list_template = "comments/admin/change_list.html"
    search_fields = ("name", "email", "body", "ip_address", "=story__id")
    date_hierarchy = "created_at"
    list_per_page = 100
    # Counts next to each filter choice: how many are pending, likely spam, ...
    show_facets = admin.ShowFacets.ALWAYS
    ordering = ("-created_at", "-id")
    actions = ("approve", "mark_spam", "trash", "unapprove")
    raw_id_fields = ("story", "parent")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = (
        "created_at",
        "ip_address",
        "user_agent",
        "spam_score",
        "spam_reason",
        "moderated_at",
        "moderated_by",
        "import_source",
        "public_link",
    )
    fieldsets = (
        (None, {"fields": ("status", "story", "parent", "public_link", "language")}),
        (_("Commenter"), {"fields": ("name", "email", "website")}),
        (None, {"fields": ("body",)}),
        (
            _("Checks"),
            {
                "fields": (
                    "spam_score",
                    "spam_reason",
                    "ip_address",
                    "user_agent",
                    "created_at",
                    "moderated_at",
                    "moderated_by",
                    "import_source",
                )
            },
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Comment]:
        return (
            super()
            .get_queryset(request)
            .select_related("story")
            .prefetch_related("story__translations")
        )

    @admin.display(description=_("comment"))
    def excerpt(self, obj: Comment) -> str:
        text = " ".join(obj.body.split())
        return text[:80] + ("…" if len(text) > 80 else "")

    @admin.display(description=_("story"), ordering="story")
    def story_link(self, obj: Comment) -> str:
        # The story's title filters the queue to its comments.
        changelist = reverse("admin:comments_comment_changelist")
        return format_html(
            '<a href="{}?story__id__exact={}">{}</a>', changelist, obj.story_id, str(obj.story)
        )

    @admin.display(description=_("score"), ordering="spam_score")
    def score(self, obj: Comment) -> str:
        return "–" if obj.spam_score is None else f"{obj.spam_score:.2f}"

    @admin.display(description=_("on the site"))
    def public_link(self, obj: Comment) -> str:
        translations = {t.language: t for t in obj.story.translations.all()}
        translation = translations.get(obj.language) or next(iter(translations.values()), None)
        if translation is None:
            return "–"
        url = f"{translation.get_absolute_url()}#comment-{obj.pk}"
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description=_("decide"))
    def decide(self, obj: Comment) -> str:
        # Buttons of the separate form "comment-decide" (forms cannot nest in the list's).
        return format_html_join(
            " ",
            '<button type="submit" form="comment-decide" name="decision" value="{}:{}"'
            ' class="button decide-{}" data-key="{}" title="{} ({})">{}</button>',
            (
                (obj.pk, status, status, key, label, key, label)
                for status, label, key in DECISIONS
                if status != obj.status
            ),
        )

    def get_list_display(self, request: HttpRequest) -> Any:
        shown = super().get_list_display(request)
        if self.has_moderate_permission(request):
            return shown
        return [name for name in shown if name != "decide"]

    def get_urls(self) -> list[URLPattern]:
        decide = self.admin_site.admin_view(self.decide_view)
        return [path("decide/", decide, name="comments_comment_decide"), *super().get_urls()]

    def decide_view(self, request: HttpRequest) -> HttpResponse:
        """One comment, one decision, back to the same page of the queue."""
        if request.method != "POST" or not self.has_moderate_permission(request):
            raise PermissionDenied
        pk, _sep, status = request.POST.get("decision", "").partition(":")
        if status not in {s for s, _label, _key in DECISIONS} or not pk.isdigit():
            raise PermissionDenied
        comment = get_object_or_404(Comment, pk=int(pk))
        self._moderate(request, Comment.objects.filter(pk=comment.pk), status)
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = reverse("admin:comments_comment_changelist")
        return HttpResponseRedirect(back)

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(f"{self.opts.app_label}.moderate_comment")

    def get_readonly_fields(self, request: HttpRequest, obj: Comment | None = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_moderate_permission(request):
            # The status is the moderation decision: editing a comment is not moderating it.
            fields.append("status")
        return fields

    def _moderate(self, request: HttpRequest, queryset: QuerySet[Comment], status: str) -> None:
        changed = services.comment_moderate(comments=queryset, status=status, by=request.user)
        label = CommentStatus(status).label
        self.message_user(
            request,
            ngettext(
                "%(n)d comment marked %(status)s.", "%(n)d comments marked %(status)s.", changed
            )
            % {"n": changed, "status": label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Approve selected comments"), permissions=["moderate"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.APPROVED)

    @admin.action(description=_("Mark selected comments as spam"), permissions=["moderate"])
    def mark_spam(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.SPAM)

    @admin.action(description=_("Move selected comments to trash"), permissions=["moderate"])
    def trash(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.TRASH)

    @admin.action(description=_("Send selected comments back to pending"), permissions=["moderate"])
    def unapprove(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        self._moderate(request, queryset, CommentStatus.PENDING)

    def save_model(self, request: HttpRequest, obj: Comment, form: Any, change: bool) -> None:
        new_status = obj.status
        if change and "status" in form.changed_data:
            # The edit is saved first; the status change then goes through the service.
            obj.status = form.initial["status"]
            super().save_model(request, obj, form, change)
            services.comment_moderate(comments=[obj], status=new_status, by=request.user)
            self.message_user(request, gettext("Status changed to %s.") % obj.get_status_display())
            return
        super().save_model(request, obj, form, change)
