"""Every importer keeps the text byte for byte, and the exports give the same bytes back.

Each test walks the table of tricky text (decomposed and precomposed Devanagari, nukta forms,
ZWJ/ZWNJ, RLM/LRM, bidi embeddings, no-break spaces, soft hyphens, combining accents, emoji
ZWJ sequences, …) through one importer; the suite runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from patrika.comments.models import Comment
from patrika.importers.base import ImportOptions
from patrika.importers.runner import run_import
from patrika.importers.tests.test_export import _export, empty_the_site, snapshot
from patrika.newsroom import services
from patrika.newsroom.models import Image, Story, Translation
from patrika.newsroom.services import SourceData, StoryData, TranslationData
from patrika.newsroom.tests.factories import make_section
from patrika.tests.tricky_text import TRICKY, UNSTORABLE

pytestmark = pytest.mark.django_db

IDS = [label for label, _language, _text in TRICKY]
OTHER = {"en": "hi", "hi": "en"}
FILLER = {
    "en": ("Plain English title", "The second paragraph tells the rest of the story in full."),
    "hi": ("सादा हिंदी शीर्षक", "दूसरा अनुच्छेद बाकी खबर पूरी तरह बताता है।"),
}
ENDING = {"en": " is what the first paragraph says.", "hi": " पर पहला अनुच्छेद यही कहता है।"}


def _run(kind: str, *paths: Path, **options: object):
    result = run_import(kind=kind, paths=list(paths), options=ImportOptions(**options))
    assert result.failed == 0, result.summary()
    return result


def _translation(language: str) -> Translation:
    return Translation.objects.get(language=language)


@pytest.mark.parametrize(("label", "language", "text"), TRICKY, ids=IDS)
def test_text_dump(tmp_path: Path, label: str, language: str, text: str) -> None:
    other = OTHER[language]
    parts = [text, "", text + ENDING[language], "", FILLER[language][1], ""]
    parts += [FILLER[other][0], "", FILLER[other][1]]
    dump = tmp_path / "story.txt"
    dump.write_text("\n".join(parts), encoding="utf-8")
    _run("text", dump)
    translation = _translation(language)
    assert translation.title == text
    assert translation.body.startswith(text + ENDING[language] + "\n")


def _wxr(text: str, language: str) -> str:
    cdata = f"<![CDATA[{text}]]>"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel><title>Site</title><link>https://site.example</link><language>en-US</language>
<wp:author><wp:author_login>ed</wp:author_login>
<wp:author_display_name>{cdata}</wp:author_display_name></wp:author>
<item><title>{cdata}</title><dc:creator>ed</dc:creator>
<content:encoded><![CDATA[<p>{escape(text)}{ENDING[language]}</p>
<p>{FILLER[language][1]}</p>]]></content:encoded>
<excerpt:encoded>{cdata}</excerpt:encoded>
<wp:post_id>7</wp:post_id><wp:post_date>2024-06-05 16:04:48</wp:post_date>
<wp:post_date_gmt>2024-06-05 10:34:48</wp:post_date_gmt><wp:post_name>story</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="news">{cdata}</category>
<category domain="post_tag" nicename="tag">{cdata}</category>
<category domain="language" nicename="{language}">{language}</category>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>{cdata}</wp:comment_author>
<wp:comment_content>{cdata}</wp:comment_content><wp:comment_approved>1</wp:comment_approved>
<wp:comment_date_gmt>2024-06-06 10:00:00</wp:comment_date_gmt></wp:comment>
</item></channel></rss>
"""


@pytest.mark.parametrize(("label", "language", "text"), TRICKY, ids=IDS)
def test_wordpress(tmp_path: Path, label: str, language: str, text: str) -> None:
    export = tmp_path / "export.xml"
    export.write_text(_wxr(text, language), encoding="utf-8")
    _run("wordpress", export)
    translation = _translation(language)
    story = translation.story
    assert (translation.title, translation.summary) == (text, text)
    assert translation.body.startswith(text + ENDING[language] + "\n")
    assert [t.name for t in story.tags.all()] == [text]
    assert [a.name for a in story.authors.all()] == [text]
    assert story.section.name_for(language) == text
    assert [(c.name, c.body) for c in Comment.objects.all()] == [(text, text)]


@pytest.mark.parametrize(("label", "language", "text"), TRICKY, ids=IDS)
def test_html_page(tmp_path: Path, label: str, language: str, text: str) -> None:
    pytest.importorskip("lxml_html_clean")
    page = tmp_path / "page.html"
    page.write_text(
        f"""<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">
<title>{escape(text)} | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="description" content="{escape(text)}"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{escape(text)}</h1>
<p>{escape(text)}{ENDING[language]}</p><p>{FILLER[language][1]}</p>
<p>{FILLER[language][1]} {FILLER[language][1]}</p></article></body></html>""",
        encoding="utf-8",
    )
    _run("html", page)
    translation = _translation(language)
    assert translation.title == text
    assert translation.summary == text
    assert translation.body.startswith(text + ENDING[language] + "\n")


def _record(text: str, language: str) -> dict:
    fields = ("title", "summary", "seo_description", "image_alt", "image_caption")
    return {
        "id": 1,
        "status": "published",
        "original_language": language,
        "published_at": "2024-06-05T10:34:48+00:00",
        "section": {"slug": "news", "names": {language: text}},
        "tags": [text],
        "authors": [{"name": text, "bio": text}],
        "sources": [{"title": text, "publisher": text, "url": ""}],
        "translations": [
            {"language": language, "body": f"{text}\n\n{text}.\r\n", **dict.fromkeys(fields, text)}
        ],
        "comments": [{"id": 1, "name": text, "body": text, "status": "approved"}],
    }


def _json_export(records: list[dict], *, ascii: bool = False) -> str:
    header = {"format": "patrika-export", "version": 1, "site": {"url": "https://a.example"}}
    return json.dumps({**header, "stories": records}, ensure_ascii=ascii)


@pytest.mark.parametrize(("label", "language", "text"), TRICKY, ids=IDS)
def test_json(tmp_path: Path, label: str, language: str, text: str) -> None:
    archive = tmp_path / "archive.json"
    archive.write_text(_json_export([_record(text, language)]), encoding="utf-8")
    _run("json", archive)
    translation = _translation(language)
    story = translation.story
    for field in ("title", "summary", "seo_description", "image_alt", "image_caption"):
        assert getattr(translation, field) == text, field
    assert translation.body == f"{text}\n\n{text}.\r\n"
    assert [t.name for t in story.tags.all()] == [text]
    assert [(a.name, a.bio) for a in story.authors.all()] == [(text, text)]
    assert list(story.sources.values_list("title", "publisher")) == [(text, text)]
    assert story.section.name_for(language) == text
    assert [(c.name, c.body) for c in Comment.objects.all()] == [(text, text)]


def _tricky_archive() -> None:
    """One story per row of the table, with the text in every field."""
    picture = Image.objects.create(source_url="https://cdn.example.com/p.jpg", credit="AP")
    for index, (_label, language, text) in enumerate(TRICKY):
        fields = dict.fromkeys(("summary", "seo_description", "image_alt", "image_caption"), text)
        story = services.story_save(
            data=StoryData(
                translations=[
                    TranslationData(
                        language=language, title=text, body=f"{text}\n\n{text}.", **fields
                    ),
                    TranslationData(language=OTHER[language], title=f"{index} {text}", **fields),
                ],
                original_language=language,
                section=make_section(f"s{index}", text[:80], text[:80]),
                tags=[text],
                authors=[text],
                sources=[SourceData(title=text, publisher=text)],
                featured_image=picture,
            )
        )
        Comment.objects.create(story=story, language=language, name=text, body=text)


@pytest.mark.parametrize("fmt,kind", [("json", "json"), ("wxr", "wordpress")])
def test_export_then_import_gives_the_same_text_back(tmp_path: Path, fmt: str, kind: str) -> None:
    _tricky_archive()
    before = snapshot(wxr=fmt == "wxr", private=False)
    first = tmp_path / f"first.{fmt}"
    _export(fmt, first)
    written = first.read_text(encoding="utf-8")
    for _label, _language, text in TRICKY:  # each title written as is, not escaped
        title = (
            f'"title": {json.dumps(text, ensure_ascii=False)}, "slug"' if fmt == "json" else text
        )
        assert (title if fmt == "json" else f"<title><![CDATA[{title}]]></title>") in written
    empty_the_site()
    _run(kind, first)
    after = snapshot(wxr=fmt == "wxr", private=False)
    assert after[1:] == before[1:]
    assert after[0] == before[0]  # section names
    second = tmp_path / f"second.{fmt}"
    _export(fmt, second)
    if fmt == "json":
        records = [json.loads(f.read_text())["stories"] for f in (first, second)]
        texts = [
            [[{**t, "updated_at": None} for t in r["translations"]] for r in stories]
            for stories in records
        ]
        assert texts[0] == texts[1]


@pytest.mark.parametrize("char", UNSTORABLE, ids=[f"U+{ord(c):04X}" for c in UNSTORABLE])
def test_unstorable_text_fails_its_item_with_a_clear_message(tmp_path: Path, char: str) -> None:
    """JSON can carry anything (a "\\u0000", a lone "\\ud800"): the story is refused, naming
    the story, the field and the character; the next story goes on."""
    bad = _record("A title", "en")
    bad["translations"][0]["title"] = f"Bad{char}title"
    good = {**_record("A good title", "en"), "id": 2}
    archive = tmp_path / "archive.json"
    archive.write_text(_json_export([bad, good], ascii=True), encoding="utf-8")
    result = run_import(kind="json", paths=[archive], options=ImportOptions())
    assert (result.created, result.failed) == (1, 1), result.summary()
    [failure] = result.failures
    assert "story 1" in failure.where
    assert f"translations[0].title contains U+{ord(char):04X}" in failure.reason
    assert "at character 4" in failure.reason
    assert list(Story.objects.values_list("translations__title", flat=True)) == ["A good title"]
