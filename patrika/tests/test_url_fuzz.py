"""Every address the site answers, with hostile values in each part a reader controls.

The routes come from walking Django's URL resolver (every app, every language prefix), so a
pattern added later is fuzzed without touching this file. Whatever the value, the answer is a
page, a redirect or a 4xx: never a 500.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import timezone, translation
from django.utils.regex_helper import normalize

from patrika.newsroom import services
from patrika.newsroom.models import StoryStatus
from patrika.newsroom.services import StoryData, TranslationData

# Each value is sent percent-encoded (the view sees exactly this text), so "%00" arrives as
# the three characters and "\x00" as a NUL byte.
HOSTILE_TEXT = [
    "0",
    "-1",
    "00",
    "1",
    "13",
    "1e3",
    "१२",  # Devanagari digits: str.isdigit() says yes, [0-9] says no
    "²",  # isdigit() but int() refuses it
    "２０２５",
    "9999",
    "10000",
    "99999",
    str(2**31),
    str(2**63),
    str(2**64),
    str(10**30),
    "9" * 5000,
    "9999-12-31",
    "0001-01-01",
    "10000-01-01",
    "2025-02-30",
    "2025-13-01",
    "क्षि़ं",  # conjunct, nukta and anusvara: combining marks throughout
    "\u0915\u093c\u094d\u200d\u0937",  # nukta, virama, zero-width joiner
    "\x00",
    "a\x00b",
    "%00",
    "a" * 5000,
    "क" * 5000,
    "../../etc/passwd",
    "..",
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "' OR 1=1 --",
    "😀🇮🇳",
    "👨\u200d👩\u200d👧",
    "\u202eevil\u202c",
    "\u200f\u2067",
    "\ufeff",
    " ",
    "\t\r\n",
    "",
]
# Already encoded: bytes that are not UTF-8 and an encoded surrogate.
HOSTILE_RAW = ["%FF%FE", "%C0%AF", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "../..", "%"]
HOSTILE = [quote(value, safe="") for value in HOSTILE_TEXT] + HOSTILE_RAW

# Every query parameter a view reads (grep request.GET), and the search form's fields.
QUERY_PARAMETERS = ["page", "q", "from", "to", "lang", "section", "tag", "reply_to"]
# Sent along with the fuzzed one, so that a search is run and reaches its filters.
QUERY_PLAUSIBLE = {"q": "fuzz"}

# A value each parameter name can take on the test site, for the parameters not being fuzzed
# (ids are the story's: the `site` fixture adds them).
PLAUSIBLE = {
    "slug": "fuzz",
    "year": "2025",
    "month": "5",
    "app_label": "newsroom",
    "content_type_id": "1",
    "path": "images/x.png",
    "url": "newsroom/story/",
    "lang": "en",
}


@dataclass(frozen=True)
class Route:
    """A URL pattern flattened to a %-format string, e.g. "hi/archive/%(year)s/"."""

    template: str
    parameters: tuple[str, ...]
    view: object | None = None

    def fill(self, plausible: Mapping[str, str], **values: str) -> str:
        filled = {name: values.get(name, plausible.get(name, "1")) for name in self.parameters}
        return "/" + self.template % filled


def _prefixes(entry: URLPattern | URLResolver) -> Iterator[tuple[str, list[str]]]:
    if isinstance(entry.pattern, LocalePrefixPattern):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                yield entry.pattern.language_prefix, []
        return
    yield from normalize(entry.pattern.regex.pattern)


def _walk(entries: Sequence[URLPattern | URLResolver]) -> Iterator[Route]:
    for entry in entries:
        for template, parameters in _prefixes(entry):
            if isinstance(entry, URLResolver):
                for inner in _walk(entry.url_patterns):
                    yield Route(
                        template + inner.template, (*parameters, *inner.parameters), inner.view
                    )
            else:
                yield Route(template, tuple(parameters), entry.callback)


ROUTES = list({route.template: route for route in _walk(get_resolver().url_patterns)}.values())
# Addresses no pattern names: a hostile language prefix, and static files (WhiteNoise).
EXTRA_ROUTES = [Route("%(lang)s/", ("lang",)), Route("static/%(path)s", ("path",))]
PUBLIC_ROUTES = [r for r in ROUTES if not r.template.startswith("admin/")] + EXTRA_ROUTES
ADMIN_ROUTES = [r for r in ROUTES if r.template.startswith("admin/")]
# Query strings reach the view, not the pattern: each view once, in the last language (the one
# with the most Devanagari on its pages).
QUERY_ROUTES = list({id(r.view) if r.view else r.template: r for r in PUBLIC_ROUTES}.values())


@pytest.fixture
def site(db) -> dict[str, str]:
    """One of each thing a URL can name, all answering to the slug "fuzz"; a value for each
    parameter that names one of them."""
    story = services.story_save(
        data=StoryData(
            translations=[
                TranslationData(language=code, title="Fuzz", body="Text.", slug="fuzz")
                for code, _name in settings.LANGUAGES
            ],
            status=StoryStatus.PUBLISHED,
            published_at=timezone.now() - timedelta(hours=1),
            section=services.section_get_or_create(slug="fuzz", names={"en": "Fuzz"}),
            tags=["fuzz"],
            authors=["Fuzz"],
        )
    )
    ids = dict.fromkeys(["story_id", "object_id", "id", "user_id"], str(story.pk))
    return {**PLAUSIBLE, **ids}


@pytest.fixture(autouse=True)
def _quiet_not_found(caplog: pytest.LogCaptureFixture) -> None:
    # Thousands of "Not Found" warnings are the expected answer; errors still show.
    caplog.set_level(logging.ERROR, logger="django.request")


def _get(client: Client, path: str) -> str | None:
    """What went wrong, if the answer is a server error."""
    shown = path if len(path) < 80 else f"{path[:70]}…({len(path)} chars)"
    try:
        response = client.get(path)
    except Exception as error:  # the test client re-raises what the view raised
        return f"{shown}: {type(error).__name__}: {str(error)[:150]}"
    if response.status_code >= 500:
        return f"{shown}: {response.status_code}"
    return None


def _assert_no_server_error(client: Client, paths: Sequence[str]) -> None:
    failures = [failure for path in paths if (failure := _get(client, path))]
    assert not failures, "\n".join(failures)


def test_the_walk_finds_every_app_in_every_language() -> None:
    templates = {r.template for r in ROUTES}
    for code, _name in settings.LANGUAGES:
        assert f"{code}/archive/%(year)s/%(month)s/" in templates
        assert f"{code}/search/" in templates
    assert "comments/feed/%(story_id)s/" in templates
    assert "admin/" in templates
    assert "media/%(path)s" in templates


@pytest.mark.parametrize(
    "route", [r for r in PUBLIC_ROUTES + ADMIN_ROUTES if r.parameters], ids=lambda r: r.template
)
def test_no_hostile_path_parameter_gives_a_server_error(route: Route, site, client) -> None:
    paths = [
        route.fill(site, **{name: value})
        for name, value in itertools.product(route.parameters, HOSTILE)
    ]
    _assert_no_server_error(client, paths)


@pytest.mark.parametrize("route", QUERY_ROUTES, ids=lambda r: r.template or "/")
def test_no_hostile_query_parameter_gives_a_server_error(route: Route, site, client) -> None:
    base = route.fill(site)
    paths = [
        f"{base}?" + "&".join(f"{k}={v}" for k, v in ({**QUERY_PLAUSIBLE, name: value}).items())
        for name, value in itertools.product(QUERY_PARAMETERS, HOSTILE)
    ]
    _assert_no_server_error(client, paths)


@pytest.mark.parametrize("field", ["story", "lang", "parent"])
def test_no_hostile_comment_form_field_gives_a_server_error(field: str, site, client) -> None:
    """The comment form's hidden fields name a story and a comment, as an address would."""
    failures = []
    for value in HOSTILE_TEXT:
        data = {"story": site["story_id"], "lang": "en", "name": "R", "body": "Hi", field: value}
        try:
            response = client.post("/comments/post/", data)
        except Exception as error:
            failures.append(f"{field}={value[:40]!r}: {type(error).__name__}: {error}")
            continue
        if response.status_code >= 500:
            failures.append(f"{field}={value[:40]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)
