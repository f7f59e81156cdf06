"""The results page and the OpenSearch description."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree

import pytest
from django.test import Client

from patrika.newsroom.models import Story
from patrika.newsroom.tests.factories import make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(publish: Callable[..., Story]) -> list[Story]:
    world = make_section("world", "World", "विश्व")
    return [
        publish(
            en="Putin and Modi discuss trade",
            hi="पुतिन और मोदी ने व्यापार पर चर्चा की",
            en_body="India–Russia trade crossed $65 billion.",
            hi_body="भारत–रूस व्यापार 65 अरब डॉलर के पार।",
            section=world,
            tags=["Diplomacy"],
        ),
        publish(en="Monsoon reaches Delhi", hi="दिल्ली में मानसून पहुंचा"),
    ]


def test_empty_search_page(client: Client) -> None:
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert b'name="q"' in response.content


def test_results_with_lang_attributes_and_marks(client: Client, stories: list[Story]) -> None:
    response = client.get("/en/search/", {"q": "modi"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 results" in html
    assert '<li class="search-hit" lang="hi">' in html
    assert '<li class="search-hit" lang="en">' in html
    assert "<mark>Modi</mark>" in html and "<mark>मोदी</mark>" in html


def test_hindi_interface(client: Client, stories: list[Story]) -> None:
    response = client.get("/hi/search/", {"q": "vyapar"})
    assert response.status_code == 200
    assert "<mark>व्यापार</mark>" in response.content.decode()


def test_filters_by_parameter(client: Client, stories: list[Story]) -> None:
    html = client.get("/en/search/", {"q": "modi", "lang": "hi"}).content.decode()
    assert 'lang="en"' not in html.split('<ol class="search-results"')[1]
    html = client.get("/en/search/", {"q": "modi", "section": "world", "tag": "Diplomacy"})
    assert "2 results" in html.content.decode()
    html = client.get("/en/search/", {"q": "modi", "tag": "no-such-tag"}).content.decode()
    assert "Nothing found" in html
    html = client.get("/en/search/", {"q": "modi", "from": "2000-01-01", "to": "2000-02-01"})
    assert "Nothing found" in html.content.decode()


def test_bad_filters_are_ignored_not_errors(client: Client, stories: list[Story]) -> None:
    response = client.get("/en/search/", {"q": "modi", "from": "yesterday", "page": "x"})
    assert response.status_code == 200


def test_pagination_links_keep_the_query(client: Client, publish: Callable[..., Story]) -> None:
    for i in range(14):
        publish(en=f"Harvest fair {i}", hi=None)
    html = client.get("/en/search/", {"q": "harvest", "lang": "en"}).content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?q=harvest&amp;lang=en&amp;page=2"' in html
    page2 = client.get("/en/search/", {"q": "harvest", "lang": "en", "page": 2}).content.decode()
    assert page2.count('class="search-hit"') == 2


def test_did_you_mean(client: Client, stories: list[Story]) -> None:
    html = client.get("/en/search/", {"q": "monsoan"}).content.decode()
    assert "Showing results for" in html and "monsoon" in html


def test_hostile_query_is_escaped(client: Client, stories: list[Story]) -> None:
    html = client.get("/en/search/", {"q": '<script>alert(1)</script> "modi'}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_opensearch_description(client: Client) -> None:
    response = client.get("/hi/search/opensearch.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ElementTree.fromstring(response.content)
    ns = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
    url = root.find("os:Url[@type='text/html']", ns)
    assert url is not None and url.get("template", "").endswith("/hi/search/?q={searchTerms}")


def test_demo_content_is_searchable(client: Client, django_capture_on_commit_callbacks) -> None:
    from patrika.newsroom.demo import load_demo

    with django_capture_on_commit_callbacks(execute=True):
        load_demo(generated=3)
    html = client.get("/hi/search/", {"q": "bharat roos vyapar"}).content.decode()
    assert "पुतिन–मोदी वार्ता" in html or "<mark>भारत</mark>–<mark>रूस</mark>" in html
    html = client.get("/en/search/", {"q": "पुतिन"}).content.decode()
    assert "<mark>Putin</mark>–Modi Talks" in html
