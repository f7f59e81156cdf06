"""Importing Patrika JSON: URLs from the file pass the one URL rule or are left out, with a
warning that names the story; the rest of the story is imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation

from patrika.comments.models import Comment
from patrika.importers.base import ImportOptions
from patrika.importers.runner import run_import
from patrika.newsroom.models import Translation
from patrika.tests.hostile_urls import HOSTILE_VALUES, PUBLIC_URLS

from .conftest import stored_urls

pytestmark = pytest.mark.django_db


def _story(ident: int, url: str) -> dict[str, Any]:
    return {
        "id": ident,
        "status": "published",
        "published_at": "2025-08-18T10:00:00+00:00",
        "translations": [
            {"language": "en", "title": f"Story {ident}", "body": "Body."},
            {"language": "hi", "title": f"ख़बर {ident}", "body": "पाठ।"},
        ],
        "sources": [{"title": f"Source {ident}", "publisher": "द वायर", "url": url}],
        "featured_image": {"source_url": url, "credit": "Photo desk"},
        "comments": [
            {
                "id": ident,
                "language": "hi",
                "name": "पाठक",
                "website": url,
                "body": "टिप्पणी बची रहती है।",
                "status": "approved",
                "created_at": "2025-08-18T11:00:00+00:00",
            }
        ],
    }


def test_unsafe_urls_are_not_stored_and_warnings_name_the_stories(tmp_path: Path) -> None:
    good = PUBLIC_URLS[0]
    stories = [_story(n, url) for n, url in enumerate(HOSTILE_VALUES, start=1)]
    stories.append(_story(900, good))
    path = tmp_path / "archive.json"
    header = {"format": "patrika-export", "version": 1, "site": {"url": "https://x.example"}}
    path.write_text(json.dumps({**header, "stories": stories}), encoding="utf-8")

    result = run_import(kind="json", paths=[path], options=ImportOptions())

    assert (result.created, result.failed) == (len(stories), 0), result.summary()
    assert set(stored_urls()) == {good}
    for n in range(1, len(HOSTILE_VALUES) + 1):
        story = Translation.objects.get(title=f"Story {n}").story
        assert [(s.title, s.publisher, s.url) for s in story.sources.all()] == [
            (f"Source {n}", "द वायर", "")
        ]
        assert story.featured_image is None
        assert Comment.objects.get(story=story).body == "टिप्पणी बची रहती है।"
        warnings = [w for w in result.warnings if w.startswith(f"{path}: story {n}:")]
        assert len(warnings) == 3, result.summary()
        assert any(f"source 'Source {n}': URL" in w and "refused" in w for w in warnings)
        assert any("featured image: URL" in w for w in warnings)
        assert any(f"comment {n}: website: URL" in w for w in warnings)
    kept = Translation.objects.get(title="Story 900").story
    assert kept.sources.get().url == good
    assert kept.featured_image.source_url == good
    assert Comment.objects.get(story=kept).website == good
    assert not [w for w in result.warnings if "story 900" in w]


@translation.override("en")
def test_a_website_too_long_for_its_column_is_left_out(tmp_path: Path) -> None:
    # Fits the 500-character rule, not the 300-character website column: never cut short.
    website = "https://reader.example.org/" + "a" * 300
    story = _story(1, PUBLIC_URLS[0])
    story["comments"][0]["website"] = website
    path = tmp_path / "archive.json"
    header = {"format": "patrika-export", "version": 1, "site": {"url": "https://x.example"}}
    path.write_text(json.dumps({**header, "stories": [story]}), encoding="utf-8")

    result = run_import(kind="json", paths=[path], options=ImportOptions())

    assert (result.created, result.failed) == (1, 0)
    assert Comment.objects.get().website == ""
    assert result.warnings == [
        f"{path}: story 1: comment 1: website: URL {website[:80] + '…'!r} refused (This address"
        f" is too long: at most 300 characters (it has {len(website)}).)"
    ]
