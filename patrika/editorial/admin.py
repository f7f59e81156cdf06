"""The linter in the story admin, kept apart from newsroom/admin.py: a mixin for StoryAdmin
(a panel of findings on the change form, a count column in the list) and the translation
formset that refuses to publish a story with "error" findings when PATRIKA_LINT_BLOCK_PUBLISH
is on. Both only call selectors."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from patrika.newsroom.models import LIVE_STATUSES, Story

from .lint import ERROR, WARNING
from .lint.documents import document_from_story, text_from_fields
from .selectors import describe, document_publish_blockers, story_lint


class LintAdminMixin(admin.ModelAdmin):
    change_form_template = "editorial/admin/story_change_form.html"

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        return [*super().get_list_display(request), "lint_summary"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The column lints every listed story: read their sources in one more query.
        return super().get_queryset(request).prefetch_related("sources")

    @admin.display(description=_("linter"))
    def lint_summary(self, story: Story) -> SafeString | str:
        findings = story_lint(story=story)
        errors = sum(1 for f in findings if f.level == ERROR)
        warnings = sum(1 for f in findings if f.level == WARNING)
        if not errors and not warnings:
            return "✓"
        return format_html(
            '<span class="lint-count{}">{}</span>',
            " lint-errors" if errors else "",
            ", ".join(
                part
                for part in (
                    ngettext("%d error", "%d errors", errors) % errors if errors else "",
                    ngettext("%d warning", "%d warnings", warnings) % warnings if warnings else "",
                )
                if part
            ),
        )

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Story | None = None,
    ) -> HttpResponse:
        if obj is not None and obj.pk:
            context["lint_panel"] = render_to_string(
                "editorial/admin/_lint_panel.html",
                {"findings": story_lint(story=obj)},
                request=request,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)


class PublishCheckedTranslationFormSet(BaseInlineFormSet):
    """The story form's translations: with PATRIKA_LINT_BLOCK_PUBLISH on, a story whose text
    has "error" findings cannot be saved as published or scheduled."""

    def clean(self) -> None:
        super().clean()
        story = self.instance
        if story.status not in LIVE_STATUSES or any(self.errors):
            return
        texts = [
            text_from_fields(form.cleaned_data)
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        document = document_from_story(story, translations=texts)
        blockers = document_publish_blockers(document=document)
        if blockers:
            raise ValidationError(
                [_("Not published: the linter found errors.")] + [describe(f) for f in blockers]
            )
