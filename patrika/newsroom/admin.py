from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import (
    Author,
    Image,
    Section,
    SectionName,
    SourceAttribution,
    Story,
    Tag,
    TagName,
    Translation,
)


class TranslationInline(admin.StackedInline):
    model = Translation
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
class StoryAdmin(admin.ModelAdmin):
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

    @admin.action(description=_("Publish selected stories"))
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for story in queryset:
            services.story_publish(story=story)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%d story published.", "%d stories published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected stories"))
    def unpublish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for story in queryset:
            services.story_unpublish(story=story)


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


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "names__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TagNameInline]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    list_display = ["name", "slug"]


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "width", "height", "credit"]

    def save_model(self, request: HttpRequest, obj: Image, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if "file" in form.changed_data:
            services.image_make_renditions(image=obj)
