import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from PIL import Image as PILImage

from patrika.newsroom import services
from patrika.newsroom.models import Section, Story, StoryStatus
from patrika.newsroom.services import SourceData
from patrika.newsroom.signals import story_changed
from patrika.newsroom.tests.factories import make_story
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
