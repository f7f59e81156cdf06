"""Translations kept in step, in the story admin: a column in the list, a notice with the
source's changes on the change form, and the button a person presses to mark a translation up
to date (it saves the form too). Kept apart from admin.py; reads go through selectors and the
one write through services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from . import selectors, services
from .models import Story, TranslationState

MARK = "_mark_up_to_date"


def _name(code: str) -> str:
    return get_language_info(code)["name_translated"]


class InStepAdminMixin(admin.ModelAdmin):
    change_form_template = "newsroom/admin/story_change_form.html"

    class Media:
        css = {"all": ["newsroom/instep.css"]}

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        return [*super().get_list_display(request), "in_step"]

    def get_list_filter(self, request: HttpRequest) -> list[Any]:
        return [*super().get_list_filter(request), "translations__state"]

    @admin.display(description=gettext_lazy("translations in step"))
    def in_step(self, story: Story) -> SafeString | str:
        # Reads the translations the list already prefetched.
        behind = [t for t in story.translations.all() if t.state == TranslationState.NEEDS_UPDATE]
        if not behind:
            return "✓"
        return format_html_join(
            ", ",
            '<span class="instep-needs-update">{}: {}</span>',
            ((t.language, TranslationState.NEEDS_UPDATE.label) for t in behind),
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
            context["instep_panel"] = render_to_string(
                "newsroom/admin/_instep_panel.html",
                {"behind": selectors.story_translations_behind(story=obj), "mark": MARK},
                request=request,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        language = request.POST.get(MARK)
        translation = form.instance.translations.filter(language=language).first()
        if language and translation is not None:
            services.translation_mark_up_to_date(translation=translation)

    def response_change(self, request: HttpRequest, obj: Story) -> HttpResponse:
        for translation in obj.translations.filter(state=TranslationState.NEEDS_UPDATE):
            self.message_user(
                request,
                _("The %(language)s translation needs update: its source text has changed.")
                % {"language": _name(translation.language)},
                messages.WARNING,
            )
        language = request.POST.get(MARK)
        if language and obj.translations.filter(language=language).exists():
            self.message_user(
                request,
                _("The %(language)s translation is marked up to date with its source.")
                % {"language": _name(language)},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
