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
