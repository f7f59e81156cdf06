"""The content model: a Story with one Translation per language.

Status lives on the Story (one editorial life); each Translation has its own state, so a
story can be live in one language while the other is still being written.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from patrika import languages
from patrika.safe_url import PublicURLField
from patrika.slugs import SlugField
from patrika.text import slugify

from .markdown import render_markdown
from .storable import StorableText


def _language_choices() -> list[tuple[str, str]]:
    return languages.choices()


class Section(models.Model):
    slug = SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.slug

    def name_for(self, language: str) -> str:
        # Uses the prefetched names; falls back to the slug rather than querying again.
        names = {n.language: n.name for n in self.names.all()}
        return names.get(language) or next(iter(names.values()), self.slug)


class SectionName(StorableText):
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=12, choices=_language_choices)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["section", "language"], name="section_name_per_lang")
        ]
        verbose_name = _("section name")
        verbose_name_plural = _("section names")

    def __str__(self) -> str:
        return self.name


class Tag(StorableText):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def name_for(self, language: str) -> str:
        # Uses the prefetched names; the tag's own name where it has none in `language`.
        names = {n.language: n.name for n in self.names.all()}
        return names.get(language) or self.name


class TagName(StorableText):
    """A tag's name in one language ("मानसून" for Monsoon on Hindi pages)."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=12, choices=_language_choices)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "language"], name="tag_name_per_lang")
        ]
        verbose_name = _("tag name")
        verbose_name_plural = _("tag names")

    def __str__(self) -> str:
        return self.name


class Author(StorableText):
    name = models.CharField(_("name"), max_length=120)
    slug = SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    bio = models.TextField(_("bio"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Private: for comment notifications only.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


def _image_path(instance: Image, filename: str) -> str:
    return f"images/{timezone.now():%Y/%m}/{filename}"


class Image(StorableText):
    file = models.ImageField(
        _("file"), upload_to=_image_path, width_field="width", height_field="height", blank=True
    )
    # Where the picture came from (an imported site's URL) when no local file was copied.
    source_url = PublicURLField(_("source URL"), max_length=500, blank=True)
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    # {"480": "images/.../name-480.webp", ...}, written by services.image_make_renditions.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.file.name or self.source_url

    @property
    def url(self) -> str:
        return self.file.url if self.file else self.source_url


class StoryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


# Scheduled stories go live by themselves when their time comes: no cron job, the
# selectors compare published_at with the clock.
LIVE_STATUSES = (StoryStatus.PUBLISHED, StoryStatus.SCHEDULED)


class StoryQuerySet(models.QuerySet):
    def live(self) -> StoryQuerySet:
        return self.filter(status__in=LIVE_STATUSES, published_at__lte=Now())


class Story(models.Model):
    status = models.CharField(
        _("status"), max_length=12, choices=StoryStatus.choices, default=StoryStatus.DRAFT
    )
    original_language = models.CharField(
        _("original language"), max_length=12, choices=_language_choices, default="en"
    )
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="stories"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="stories")
    authors = models.ManyToManyField(Author, blank=True, related_name="stories")
    featured_image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    comments_open = models.BooleanField(_("comments open"), default=True)
    # Whose story it is: a contributor may edit only their own drafts.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Where an importer brought this story from: lets a re-import update instead of duplicate.
    import_source = models.CharField(max_length=300, blank=True, db_index=True)
    # What public pages show of the story's relations (section names, tags, authors, sources,
    # image, ready translations), baked by newsroom.baking whenever one of them changes, so a
    # page or listing reads a story in one query instead of six.
    meta = models.JSONField(default=dict, blank=True, editable=False)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        # Names stay English in the database, as Django's own "Can change story" do.
        permissions = [("publish_story", "Can publish stories")]
        # No (status, published_at) index: with it SQLite filters by status and then sorts
        # every live story to find the newest few; published_at's own index reads them in order.

    def __str__(self) -> str:
        first = next(iter(self.translations.all()), None)
        return first.title if first else f"Story {self.pk}"

    @property
    def is_live(self) -> bool:
        return (
            self.status in LIVE_STATUSES
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class TranslationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NEEDS_UPDATE = "needs_update", _("Needs update")
    READY = "ready", _("Ready")


class TranslationQuerySet(models.QuerySet):
    def public(self) -> TranslationQuerySet:
        """What readers may see of a live story: ready translations, and ready ones whose source
        has changed since ("needs update" with `source_changed_at`), so that a published
        address stays up. One never ready stays hidden."""
        return self.filter(
            Q(state=TranslationState.READY)
            | Q(state=TranslationState.NEEDS_UPDATE, source_changed_at__isnull=False)
        )


class Translation(StorableText):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=12, choices=_language_choices)
    state = models.CharField(
        _("state"), max_length=14, choices=TranslationState.choices, default=TranslationState.READY
    )
    title = models.CharField(_("title"), max_length=300)
    slug = SlugField(_("slug"), max_length=160, allow_unicode=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)
    body_html = models.TextField(editable=False, blank=True)
    seo_description = models.CharField(_("SEO description"), max_length=300, blank=True)
    image_alt = models.CharField(_("image alt text"), max_length=300, blank=True)
    image_caption = models.CharField(_("image caption"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept in step by newsroom.instep (through the services): the version of this text, bumped
    # whenever title, summary or body change (`text_digest` tells), and what the translation was
    # made from — the source translation's language, its version then and its text then, for
    # the diff — plus when that source changed after it (the translation is then behind).
    text_version = models.PositiveIntegerField(default=1, editable=False)
    text_digest = models.CharField(max_length=64, blank=True, editable=False)
    source_language = models.CharField(max_length=12, blank=True, editable=False)
    source_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    source_text = models.JSONField(default=dict, blank=True, editable=False)
    source_changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = TranslationQuerySet.as_manager()

    class Meta:
        ordering = ["story", "language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(fields=["story", "language"], name="one_translation_per_lang"),
            models.UniqueConstraint(fields=["language", "slug"], name="unique_slug_per_lang"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        # Text is stored as written (search, slugs and comparisons normalise for themselves);
        # the HTML is rendered here, once, so no request ever renders Markdown.
        self.check_storable()  # before rendering: the sanitiser cannot read a lone surrogate
        if not self.slug:
            self.slug = slugify(self.title) or f"story-{self.story_id}"
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return _story_url_prefix(self.language) + quote(self.slug) + "/"

    def get_bilingual_url(self) -> str:
        return self.get_absolute_url() + "bilingual/"

    @property
    def language_info(self) -> languages.Language:
        return languages.get(self.language)

    @property
    def description(self) -> str:
        return self.seo_description or self.summary

    @property
    def is_public(self) -> bool:
        """Shown to readers when its story is live (the same test as `.public()`)."""
        return self.state == TranslationState.READY or (
            self.state == TranslationState.NEEDS_UPDATE and self.source_changed_at is not None
        )


@cache
def _story_url_prefix(language: str) -> str:
    # reverse() per link was a measurable share of listing pages; the prefix never changes.
    with override(language):
        return reverse("public:story", kwargs={"slug": "x"})[: -len("x/")]


class SourceAttribution(StorableText):
    """What a story is based on: the "… – The Times of India" line of a typical page."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = PublicURLField(_("URL"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return f"{self.title} – {self.publisher}" if self.publisher else self.title
