"""Export, then import into an empty site: the same stories, translations, comments and media
references come back (JSON and WXR)."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from patrika import languages
from patrika.comments.models import Comment, CommentStatus
from patrika.importers.base import ImportOptions
from patrika.importers.export import image_url
from patrika.importers.models import ImportRecord
from patrika.importers.runner import run_import
from patrika.newsroom import services
from patrika.newsroom.models import (
    Author,
    Image,
    Section,
    Story,
    StoryStatus,
    Tag,
    TranslationState,
)
from patrika.newsroom.services import SourceData, TagData
from patrika.newsroom.tests.factories import make_section, make_story

FIXTURES = Path(__file__).parent / "fixtures"


def build_archive() -> None:
    """Stories of every shape: imported ones, hand-made ones, odd statuses and states."""
    run_import(kind="text", paths=[FIXTURES / "text"], options=ImportOptions())
    run_import(kind="wordpress", paths=[FIXTURES / "wxr" / "newsroom.xml"], options=ImportOptions())
    section = make_section("business", "Business", "व्यापार")
    story = make_story(
        en="Markets <close> higher & steady",
        hi="बाज़ार बढ़त के साथ बंद",
        en_body="Shares rose *sharply*.\n\n## Why\n\n1. Exports\n2. Rates\n\n> A quote\n\n"
        "See [the data](https://example.com/data?a=1&b=2) and `code`.",
        section=section,
        tags=["Markets", "बाज़ार", TagData("Exports", {"hi": "निर्यात"})],
        authors=["Asha Verma", "Meera Iyer"],
        sources=[SourceData(title="Market report", publisher="PTI", url="https://pti.example")],
        status=StoryStatus.ARCHIVED,
    )
    hi = story.translations.get(language="hi")
    hi.state = TranslationState.NEEDS_UPDATE
    hi.seo_description = "बाज़ार का हाल"
    hi.save()
    picture = Image.objects.create(source_url="https://cdn.example.com/markets.jpg", credit="AP")
    Story.objects.filter(pk=story.pk).update(featured_image=picture)
    story.refresh_from_db()
    services.story_touch(story=story)  # as the admin does after an edit
    first = Comment.objects.create(
        story=story, language="en", name="Ravi", email="ravi@example.net", body="Good <b>news</b>",
        status=CommentStatus.APPROVED, ip_address="198.51.100.4",
    )  # fmt: skip
    Comment.objects.create(
        story=story, language="hi", name="सीमा", email="seema@example.net", parent=first,
        body="सहमत हूँ।\nदूसरी पंक्ति", status=CommentStatus.PENDING,
    )  # fmt: skip
    make_story(en="In review piece", hi=None, status=StoryStatus.IN_REVIEW)
    make_story(
        en=None,
        hi="केवल हिंदी में खबर",
        status=StoryStatus.SCHEDULED,
        published_at=timezone.now() + timedelta(days=3),
        comments_open=False,
    )


def snapshot(*, wxr: bool, private: bool) -> list[dict[str, Any]]:
    stories = []
    for story in Story.objects.all():
        comments = []
        for c in story.comments.order_by("created_at", "pk"):
            created = c.created_at.replace(microsecond=0) if wxr else c.created_at
            comments.append(
                {
                    "name": c.name,
                    "language": c.language,
                    "website": c.website,
                    "body": c.body,
                    "status": c.status,
                    "created_at": created,
                    "parent": c.parent.body if c.parent else None,
                    **({"email": c.email, "ip": c.ip_address} if private else {}),
                }
            )
        published = story.published_at
        if wxr and published:
            published = published.replace(microsecond=0)
        stories.append(
            {
                "status": story.status,
                "original_language": story.original_language,
                "published_at": published,
                "comments_open": story.comments_open,
                "section": story.section.slug if story.section else None,
                "tags": sorted(
                    (t.name, *(t.name_for(code) for code in languages.codes()))
                    for t in story.tags.all()
                ),
                "authors": sorted(a.name for a in story.authors.all()),
                "image": image_url(story.featured_image) if story.featured_image else None,
                "credit": story.featured_image.credit if story.featured_image else None,
                "sources": [(s.title, s.publisher, s.url) for s in story.sources.all()],
                "translations": [
                    {
                        "language": t.language,
                        "state": t.state,
                        "title": t.title,
                        "slug": t.slug,
                        "summary": t.summary,
                        "seo_description": t.seo_description,
                        "image_alt": t.image_alt,
                        "image_caption": t.image_caption,
                        # WXR carries HTML: the Markdown may be spelt differently but must
                        # render the same.
                        ("body_html" if wxr else "body"): t.body_html if wxr else t.body,
                    }
                    for t in story.translations.order_by("language")
                ],
                "comments": comments,
                # What public pages read: baked data must agree with the rows.
                "baked_languages": sorted(story.meta.get("translations", {})),
            }
        )
    sections = {s.slug: {n.language: n.name for n in s.names.all()} for s in Section.objects.all()}
    return [sections, *sorted(stories, key=lambda s: s["translations"][0]["title"])]


def _assert_same(after: list[dict[str, Any]], before: list[dict[str, Any]]) -> None:
    assert len(after) == len(before)
    for got, expected in zip(after, before, strict=True):
        for key in expected:
            assert got[key] == expected[key], (key, expected.get("translations", key))


def empty_the_site() -> None:
    for model in (Comment, ImportRecord, Story, Tag, Author, Image, Section):
        model.objects.all().delete()


def _export(fmt: str, path: Path, *extra: str) -> None:
    call_command(
        "export", "--format", fmt, "-o", str(path), *extra, "--no-progress", stderr=io.StringIO()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt,kind", [("json", "json"), ("wxr", "wordpress")])
def test_round_trip_into_an_empty_site(tmp_path: Path, fmt: str, kind: str) -> None:
    build_archive()
    before = snapshot(wxr=fmt == "wxr", private=False)
    assert len(before) == 1 + 5 + 5 + 3
    path = tmp_path / f"archive.{fmt}"
    _export(fmt, path)
    empty_the_site()
    result = run_import(kind=kind, paths=[path], options=ImportOptions())
    assert result.failed == 0, result.summary()
    assert result.created == len(before) - 1
    after = snapshot(wxr=fmt == "wxr", private=False)
    _assert_same(after, before)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt,kind", [("json", "json"), ("wxr", "wordpress")])
def test_private_backup_round_trip_keeps_emails(tmp_path: Path, fmt: str, kind: str) -> None:
    build_archive()
    before = snapshot(wxr=fmt == "wxr", private=True)
    path = tmp_path / f"backup.{fmt}"
    _export(fmt, path, "--include-emails")
    empty_the_site()
    run_import(kind=kind, paths=[path], options=ImportOptions())
    _assert_same(snapshot(wxr=fmt == "wxr", private=True), before)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["json", "wxr"])
def test_public_export_has_no_private_data(tmp_path: Path, fmt: str) -> None:
    build_archive()
    path = tmp_path / f"public.{fmt}"
    _export(fmt, path)
    text = path.read_text(encoding="utf-8")
    for secret in ("kiran@example.net", "ravi@example.net", "203.0.113.7", "198.51.100.4"):
        assert secret not in text
    assert "Good &lt;b&gt;news&lt;/b&gt;" in text or "Good <b>news</b>" in text


@pytest.mark.django_db
def test_json_export_is_one_document_and_streamable(tmp_path: Path) -> None:
    build_archive()
    path = tmp_path / "archive.json"
    _export("json", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "patrika-export" and document["version"] == 2
    assert document["private"] is False
    assert len(document["stories"]) == Story.objects.count()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith('"stories": [') and lines[-1] == "]}"
    assert len(lines) == Story.objects.count() + 2
    story = next(s for s in document["stories"] if s["status"] == "archived")
    assert set(story) >= {"translations", "comments", "featured_image", "sources", "section"}
    assert "email" not in story["comments"][0]


@pytest.mark.django_db
def test_json_import_twice_is_idempotent_and_a_pretty_file_reads(tmp_path: Path) -> None:
    build_archive()
    path = tmp_path / "archive.json"
    _export("json", path)
    empty_the_site()
    run_import(kind="json", paths=[path], options=ImportOptions())
    counts = (Story.objects.count(), Comment.objects.count())
    again = run_import(kind="json", paths=[path], options=ImportOptions())
    assert (again.created, again.updated) == (0, 0)
    assert (Story.objects.count(), Comment.objects.count()) == counts
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(json.loads(path.read_text()), indent=2), encoding="utf-8")
    third = run_import(kind="json", paths=[pretty], options=ImportOptions())
    assert third.created == 0 and third.failed == 0


@pytest.mark.django_db
def test_json_restore_on_the_same_site_leaves_its_stories_alone(tmp_path: Path) -> None:
    build_archive()
    path = tmp_path / "archive.json"
    _export("json", path)
    result = run_import(kind="json", paths=[path], options=ImportOptions())
    # Stories that came from imports are updated in place; the three hand-made ones are
    # found by their slugs and left alone; nothing is duplicated.
    assert result.created == 0 and result.failed == 0
    foreign = [r for r in result.skip_reasons if "did not create" in r]
    assert [result.skip_reasons[r] for r in foreign] == [3]
    assert Story.objects.count() == 13


@pytest.mark.django_db
def test_broken_json_names_file_and_line(tmp_path: Path) -> None:
    build_archive()
    path = tmp_path / "archive.json"
    _export("json", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][:40]
    broken = tmp_path / "broken.json"
    broken.write_text("\n".join(lines), encoding="utf-8")
    empty_the_site()
    result = run_import(kind="json", paths=[broken], options=ImportOptions())
    assert any(f"{broken}, line 4" in e.reason for e in result.failures)
    # Stories before the break are whole.
    assert Story.objects.count() == 2
    for story in Story.objects.all():
        assert story.translations.exists()


@pytest.mark.django_db
def test_json_story_missing_fields_fails_alone(tmp_path: Path) -> None:
    header = {"format": "patrika-export", "version": 1, "site": {"url": "https://x.example"}}
    stories = [
        {"id": 1, "status": "published", "translations": [{"language": "en", "title": "Fine"}]},
        {"id": 2, "status": "published", "translations": []},
        {"id": 3, "status": "nonsense", "translations": [{"language": "en", "title": "Bad"}]},
    ]
    path = tmp_path / "x.json"
    path.write_text(json.dumps({**header, "stories": stories}), encoding="utf-8")
    result = run_import(kind="json", paths=[path], options=ImportOptions())
    assert result.created == 1 and result.failed == 2
    assert {e.where.split(": ")[1] for e in result.failures} == {"story 2", "story 3"}


@pytest.mark.django_db
def test_not_a_patrika_export(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}')
    result = run_import(kind="json", paths=[path], options=ImportOptions())
    assert result.failed == 1 and "not a Patrika export" in result.failures[0].reason


@pytest.mark.django_db
def test_json_slugs_are_kept_when_valid_and_refused_otherwise(tmp_path: Path) -> None:
    """A Patrika export's slugs are addresses: kept as they are, Hindi ones included; one
    that is not a valid slug fails its story with the validator's message."""
    header = {"format": "patrika-export", "version": 1, "site": {"url": "https://x.example"}}

    def story(ident: int, slug: str, section: str = "world") -> dict[str, Any]:
        return {
            "id": ident,
            "status": "published",
            "section": {"slug": section, "names": {"en": "World"}},
            "translations": [{"language": "hi", "title": f"ख़बर {ident}", "slug": slug}],
        }

    stories = [
        story(1, "भारत-रूस-वार्ता-२०२६"),
        story(2, "भारत रूस"),
        story(3, "India_Russia"),
        story(4, "fine-slug", section="World News"),
    ]
    path = tmp_path / "slugs.json"
    path.write_text(json.dumps({**header, "stories": stories}), encoding="utf-8")
    result = run_import(kind="json", paths=[path], options=ImportOptions())
    assert (result.created, result.failed) == (1, 3)
    reasons = {e.where.split(": ")[1]: e.reason for e in result.failures}
    assert reasons["story 2"].startswith("“भारत रूस” is not a valid slug")
    assert reasons["story 3"].startswith("“India_Russia” is not a valid slug")
    assert reasons["story 4"].startswith("“World News” is not a valid slug")
    assert Story.objects.get().translations.get().slug == "भारत-रूस-वार्ता-२०२६"


@pytest.mark.django_db
def test_tag_names_per_language_survive_json_and_a_version_1_file_still_reads(
    tmp_path: Path,
) -> None:
    make_story(tags=[TagData("Monsoon", {"hi": "मानसून", "mr": "पावसाळा"}), "Cricket"])
    path = tmp_path / "archive.json"
    _export("json", path)
    (record,) = json.loads(path.read_text(encoding="utf-8"))["stories"]
    assert record["tags"] == [
        {"name": "Cricket", "slug": "cricket", "names": {}},
        {"name": "Monsoon", "slug": "monsoon", "names": {"hi": "मानसून", "mr": "पावसाळा"}},
    ]
    empty_the_site()
    run_import(kind="json", paths=[path], options=ImportOptions())
    monsoon = Tag.objects.get(name="Monsoon")
    assert {n.language: n.name for n in monsoon.names.all()} == {"hi": "मानसून", "mr": "पावसाळा"}

    # Written by an older Patrika: tags were a list of names.
    old = {"format": "patrika-export", "version": 1, "stories": [record | {"tags": ["Rain"]}]}
    old_path = tmp_path / "old.json"
    old_path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    empty_the_site()
    result = run_import(kind="json", paths=[old_path], options=ImportOptions())
    assert result.failed == 0, result.summary()
    assert [t.name for t in Story.objects.get().tags.all()] == ["Rain"]
