import pytest

from patrika.newsroom.services import SourceData
from patrika.newsroom.tests.factories import make_section, make_story


@pytest.fixture
def sample_story(db):
    """A bilingual story shaped like the sample page, with a source and a tag."""
    return make_story(
        en="Putin–Modi Talks: Strengthening India–Russia Ties",
        hi="पुतिन–मोदी वार्ता: भारत–रूस संबंधों को नई मजबूती",
        en_body="Intro.\n\n## Key Focus Areas of Discussion\n\nDefence and energy.",
        hi_body="परिचय।\n\n## मुख्य विषय\n\nरक्षा और ऊर्जा।",
        section=make_section(),
        tags=["Putin and Modi Talks"],
        authors=["Patrika Desk"],
        sources=[
            SourceData(
                title="Putin–Modi Talks: Russian President Dials PM", publisher="The Times of India"
            )
        ],
    )


def url_of(story, lang: str) -> str:
    return story.translations.get(language=lang).get_absolute_url()


def story_with_stored_links(url: str):
    """A live bilingual story whose source, featured image and approved comments hold `url`,
    written past every check (`.update()`, as rows from before the URL rule or from SQL), then
    baked into Story.meta the way any later save would."""
    from django.db import connection

    from patrika.comments.models import WEBSITE_MAX_LENGTH, Comment, CommentStatus
    from patrika.newsroom import services
    from patrika.newsroom.models import Image, SourceAttribution

    if connection.vendor == "postgresql" and ("\x00" in url or len(url) > 500):
        pytest.skip("PostgreSQL cannot hold this value, so no page can ever render it")

    image = Image.objects.create(source_url="https://photos.example.org/flags.jpg")
    story = make_story(
        en="Stored links story",
        hi="संग्रहीत कड़ियों वाली ख़बर",
        featured_image=image,
        sources=[
            SourceData(title="Original report", publisher="द हिंदू", url="https://x.example.org/")
        ],
    )
    for language, name in (("en", "Reader"), ("hi", "पाठक")):
        Comment.objects.create(
            story=story,
            language=language,
            name=name,
            email="reader@example.org",
            website="https://reader.example.org/",
            body=f"A comment by {name}",
            status=CommentStatus.APPROVED,
        )
    SourceAttribution.objects.filter(story=story).update(url=url)
    Image.objects.filter(pk=image.pk).update(source_url=url)
    if len(url) <= WEBSITE_MAX_LENGTH:  # what the column can hold on every database
        Comment.objects.filter(story=story).update(website=url)
    story.refresh_from_db()
    services.story_touch(story=story)
    story.refresh_from_db()
    assert story.meta["sources"][0]["url"] == url and story.meta["image"]["url"] == url
    return story
