import pytest
from defusedxml import ElementTree

from patrika.newsroom.tests.factories import make_story
from patrika.tests.hostile_urls import HOSTILE_IDS, HOSTILE_VALUES

from .conftest import story_with_stored_links

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_rss_per_language_parses(client, sample_story, lang) -> None:
    response = client.get(f"/{lang}/feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == lang
    titles = [item.findtext("title") for item in channel.iter("item")]
    expected = sample_story.translations.get(language=lang).title
    assert titles == [expected]
    link = channel.find("item").findtext("link")
    assert link.startswith("http://testserver/" + lang + "/news/")


def test_atom_per_language_parses(client, sample_story) -> None:
    root = ElementTree.fromstring(client.get("/hi/feed/atom/").content)
    assert root.tag == f"{ATOM}feed"
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title").startswith("पुतिन–मोदी वार्ता")
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Patrika Desk"


def test_section_and_tag_feeds_filter(client, sample_story) -> None:
    make_story(en="Unrelated story")
    tag = sample_story.tags.get()
    for url in (
        "/en/section/world/feed/rss/",
        f"/en/tag/{tag.slug}/feed/rss/",
    ):
        root = ElementTree.fromstring(client.get(url).content)
        titles = [i.findtext("title") for i in root.iter("item")]
        assert titles == [sample_story.translations.get(language="en").title], url
    atom = ElementTree.fromstring(client.get(f"/hi/tag/{tag.slug}/feed/atom/").content)
    assert len(atom.findall(f"{ATOM}entry")) == 1
    assert client.get("/en/tag/nope/feed/rss/").status_code == 404


def test_author_email_never_in_feeds(client, sample_story) -> None:
    author = sample_story.authors.get()
    author.email = "desk-private@example.org"
    author.save()
    for url in ("/en/feed/rss/", "/hi/feed/atom/"):
        assert b"desk-private@example.org" not in client.get(url).content


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_feeds_carry_no_stored_unsafe_url(client, url) -> None:
    story = story_with_stored_links(url)
    feeds = [f"/{lang}/feed/{kind}/" for lang in ("en", "hi") for kind in ("rss", "atom")]
    feeds += ["/comments/feed/", "/comments/feed/atom/", f"/comments/feed/{story.pk}/"]
    for feed in feeds:
        response = client.get(feed)
        assert response.status_code == 200, feed
        root = ElementTree.fromstring(response.content)
        assert b"<item>" in response.content or b"<entry>" in response.content, feed
        for element in root.iter():
            values = [element.text or "", *element.attrib.values()]
            assert url.strip() not in {v.strip() for v in values}, (feed, element.tag)
