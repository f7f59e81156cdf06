import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage

from patrika.newsroom import services
from patrika.newsroom.images import ImageTooLarge, ImageUnreadable
from patrika.newsroom.models import Image, Section, Story, StoryStatus
from patrika.newsroom.services import SourceData
from patrika.newsroom.signals import story_changed
from patrika.newsroom.tests.factories import make_story, media_files, png_of_one_colour
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def test_publish_in_future_schedules(django_capture_on_commit_callbacks) -> None:
    story = make_story(status=StoryStatus.DRAFT)
    later = timezone.now() + timezone.timedelta(days=1)
    services.story_publish(story=story, at=later)
    story.refresh_from_db()
    assert story.status == StoryStatus.SCHEDULED
    services.story_publish(story=story, at=timezone.now() - timezone.timedelta(minutes=1))
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED


def test_state_changes_announce_once_after_commit(django_capture_on_commit_callbacks) -> None:
    seen: list[int] = []

    def receiver(sender, story, **kwargs) -> None:
        seen.append(story.pk)

    story_changed.connect(receiver)
    try:
        story = make_story(status=StoryStatus.DRAFT)
        with django_capture_on_commit_callbacks(execute=True):
            services.story_publish(story=story)
        with django_capture_on_commit_callbacks(execute=True):
            services.story_unpublish(story=story)
    finally:
        story_changed.disconnect(receiver)
    assert seen == [story.pk, story.pk]


def test_story_save_updates_in_place_without_duplicates() -> None:
    story = make_story(en="First title", tags=["Politics"])
    data = services.StoryData(
        translations=[services.TranslationData(language="en", title="First title", body="New")],
        status=StoryStatus.PUBLISHED,
        published_at=story.published_at,
        tags=["Politics", "Elections"],
    )
    services.story_save(data=data, story=story)
    assert Story.objects.count() == 1
    assert story.translations.count() == 1  # the Hindi translation was dropped
    assert sorted(t.name for t in story.tags.all()) == ["Elections", "Politics"]
    assert story.translations.get().slug == "first-title"


def test_tag_lookup_is_case_insensitive() -> None:
    assert services.tag_get_or_create(name="Monsoon") == services.tag_get_or_create(name="monsoon")


def test_image_renditions_are_webp_and_no_wider_than_original(settings) -> None:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 500), "orange").save(buffer, "JPEG")
    image = services.image_create(content=buffer.getvalue(), filename="x.jpg")
    assert (image.width, image.height) == (1000, 500)
    assert sorted(map(int, image.renditions)) == [480, 960]
    assert all(name.endswith(".webp") for name in image.renditions.values())


@pytest.mark.parametrize("side", [13_000, 20_000])
def test_a_picture_with_too_many_pixels_is_refused_and_leaves_no_file(side: int) -> None:
    with pytest.raises(ImageTooLarge):
        services.image_create(content=png_of_one_colour(side, side), filename="bomb.png")
    assert media_files() == []
    assert not Image.objects.exists()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_a_picture_cut_short_leaves_no_file_and_no_row(kind: str) -> None:
    buffer = io.BytesIO()
    PILImage.effect_noise((1200, 800), 60).convert("RGB").save(buffer, kind)
    with pytest.raises(ImageUnreadable):
        services.image_create(content=buffer.getvalue()[:5000], filename=f"cut.{kind.lower()}")
    assert media_files() == []
    assert not Image.objects.exists()


def test_an_existing_reference_gets_its_file_or_stays_as_it_was() -> None:
    reference = Image.objects.create(source_url="https://old.example.org/a.png", credit="PTI")
    with pytest.raises(ImageTooLarge):
        services.image_save_file(
            image=reference, file=ContentFile(png_of_one_colour(11_000, 11_000)), filename="a.png"
        )
    reference.refresh_from_db()
    assert not reference.file and media_files() == []
    buffer = io.BytesIO()
    PILImage.new("RGBA", (1600, 900), (200, 0, 0, 255)).save(buffer, "PNG")
    services.image_save_file(image=reference, file=ContentFile(buffer.getvalue()), filename="a.png")
    reference.refresh_from_db()
    assert (reference.width, reference.height) == (1600, 900)
    assert sorted(map(int, reference.renditions)) == [480, 960, 1440]
    assert sorted(media_files()) == sorted([reference.file.name, *reference.renditions.values()])


def test_files_of_a_block_that_fails_are_removed() -> None:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 500), "orange").save(buffer, "JPEG")
    with pytest.raises(RuntimeError):
        with services.image_files_undone_on_error(), transaction.atomic():
            services.image_create(content=buffer.getvalue(), filename="kept-not.jpg")
            assert len(media_files()) == 3  # the picture and two renditions
            raise RuntimeError("the story after it failed")
    assert media_files() == []
    assert not Image.objects.exists()


def test_stories_batched_announces_once_after_commit(django_capture_on_commit_callbacks) -> None:
    from patrika.newsroom.signals import stories_changed

    single: list[int] = []
    batches: list[list[int]] = []

    def on_one(sender, story, **kwargs) -> None:
        single.append(story.pk)

    def on_many(sender, stories, **kwargs) -> None:
        batches.append(sorted(s.pk for s in stories))

    story_changed.connect(on_one)
    stories_changed.connect(on_many)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            with services.stories_batched():
                first = make_story()
                second = make_story()
                services.story_publish(story=first)
    finally:
        story_changed.disconnect(on_one)
        stories_changed.disconnect(on_many)
    assert single == []
    assert batches == [sorted([first.pk, second.pk])]


@pytest.mark.parametrize("slug", ["भारत रूस", "a/b", "Delhi", "a_b", "मोदी?"])
def test_services_refuse_slugs_that_are_not_valid(slug: str) -> None:
    data = services.StoryData(
        translations=[services.TranslationData(language="hi", title="ख़बर", slug=slug)]
    )
    with pytest.raises(ValidationError):
        services.story_save(data=data)
    with pytest.raises(ValidationError):
        services.section_get_or_create(slug=slug, names={"hi": "ख़बर"})
    assert not Story.objects.exists() and not Section.objects.exists()


def test_stories_written_is_sent_before_commit_once_per_change_or_batch() -> None:
    from patrika.newsroom.signals import stories_written

    sent: list[list[int]] = []

    def receiver(sender, story_ids, **kwargs) -> None:
        sent.append(sorted(story_ids))

    stories_written.connect(receiver)
    try:  # no after-commit callback runs in this test: every send happens inside a transaction
        story = make_story()
        services.story_publish(story=story)
        with services.stories_batched():
            others = [make_story(), make_story()]
            services.story_touch(story=others[0])
            assert len(sent) == 2  # the batch's come at its end, together
        story_id = story.pk
        services.story_delete(story=story)
    finally:
        stories_written.disconnect(receiver)
    assert sent == [[story_id], [story_id], sorted(s.pk for s in others), [story_id]]


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_story_save_refuses_a_source_url_that_is_not_public(url: str) -> None:
    # Importers drop such URLs with a warning first; any other caller is stopped here.
    with pytest.raises(ValidationError):
        make_story(sources=[SourceData(title="Report", url=url)])
    assert not Story.objects.exists()
