from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from patrika.editorial.admin import LintAdminMixin, PublishCheckedTranslationFormSet
from patrika.editorial.desk_admin import StoryAccessMixin

from . import services
from .admin_instep import InStepAdminMixin
from .forms import PictureField
from .models import (
    LIVE_STATUSES,
    Author,
    Image,
    Section,
    SectionName,
    SourceAttribution,
    Story,
    StoryStatus,
    Tag,
    TagName,
    Translation,
)


class TranslationInline(admin.StackedInline):
    model = Translation
    formset = PublishCheckedTranslationFormSet
    extra = 0
    min_num = 1
    fields = [
        ("language", "state"),
        "title",
        "slug",
        "summary",
        "body",
        "seo_description",
        ("image_alt", "image_caption"),
    ]


class SourceInline(admin.TabularInline):
    model = SourceAttribution
    extra = 0
    fields = ["title", "publisher", "url", "position"]


class LanguageFilter(admin.SimpleListFilter):
    title = _("language")
    parameter_name = "language"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        from patrika import languages

        return languages.choices()

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value():
            return queryset.filter(translations__language=self.value())
        return queryset


@admin.register(Story)
class StoryAdmin(StoryAccessMixin, InStepAdminMixin, LintAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "status", "section", "published_at", "languages"]
    list_filter = ["status", "section", LanguageFilter, "published_at"]
    search_fields = ["translations__title", "translations__summary", "tags__name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["tags", "authors"]
    raw_id_fields = ["featured_image"]
    inlines = [TranslationInline, SourceInline]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["status", "published_at", "original_language", "section"]}),
        (_("Classification"), {"fields": ["tags", "authors"]}),
        (_("Media and comments"), {"fields": ["featured_image", "comments_open"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("translations").distinct()

    @admin.display(description=_("languages"))
    def languages(self, story: Story) -> str:
        return ", ".join(t.language for t in story.translations.all())

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.story_touch(story=form.instance)

    def delete_model(self, request: HttpRequest, obj: Story) -> None:
        services.story_delete(story=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for story in queryset:
            services.story_delete(story=story)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(f"{self.opts.app_label}.publish_story")

    @admin.action(description=_("Publish selected stories"), permissions=["publish"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        published = scheduled = 0
        for story in queryset:
            try:
                services.story_publish(story=story)
            except services.PublishBlocked as blocked:
                self.message_user(request, f"{story}: {blocked}", messages.ERROR)
                continue
            if story.status == StoryStatus.SCHEDULED:
                scheduled += 1
            else:
                published += 1
        # A story with a future time is scheduled, not published: say which happened.
        if published:
            self.message_user(
                request,
                ngettext("%d story published.", "%d stories published.", published) % published,
                messages.SUCCESS,
            )
        if scheduled:
            self.message_user(
                request,
                ngettext(
                    "%d story scheduled: it goes live by itself at its time.",
                    "%d stories scheduled: each goes live by itself at its time.",
                    scheduled,
                )
                % scheduled,
                messages.SUCCESS,
            )

    @admin.action(description=_("Unpublish selected stories"), permissions=["publish"])
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = 0
        for story in queryset.filter(status__in=LIVE_STATUSES):
            services.story_unpublish(story=story)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%d story unpublished: back to draft.",
                "%d stories unpublished: back to draft.",
                count,
            )
            % count,
            messages.SUCCESS if count else messages.WARNING,
        )


class SectionNameInline(admin.TabularInline):
    model = SectionName
    extra = 0


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["slug", "position"]
    inlines = [SectionNameInline]


class TagNameInline(admin.TabularInline):
    model = TagName
    extra = 0


class TagForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "slug"]
        help_texts = {"slug": _("Leave empty: it is made from the name, matras and all.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:  # not when the form is read-only (view permission only)
            self.fields["slug"].required = False


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    # No prepopulated_fields: Django's JavaScript slug drops vowel signs ("मोदी" → "मद");
    # the server makes it with patrika.text.slugify instead.
    form = TagForm
    list_display = ["name", "slug"]
    search_fields = ["name", "names__name"]
    inlines = [TagNameInline]

    def save_model(
        self, request: HttpRequest, obj: Tag, form: forms.ModelForm, change: bool
    ) -> None:
        if not obj.slug:
            obj.slug = services.tag_slug_free(name=obj.name, exclude_pk=obj.pk)
        super().save_model(request, obj, form, change)


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    list_display = ["name", "slug"]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "width", "height", "credit"]
    formfield_overrides = {models.ImageField: {"form_class": PictureField}}

    def save_model(self, request: HttpRequest, obj: Image, form, change: bool) -> None:
        upload = form.cleaned_data.get("file")
        if "file" in form.changed_data and upload:
            services.image_save_file(image=obj, file=upload, filename=upload.name)
        else:
            super().save_model(request, obj, form, change)
