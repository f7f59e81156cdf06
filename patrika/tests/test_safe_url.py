"""patrika.safe_url: the one URL rule, as a validator, a form field and a render-time check."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from patrika.comments.models import Comment
from patrika.safe_url import (
    MAX_LENGTH,
    PublicURLFormField,
    public_url_or_empty,
    validate_public_url,
)

from .hostile_urls import HOSTILE_IDS, HOSTILE_VALUES, PUBLIC_URLS


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_hostile_urls_are_refused_everywhere(url: str) -> None:
    with pytest.raises(ValidationError):
        validate_public_url(url)
    with pytest.raises(ValidationError):
        validate_public_url(url.strip())
    assert public_url_or_empty(url) == ""
    assert public_url_or_empty(url, allow_local=True) == ""
    field = PublicURLFormField(required=False, max_length=MAX_LENGTH)
    with pytest.raises(ValidationError):
        field.clean(url)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_urls_pass_unchanged(url: str) -> None:
    validate_public_url(url)
    assert public_url_or_empty(url) == url
    assert PublicURLFormField(max_length=MAX_LENGTH).clean(url) == url


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("javascript:alert(1)", "scheme"),
        ("data:text/html,x", "scheme"),
        ("//evil.example/", "scheme"),
        ("https://editor:secret@news.example.org/", "credentials"),
        ("https://news.example.org/" + "a" * MAX_LENGTH, "too_long"),
        ("https://news.example.org/\u202eevil", "characters"),
        ('https://news.example.org/"x', "characters"),
        ("https://news/story", "host"),
    ],
)
def test_each_refusal_says_why(url: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_public_url(url)
    assert caught.value.code == code


@translation.override("en")
def test_a_shorter_column_sets_a_shorter_limit_with_one_message() -> None:
    url = "https://news.example.org/" + "a" * 300
    validate_public_url(url)
    expected = [f"This address is too long: at most 300 characters (it has {len(url)})."]
    with pytest.raises(ValidationError) as caught:
        validate_public_url(url, max_length=300)
    assert caught.value.messages == expected
    column = Comment._meta.get_field("website")  # 300 characters
    with pytest.raises(ValidationError) as caught:
        column.run_validators(url)
    assert caught.value.messages == expected
    with pytest.raises(ValidationError) as caught:
        column.formfield().clean(url)
    assert caught.value.messages == expected


def test_refusals_are_translated_to_hindi() -> None:
    with translation.override("hi"), pytest.raises(ValidationError) as caught:
        validate_public_url("javascript:alert(1)")
    with translation.override("hi"):
        assert caught.value.messages == [
            "केवल http:// या https:// से शुरू होने वाले वेब पते स्वीकार किए जाते हैं।"
        ]


def test_an_address_typed_without_a_scheme_gets_https() -> None:
    assert PublicURLFormField().clean("news.example.org/a") == "https://news.example.org/a"


@pytest.mark.parametrize("path", ["/media/images/2025/08/flags.jpg", "/media/छवि.webp"])
def test_local_paths_only_where_allowed(path: str) -> None:
    assert public_url_or_empty(path, allow_local=True) == path
    assert public_url_or_empty(path) == ""


@pytest.mark.parametrize("path", ["//evil.example/x.jpg", "/\\evil.example/x.jpg", "/a b.jpg"])
def test_local_paths_cannot_name_another_host(path: str) -> None:
    assert public_url_or_empty(path, allow_local=True) == ""


@pytest.mark.parametrize("value", [None, 0, ["https://news.example.org/"], ""])
def test_values_that_are_not_text_render_nothing(value: object) -> None:
    assert public_url_or_empty(value) == ""


@pytest.mark.parametrize("url", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_template_filters_render_no_link(url: str) -> None:
    template = Template(
        "{% load patrika %}[{{ url|public_url }}][{{ url|media_url }}]"
        "{% with href=url|public_url %}{% if href %}<a href=x>{% endif %}{% endwith %}"
    )
    assert template.render(Context({"url": url})) == "[][]"


def test_template_filters_keep_public_urls() -> None:
    template = Template("{% load patrika %}{{ a|public_url }} {{ b|media_url }}")
    html = template.render(Context({"a": PUBLIC_URLS[0], "b": "/media/x.jpg"}))
    assert html == "https://news.example.org/2025/08/report?id=1&amp;lang=hi#top /media/x.jpg"
