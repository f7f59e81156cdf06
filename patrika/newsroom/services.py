"""Writes to the newsroom. Every state change of a story goes through a function here, so that
search indexing, cache invalidation and (later) revisions hook in at one place."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.module_loading import import_string
from PIL import Image as PILImage

from patrika.safe_url import validate_public_url
from patrika.slugs import validate_slug
from patrika.text import MARKUP_SPACE, check_storable, slugify, text_key

from . import images
from .baking import meta_from, story_bake
from .instep import TRACKED_FIELDS, source_of, translation_take_source, translations_keep_in_step
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
    TranslationState,
)
from .signals import stories_changed, stories_written, story_changed, story_deleted

_batch: ContextVar[list[Story] | None] = ContextVar("patrika_story_batch", default=None)
# Names of the files written inside image_files_undone_on_error(), to delete if it fails.
_image_files: ContextVar[list[str] | None] = ContextVar("patrika_image_files", default=None)


def _announce(story: Story) -> None:
    pending = _batch.get()
    if pending is not None:
        pending.append(story)
        return
    stories_written.send(sender=Story, story_ids=[story.pk])
    transaction.on_commit(lambda: story_changed.send(sender=Story, story=story))


@contextmanager
def stories_batched() -> Iterator[None]:
    """Announce every story changed inside the block once, together: `stories_written` at its
    end, in its transaction, and `stories_changed` after commit. Listeners (search) then do one
    batch of work instead of one per story. The block is a transaction of its own, or part of
    the enclosing one. A story whose savepoint rolled back is announced too, and listeners read
    the database, so they see that it is unchanged or gone."""
    pending: list[Story] = []
    token = _batch.set(pending)
    try:
        with transaction.atomic(savepoint=False):
            yield
            unique = list({story.pk: story for story in pending}.values())
            if unique:
                stories_written.send(sender=Story, story_ids=[story.pk for story in unique])
                transaction.on_commit(lambda: stories_changed.send(sender=Story, stories=unique))
    finally:
        _batch.reset(token)


def _status_for_time(status: str, published_at: datetime | None) -> str:
    """A published story with a future time is scheduled, and a scheduled one whose time has
    passed is published: the status then says what readers see."""
    if status in LIVE_STATUSES and published_at is not None:
        future = published_at > timezone.now()
        return StoryStatus.SCHEDULED if future else StoryStatus.PUBLISHED
    return status


@transaction.atomic
def story_touch(*, story: Story) -> None:
    """After an edit made elsewhere (the admin form): settle the status, keep translations in
    step with their source, re-bake, announce."""
    status = _status_for_time(story.status, story.published_at)
    if status != story.status:
        story.status = status
        Story.objects.filter(pk=story.pk).update(status=status)
    # Read afresh: the admin's story may hold translations prefetched before the form saved.
    _keep_in_step(story, list(Translation.objects.filter(story=story)))
    story_bake(story=story)
    _announce(story)


def _keep_in_step(story: Story, translations: list[Translation]) -> None:
    """Save what newsroom.instep finds changed (versions, sources, "needs update" flags)."""
    changed = translations_keep_in_step(story=story, translations=translations, now=timezone.now())
    Translation.objects.bulk_update([t for t in changed if t.pk], TRACKED_FIELDS)


@transaction.atomic
def translation_mark_up_to_date(*, translation: Translation) -> Translation:
    """A person has brought `translation` up to date with its source: record the source's
    current version and text as what it is made from, and make it ready again if it was
    "needs update". The only way a flagged translation becomes ready."""
    story = translation.story
    translations = list(Translation.objects.select_for_update().filter(story=story))
    _keep_in_step(story, translations)
    current = next(t for t in translations if t.pk == translation.pk)
    source = source_of(story, translations)
    if source is not None and current is not source:
        translation_take_source(current, source)
    current.source_changed_at = None
    if current.state == TranslationState.NEEDS_UPDATE:
        current.state = TranslationState.READY
    Translation.objects.bulk_update([current], TRACKED_FIELDS)
    story_bake(story=story)
    _announce(story)
    return current


class PublishBlocked(Exception):
    """A check named in PATRIKA_PUBLISH_CHECKS (the linter's errors) refused publication."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__("; ".join(reasons))


def _publish_blockers(story: Story) -> list[str]:
    return [
        reason
        for path in settings.PATRIKA_PUBLISH_CHECKS
        for reason in import_string(path)(story=story)
    ]


@transaction.atomic
def story_publish(*, story: Story, at: datetime | None = None) -> Story:
    """Publish now, or schedule for `at` (a future time makes it go live by itself then).
    Raises PublishBlocked when a publish check refuses."""
    if reasons := _publish_blockers(story):
        raise PublishBlocked(reasons)
    when = at or story.published_at or timezone.now()
    story.published_at = when
    story.status = _status_for_time(StoryStatus.PUBLISHED, when)
    story.save(update_fields=["status", "published_at", "updated_at"])
    _announce(story)
    return story


@transaction.atomic
def story_status_set(*, story: Story, status: str) -> Story:
    """A move on the desk that does not change what readers see (draft, in review, approved,
    archived); publishing and unpublishing have their own functions above and below."""
    if status in LIVE_STATUSES:
        raise ValueError("use story_publish")
    story.status = status
    story.save(update_fields=["status", "updated_at"])
    _announce(story)
    return story


@transaction.atomic
def story_unpublish(*, story: Story) -> Story:
    story.status = StoryStatus.DRAFT
    story.save(update_fields=["status", "updated_at"])
    _announce(story)
    return story


@transaction.atomic
def story_delete(*, story: Story) -> None:
    story_id = story.pk
    story.delete()
    stories_written.send(sender=Story, story_ids=[story_id])
    transaction.on_commit(lambda: story_deleted.send(sender=Story, story_id=story_id))


def _free_slug(taken: QuerySet, text: str, *, fallback: str) -> str:
    """`text` as a slug, with -2, -3, … added until no row of `taken` has it."""
    slug = base = slugify(text) or fallback
    n = 1
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def tag_slug_free(*, name: str, exclude_pk: int | None = None) -> str:
    """The slug for a tag called `name`, unique among the other tags."""
    others = Tag.objects.all() if exclude_pk is None else Tag.objects.exclude(pk=exclude_pk)
    return _free_slug(others, name.strip(MARKUP_SPACE), fallback="tag")


Named = TypeVar("Named", Tag, Author)


def _named(rows: QuerySet[Named], name: str) -> Named | None:
    """The row whose name is `name` as written or as compared (`text_key`: composed or not,
    joiners, case). Rows named alike share a slug base, so only those few are compared; a
    case-only match (its slug edited by hand) is the last resort."""
    exact = rows.filter(name=name).first()
    if exact is not None:
        return exact
    key, base = text_key(name), slugify(name)
    candidates = rows.filter(name__iexact=name)
    if base:
        candidates = rows.filter(slug=base) | rows.filter(slug__startswith=f"{base}-")
    found = next((row for row in candidates if text_key(row.name) == key), None)
    if found is None and base:
        found = next((r for r in rows.filter(name__iexact=name) if text_key(r.name) == key), None)
    return found


@dataclass
class TagData:
    """A tag with its names in other languages ({"hi": "मानसून"} for Monsoon)."""

    name: str
    names: dict[str, str] = field(default_factory=dict)


def tag_get_or_create(*, name: str, names: Mapping[str, str] | None = None) -> Tag:
    """The tag named `name` (compared by `text_key`; in any language: "मानसून" finds Monsoon
    by its Hindi name), or a new one named exactly so; `names` adds or corrects its names per
    language."""
    name = name.strip(MARKUP_SPACE)
    check_storable(name, field=str(Tag._meta.verbose_name))  # before it is looked up
    tag = _named(Tag.objects.all(), name) or Tag.objects.filter(names__name=name).first()
    tag = tag or Tag.objects.create(
        name=name, slug=_free_slug(Tag.objects.all(), name, fallback="tag")
    )
    if names:
        tag_names_set(tag=tag, names=names)
    return tag


def tag_names_set(*, tag: Tag, names: Mapping[str, str]) -> Tag:
    """Give `tag` these names per language (others it has are kept). A name that is the tag's
    own is not stored: pages fall back to it anyway."""
    current = {n.language: n for n in tag.names.all()}
    for language, raw in names.items():
        name = raw.strip(MARKUP_SPACE)
        check_storable(name, field=str(TagName._meta.verbose_name))
        existing = current.get(language)
        if not name or (text_key(name) == text_key(tag.name) and existing is None):
            continue
        if existing is None:
            TagName.objects.create(tag=tag, language=language, name=name)
        elif existing.name != name:
            # Saving re-bakes every story with the tag: only when the name really changed.
            existing.name = name
            existing.save()
    return tag


def author_get_or_create(*, name: str) -> Author:
    name = name.strip(MARKUP_SPACE)
    check_storable(name, field=str(Author._meta.verbose_name))  # before it is looked up
    author = _named(Author.objects.all(), name)
    return author or Author.objects.create(
        name=name, slug=_free_slug(Author.objects.all(), name, fallback="author")
    )


def section_get_or_create(*, slug: str, names: Mapping[str, str]) -> Section:
    validate_slug(slug)
    section, _created = Section.objects.get_or_create(slug=slug)
    current = {n.language: n for n in section.names.all()}
    for language, name in names.items():
        existing = current.get(language)
        if existing is None:
            SectionName.objects.create(section=section, language=language, name=name)
        elif existing.name != name:
            # Saving re-bakes every story of the section: only when the name really changed.
            existing.name = name
            existing.save()
    return section


def unique_translation_slug(*, language: str, title: str, exclude_pk: int | None = None) -> str:
    others = Translation.objects.filter(language=language)
    if exclude_pk:
        others = others.exclude(pk=exclude_pk)
    return _free_slug(others, title, fallback="story")


@dataclass
class TranslationData:
    language: str
    title: str
    body: str = ""
    summary: str = ""
    seo_description: str = ""
    image_alt: str = ""
    image_caption: str = ""
    slug: str = ""
    state: str = TranslationState.READY


@dataclass
class SourceData:
    title: str
    publisher: str = ""
    url: str = ""


@dataclass
class StoryData:
    translations: list[TranslationData]
    original_language: str = "en"
    status: str = StoryStatus.DRAFT
    published_at: datetime | None = None
    section: Section | None = None
    tags: list[str | TagData] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    sources: list[SourceData] = field(default_factory=list)
    featured_image: Image | None = None
    comments_open: bool = True
    import_source: str = ""


@transaction.atomic
def story_save(*, data: StoryData, story: Story | None = None) -> Story:
    """Create a story (or replace the content of `story`) with its translations, all or nothing.

    A slug given in `data` must pass `validate_slug` (ValidationError otherwise); an empty one
    is made from the title. A source URL that is not public (patrika.safe_url) raises
    ValidationError too: bulk writes skip model validation, so the checks are here, before
    anything is written."""
    for item in data.translations:
        if item.slug:
            validate_slug(item.slug)
    for source in data.sources:
        if source.url:
            validate_public_url(source.url)
    story = story or Story()
    story.original_language = data.original_language
    story.status = _status_for_time(data.status, data.published_at)
    story.published_at = data.published_at
    story.section = data.section
    story.featured_image = data.featured_image
    story.comments_open = data.comments_open
    story.import_source = data.import_source
    is_new = story.pk is None
    story.save()

    # A new story has no rows to read back or clear (imports create thousands).
    existing = {} if is_new else {t.language: t for t in story.translations.all()}
    saved: list[Translation] = []
    for item in data.translations:
        translation = existing.pop(item.language, None) or Translation(
            story=story, language=item.language
        )
        translation.title = item.title
        translation.body = item.body
        translation.summary = item.summary
        translation.seo_description = item.seo_description
        translation.image_alt = item.image_alt
        translation.image_caption = item.image_caption
        translation.state = item.state
        translation.slug = item.slug or (
            translation.slug
            if translation.pk and translation.title == item.title
            else unique_translation_slug(
                language=item.language, title=item.title, exclude_pk=translation.pk
            )
        )
        saved.append(translation)
    for stale in existing.values():
        stale.delete()
    # Versions and "needs update" flags are set before saving: no second write per story.
    translations_keep_in_step(story=story, translations=saved, now=timezone.now())
    for translation in saved:
        translation.save()

    found = [
        tag_get_or_create(name=t) if isinstance(t, str) else tag_get_or_create(**vars(t))
        for t in data.tags
    ]
    # Two names of one tag ("Monsoon", "मानसून") tag the story once.
    tags = list({tag.pk: tag for tag in found}.values())
    prefetch_related_objects(tags, "names")
    authors = [author_get_or_create(name=name) for name in data.authors]
    if is_new:
        story.tags.add(*tags)
        story.authors.add(*authors)
    else:
        story.tags.set(tags)
        story.authors.set(authors)
        story.sources.all().delete()
    unsaved = [
        SourceAttribution(story=story, title=s.title, publisher=s.publisher, url=s.url, position=i)
        for i, s in enumerate(data.sources)
    ]
    for row in unsaved:
        row.check_storable()  # bulk_create does not call save()
    sources = SourceAttribution.objects.bulk_create(unsaved)
    # Baked from what was just written, without reading it back (imports save thousands).
    meta = meta_from(
        story,
        section_names=list(story.section.names.all()) if story.section else [],
        tags=tags,
        authors=authors,
        sources=sources,
        translations=saved,
    )
    Story.objects.filter(pk=story.pk).update(meta=meta)
    story.meta = meta
    _announce(story)
    return story


@contextmanager
def image_files_undone_on_error() -> Iterator[None]:
    """Files the image services write inside the block are deleted if the block raises: the
    rows naming them are rolled back with it, and a file no row names stays in media/ for good.
    (The importers wrap each item in this.)"""
    written: list[str] = []
    token = _image_files.set(written)
    try:
        yield
    except BaseException:
        _files_delete(written)
        raise
    finally:
        _image_files.reset(token)


def _files_delete(names: Iterable[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _files_written(*names: str) -> None:
    written = _image_files.get()
    if written is not None:
        written.extend(names)


def image_make_renditions(*, image: Image, widths: Iterable[int] | None = None) -> Image:
    """Write WebP renditions no wider than the original, for srcset. The picture's size is
    checked from its header before anything is decoded (ImageRefused); on any failure the
    renditions written so far are removed."""
    widths = sorted(widths or settings.PATRIKA_IMAGE_RENDITION_WIDTHS)
    with image.file.open("rb") as file:
        width, height = images.image_size(file)
        source = images.image_decode(file, width=min(widths[-1], width))
    stem = Path(image.file.name or "image").with_suffix("")
    renditions: dict[str, str] = {}
    try:
        for wanted in widths:
            if wanted >= width and renditions:
                break
            target = min(wanted, width)
            size = (target, max(1, round(height * target / width)))
            buffer = io.BytesIO()
            source.resize(size, PILImage.Resampling.LANCZOS).save(buffer, "WEBP", quality=80)
            name = default_storage.save(f"{stem}-{target}.webp", ContentFile(buffer.getvalue()))
            renditions[str(target)] = name
    except BaseException:
        _files_delete(renditions.values())
        raise
    _files_written(*renditions.values())
    image.renditions = renditions
    image.width, image.height = width, height
    image.save(update_fields=["renditions", "width", "height"])
    return image


def image_save_file(*, image: Image, file: File, filename: str) -> Image:
    """Store `file` as the picture of `image` (new or existing) and make its renditions.

    A picture that is no picture or has too many pixels is refused (ImageRefused) before
    anything is written; if anything fails later, the files are removed and the row is as it
    was."""
    images.image_size(file)
    image.file.save(filename, file, save=False)
    written = image.file.name or ""
    _files_written(written)
    try:
        with transaction.atomic():
            image.save()
            return image_make_renditions(image=image)
    except BaseException:
        default_storage.delete(written)
        raise


def image_create(*, content: bytes, filename: str, credit: str = "") -> Image:
    return image_save_file(image=Image(credit=credit), file=ContentFile(content), filename=filename)
