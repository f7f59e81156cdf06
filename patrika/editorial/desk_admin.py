"""The desk on the story admin, kept apart from newsroom/admin.py: who may edit which story
(patrika.editorial.access), the workflow buttons of the story form and the reviewers' notes.
The status is never a form field: it changes only through patrika.editorial.workflow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from patrika import dates
from patrika.newsroom.models import Story
from patrika.newsroom.services import PublishBlocked

from . import revisions, views, workflow
from .access import story_can_edit, story_transitions, user_can_publish
from .diff import diff_html
from .preview import preview_token_make
from .selectors import review_comment_list

BUTTONS = {
    "submit": gettext_lazy("Submit for review"),
    "send_back": gettext_lazy("Send back to the writer"),
    "approve": gettext_lazy("Approve"),
    "publish": gettext_lazy("Publish now"),
    "schedule": gettext_lazy("Schedule…"),
    "unpublish": gettext_lazy("Unpublish"),
    "archive": gettext_lazy("Archive"),
}


def _schedule_time(request: HttpRequest) -> datetime | None:
    """The "go live at" field, in the site's time zone; None when empty or not a time."""
    try:
        when = datetime.fromisoformat(request.POST.get("_schedule_at", ""))
    except ValueError:
        return None
    return timezone.make_aware(when) if timezone.is_naive(when) else when


def _done(request: HttpRequest, name: str, story: Story) -> str:
    """Run one move; the message says what really happened."""
    by = request.user
    note = request.POST.get("_review_note", "")
    moves: dict[str, Callable[[], Any]] = {
        "submit": lambda: workflow.story_submit(story=story, by=by),
        "send_back": lambda: workflow.story_send_back(story=story, by=by, note=note),
        "approve": lambda: workflow.story_approve(story=story, by=by),
        "publish": lambda: workflow.story_publish_now(story=story, by=by),
        "schedule": lambda: workflow.story_schedule(story=story, by=by, at=_schedule_time(request)),
        "unpublish": lambda: workflow.story_unpublish(story=story, by=by),
        "archive": lambda: workflow.story_archive(story=story, by=by),
    }
    moves[name]()
    if name == "schedule":
        return _("Scheduled for %(when)s: it goes live by itself then.") % {
            "when": dates.datetime_text(story.published_at)
        }
    return {
        "submit": _("Submitted for review."),
        "send_back": _("Sent back to the writer as a draft."),
        "approve": _("Approved: ready to publish or schedule."),
        "publish": _("Published: readers see it now."),
        "unpublish": _("Unpublished: back to draft, readers no longer see it."),
        "archive": _("Archived."),
    }[name]


class StoryAccessMixin(admin.ModelAdmin):
    def has_change_permission(self, request: HttpRequest, obj: Story | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or story_can_edit(story=obj, user=request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Story | None = None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or story_can_edit(story=obj, user=request.user)

    def get_readonly_fields(self, request: HttpRequest, obj: Story | None = None) -> list[str]:
        fields = [*super().get_readonly_fields(request, obj), "status"]
        if not user_can_publish(user=request.user):
            fields.append("published_at")
        return fields

    def save_model(self, request: HttpRequest, obj: Story, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self) -> list[URLPattern]:
        preview = self.admin_site.admin_view(self.preview_view)
        name = f"{self.opts.app_label}_{self.opts.model_name}_preview"
        return [
            path(
                "<int:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_revisions",
            ),
            path("<int:object_id>/preview/bilingual/", preview, name=f"{name}_bilingual"),
            path("<int:object_id>/preview/<str:lang>/", preview, name=name),
            *super().get_urls(),
        ]

    def preview_view(
        self, request: HttpRequest, object_id: int, lang: str | None = None
    ) -> HttpResponse:
        if not self.has_view_or_change_permission(request, get_object_or_404(Story, pk=object_id)):
            raise PermissionDenied
        return views.staff_preview(request, story_id=object_id, lang=lang)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        # Every save is a revision of the story with all its translations and sources.
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def revisions_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """Who changed what and when; the word-level diff of any two; restore one."""
        story = get_object_or_404(Story, pk=object_id)
        if not self.has_view_or_change_permission(request, story):
            raise PermissionDenied
        may_restore = self.has_change_permission(request, story)
        history = revisions.story_revisions(story=story)
        by_id = {r.id: r for r in history}
        if request.method == "POST":
            chosen = by_id.get(int(request.POST.get("restore", 0) or 0))
            if chosen is None or not may_restore:
                raise PermissionDenied
            revisions.story_revision_restore(story=story, revision=chosen, by=request.user)
            self.message_user(
                request,
                _("Restored: the story is as it was then, and this is a new revision."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        rows = [
            (r, revisions.revision_changed_fields(revision=r, before=older))
            for r, older in zip(history, [*history[1:], None], strict=False)
        ]
        old = by_id.get(int(request.GET.get("a", 0) or 0))
        new = by_id.get(int(request.GET.get("b", 0) or 0))
        if old is None and new is None and len(history) >= 2:
            new, old = history[0], history[1]
        changes = []
        if old is not None and new is not None:
            for key in sorted(old.texts.keys() | new.texts.keys()):
                before, after = old.texts.get(key, ""), new.texts.get(key, "")
                if before != after:
                    changes.append((key, diff_html(before, after)))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revisions of “%(story)s”") % {"story": story},
            "opts": self.opts,
            "story": story,
            "rows": rows,
            "old": old,
            "new": new,
            "changes": changes,
            "may_restore": may_restore,
        }
        return TemplateResponse(request, "editorial/admin/revisions.html", context)

    def _previews(self, request: HttpRequest, story: Story) -> dict[str, Any]:
        """Links to the story as readers will see it: for staff, and one to share."""
        languages = [t.language for t in story.translations.all()]
        token = preview_token_make(story=story)
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_preview"
        return {
            "staff": [(lang, reverse(name, args=[story.pk, lang])) for lang in languages],
            "staff_bilingual": reverse(f"{name}_bilingual", args=[story.pk]),
            "link": request.build_absolute_uri(
                reverse("preview:link", args=[token, story.original_language])
            ),
        }

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Story | None = None,
    ) -> HttpResponse:
        story = obj if obj is not None and obj.pk else None
        editable = self.has_change_permission(request, obj) if story else True
        moves = story_transitions(story=story, user=request.user) if story else ["submit"]
        context["desk_panel"] = render_to_string(
            "editorial/admin/_desk_panel.html",
            {
                "story": story,
                "notes": review_comment_list(story=story) if story else [],
                "buttons": [(name, BUTTONS[name]) for name in moves] if editable else [],
                "editable": editable,
                "previews": self._previews(request, story) if story else None,
                "revisions_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_revisions",
                    args=[story.pk],
                )
                if story
                else "",
            },
            request=request,
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _after_save(self, request: HttpRequest, story: Story) -> HttpResponse | None:
        move = request.POST.get("_transition")
        note = request.POST.get("_review_note", "").strip()
        if note and move != "send_back":
            workflow.review_comment_add(story=story, by=request.user, body=note)
        if move not in BUTTONS:
            return None
        # Read again: the admin's object carries translations prefetched before the save,
        # and the publish checks must read the text just saved.
        story = Story.objects.get(pk=story.pk)
        try:
            self.message_user(request, _done(request, move, story), messages.SUCCESS)
        except (workflow.TransitionRefused, PublishBlocked) as refused:
            self.message_user(request, str(refused), messages.ERROR)
        return HttpResponseRedirect(request.path.replace("/add/", f"/{story.pk}/change/"))

    def response_change(self, request: HttpRequest, obj: Story) -> HttpResponse:
        return self._after_save(request, obj) or super().response_change(request, obj)

    def response_add(
        self, request: HttpRequest, obj: Story, post_url_continue: str | None = None
    ) -> HttpResponse:
        return self._after_save(request, obj) or super().response_add(
            request, obj, post_url_continue
        )
