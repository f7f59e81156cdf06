from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from patrika.comments.models import Comment, CommentStatus
from patrika.importers.base import ImportOptions
from patrika.importers.runner import run_import
from patrika.newsroom.models import Image, Story, StoryStatus, Tag, Translation
from patrika.newsroom.tests.factories import media_files, png_of_one_colour
from patrika.tests.hostile_urls import HOSTILE_VALUES, PUBLIC_URLS
from patrika.text import normalize

from .conftest import stored_urls

WXR = Path(__file__).parent / "fixtures" / "wxr"
NEWSROOM = WXR / "newsroom.xml"


def _run(path: Path, **options: object):
    return run_import(kind="wordpress", paths=[path], options=ImportOptions(**options))


def _story(title: str) -> Story:
    return Translation.objects.get(title=title).story


@pytest.mark.django_db
def test_posts_pages_translations_and_metadata() -> None:
    result = _run(NEWSROOM)
    assert (result.created, result.updated, result.failed) == (5, 0, 0)
    assert result.skipped == 2  # the trashed post and the menu item
    assert Story.objects.count() == 5

    story = _story("India and Russia review ties after the Alaska summit")
    assert story.import_source == "wxr:news.example.org:post:10"
    assert sorted(t.language for t in story.translations.all()) == ["en", "hi"]
    assert story.original_language == "en"
    assert story.status == StoryStatus.PUBLISHED
    assert story.published_at == datetime(2025, 8, 18, 10, 0, tzinfo=UTC)
    assert story.section.slug == "world"
    assert story.section.name_for("en") == "World"
    assert story.section.name_for("hi") == "विश्व"
    assert sorted(t.name for t in story.tags.all()) == ["Diplomacy", "Energy", "कूटनीति"]
    assert sorted(a.name for a in story.authors.all()) == ["Asha Verma", "राहुल सिंह"]
    assert story.featured_image.source_url.endswith("/2025/08/summit-flags.jpg")
    assert story.comments_open

    en = story.translations.get(language="en")
    assert en.slug == "india-russia-review-ties"
    assert en.summary == "Modi and Putin spoke after the summit."
    assert en.image_alt == "Indian and Russian flags at the venue"
    assert "Prime Minister **Narendra Modi** spoke" in en.body
    assert "the *first call* since" in en.body
    assert "[summit report](https://news.example.org/2025/08/17/alaska-summit/)" in en.body
    assert "## Energy and defence" in en.body
    assert "- Crude oil supplies\n- Nuclear fuel & LNG" in en.body
    assert "> “Today’s era is not of war.”" in en.body
    assert (
        "![Flags](https://news.example.org/wp-content/uploads/2025/08/summit-flags.jpg)" in en.body
    )
    assert "<!--" not in en.body and "wp:paragraph" not in en.body

    hi = story.translations.get(language="hi")
    assert hi.title == "अलास्का शिखर सम्मेलन के बाद भारत और रूस ने संबंधों की समीक्षा की"
    assert hi.slug == "भारत-रूस"
    assert "## ऊर्जा और रक्षा" in hi.body
    assert "कच्चे तेल की आपूर्ति पर चर्चा हुई।\\\nदोनों" in hi.body


@pytest.mark.django_db
def test_comments_keep_status_threading_and_language() -> None:
    _run(NEWSROOM)
    story = _story("India and Russia review ties after the Alaska summit")
    comments = {c.import_source.rsplit(":", 1)[1]: c for c in Comment.objects.filter(story=story)}
    assert sorted(comments) == ["101", "102", "103", "104", "105", "110"]  # no pingback
    assert comments["101"].status == CommentStatus.APPROVED
    assert comments["104"].status == CommentStatus.SPAM
    assert comments["105"].status == CommentStatus.PENDING
    assert comments["101"].parent is None
    assert comments["102"].parent == comments["101"]
    assert comments["103"].parent == comments["102"]  # its parent came later in the file
    assert comments["110"].language == "hi" and comments["110"].body == "बहुत अच्छी रिपोर्ट।"
    assert comments["103"].body == "Thanks! A follow-up is coming.\nStay tuned 🙂"
    assert comments["102"].ip_address == "2001:db8::1"
    assert comments["101"].email == "kiran@example.net"
    assert comments["101"].website == "https://kiran.example.net"
    assert comments["101"].created_at == datetime(2025, 8, 18, 10, 30, tzinfo=UTC)


@pytest.mark.django_db
def test_drafts_pages_scheduled_and_wpml() -> None:
    _run(NEWSROOM)
    draft = _story("Draft: monsoon preparations in Mumbai")
    assert draft.status == StoryStatus.DRAFT and draft.published_at is None
    assert not draft.comments_open
    assert draft.section.slug == "india"
    assert [t.name for t in draft.tags.all()] == ["Cities"]
    body = draft.translations.get().body
    assert "The civic body has cleaned 80% of drains.\\\nWork continues at night." in body
    assert (
        "![Workers clean a drain](https://news.example.org/wp-content/uploads/2025/06/drain.jpg)"
        in body
    )
    assert "*Workers in Andheri*" in body
    assert "5 \\* 3 teams are on call\\_duty." in body
    assert draft.translations.get().language == "en"  # no language data: detected

    page = _story("About us")
    assert page.status == StoryStatus.PUBLISHED
    future = _story("Budget preview: what to expect")
    assert future.status == StoryStatus.SCHEDULED
    assert future.published_at == datetime(2030, 2, 1, 5, 30, tzinfo=UTC)

    cricket = _story("Cricket: India reach the final")
    assert cricket.translations.get(language="hi").title == "क्रिकेट: भारत फाइनल में"
    assert cricket.section.name_for("hi") == "खेल"


@pytest.mark.django_db
def test_reimport_creates_nothing_and_changes_update(tmp_path: Path) -> None:
    _run(NEWSROOM)
    counts = (Story.objects.count(), Comment.objects.count(), Tag.objects.count())
    again = _run(NEWSROOM)
    assert (again.created, again.updated) == (0, 0)
    assert again.skip_reasons["unchanged since the last import"] == 5
    assert (Story.objects.count(), Comment.objects.count(), Tag.objects.count()) == counts

    changed = tmp_path / "changed.xml"
    changed.write_text(
        NEWSROOM.read_text(encoding="utf-8")
        .replace("Waiting for moderation.", "Approved later.")
        .replace("India beat Australia by six wickets.", "India beat Australia by 6 wickets."),
        encoding="utf-8",
    )
    result = _run(changed)
    assert (result.created, result.updated) == (0, 2)
    assert Comment.objects.filter(body="Approved later.").count() == 1
    assert Comment.objects.count() == counts[1]
    assert (
        "by 6 wickets"
        in _story("Cricket: India reach the final").translations.get(language="en").body
    )


@pytest.mark.django_db
def test_dry_run_reports_and_writes_nothing() -> None:
    out = io.StringIO()
    call_command("import", "wordpress", str(NEWSROOM), "--dry-run", "--no-progress", stdout=out)
    assert Story.objects.count() == 0 and Comment.objects.count() == 0
    assert "Dry run" in out.getvalue()
    assert "│       5 │" in out.getvalue()


@pytest.mark.django_db
def test_items_missing_fields_fail_alone_and_leave_nothing_half_written() -> None:
    path = WXR / "missing-fields.xml"
    result = _run(path)
    assert result.created == 2 and result.failed == 3
    reasons = {e.where: e.reason for e in result.failures}
    assert any("'No id here'" in w and "line 15" in w for w in reasons)
    assert "missing <wp:post_id>" in reasons[next(w for w in reasons if "No id here" in w)]
    assert any("post 3" in w and r == "missing <title>" for w, r in reasons.items())
    assert any("'Bad date and a comment'" in w and "bad date 'yesterday'" in r
               for w, r in reasons.items())  # fmt: skip
    assert all(str(path) in w for w in reasons)
    assert not Tag.objects.filter(name="Never created").exists()
    assert not Translation.objects.filter(title="Bad date and a comment").exists()
    assert Comment.objects.count() == 0
    with pytest.raises(CommandError, match="3 failed"):
        call_command("import", "wordpress", str(path), "--no-progress", stdout=io.StringIO())


@pytest.mark.django_db
def test_truncated_file_names_file_and_line(tmp_path: Path) -> None:
    text = NEWSROOM.read_text(encoding="utf-8")
    cut = text.index("<title><![CDATA[About us]]></title>") + 20
    truncated = tmp_path / "truncated.xml"
    truncated.write_text(text[:cut], encoding="utf-8")
    result = _run(truncated)
    assert result.failed == 1
    [failure] = result.failures
    line = text[:cut].count("\n") + 1
    assert f"{truncated}, line {line}" in failure.reason
    assert "malformed XML" in failure.reason
    # The checking pass finds the break before anything of the file is written.
    assert Story.objects.count() == 0


@pytest.mark.django_db
def test_xml_bomb_is_refused() -> None:
    path = WXR / "bomb.xml"
    result = _run(path)
    assert result.failed == 1 and Story.objects.count() == 0
    assert str(path) in result.failures[0].reason
    assert "refused" in result.failures[0].reason


@pytest.mark.django_db
def test_external_entity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        "<rss><channel><item><title>&x;</title></item></channel></rss>\n"
    )
    result = _run(path)
    assert result.failed == 1 and "refused" in result.failures[0].reason


@pytest.mark.django_db
def test_not_a_wordpress_file(tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    path.write_text("<html><body>hello</body></html>")
    result = _run(path)
    assert result.failed == 1 and "not a WordPress export" in result.failures[0].reason


@pytest.mark.django_db
def test_uploads_folder_copies_featured_image(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    (uploads / "2025" / "08").mkdir(parents=True)
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), "orange").save(buffer, "JPEG")
    (uploads / "2025" / "08" / "summit-flags.jpg").write_bytes(buffer.getvalue())
    _run(NEWSROOM, uploads=uploads)
    image = _story("India and Russia review ties after the Alaska summit").featured_image
    assert image.file and image.width == 640
    assert image.source_url.endswith("summit-flags.jpg")


def _uploads(tmp_path: Path, content: bytes) -> Path:
    uploads = tmp_path / "uploads"
    (uploads / "2025" / "08").mkdir(parents=True)
    (uploads / "2025" / "08" / "summit-flags.jpg").write_bytes(content)
    return uploads


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [png_of_one_colour(13_000, 13_000), b"<html>oops</html>"],
    ids=["13000x13000-png", "not-a-picture"],
)
def test_an_uploads_file_that_is_refused_stays_a_link_with_a_warning(
    tmp_path: Path, content: bytes
) -> None:
    result = _run(NEWSROOM, uploads=_uploads(tmp_path, content))
    assert (result.created, result.failed) == (5, 0)
    image = _story("India and Russia review ties after the Alaska summit").featured_image
    assert not image.file and image.source_url.endswith("/2025/08/summit-flags.jpg")
    (warning,) = [w for w in result.warnings if "summit-flags.jpg" in w]
    assert "picture not copied, kept as a link" in warning
    assert ("too large" in warning) == content.startswith(b"\x89PNG")
    assert "picture not copied" in result.summary()
    assert media_files() == []


@pytest.mark.django_db
def test_a_post_that_fails_leaves_no_copied_picture(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "orange").save(buffer, "JPEG")
    broken = tmp_path / "broken.xml"
    # Its first comment has no id: the post fails after its picture was copied.
    broken.write_text(
        NEWSROOM.read_text(encoding="utf-8").replace(
            "<wp:comment_id>101</wp:comment_id>", "<wp:comment_id></wp:comment_id>"
        ),
        encoding="utf-8",
    )
    result = _run(broken, uploads=_uploads(tmp_path, buffer.getvalue()))
    assert result.failed == 1 and "comment_id" in result.failures[0].reason
    assert not Image.objects.filter(source_url__endswith="summit-flags.jpg").exists()
    assert media_files() == []


@pytest.mark.django_db
def test_generated_export_with_many_posts_streams(tmp_path: Path) -> None:
    from patrika.importers.wxrgen import write_wxr

    path = tmp_path / "many.xml"
    write_wxr(path, posts=60, seed=7)
    result = _run(path)
    assert result.failed == 0
    assert result.created == 30  # en/hi pairs
    assert Comment.objects.count() > 0


@pytest.mark.django_db
def test_password_protected_post_becomes_a_draft(tmp_path: Path) -> None:
    path = tmp_path / "locked.xml"
    path.write_text(
        (WXR / "missing-fields.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<title>A good post</title>",
            "<title>A good post</title><wp:post_password>secret</wp:post_password>",
        ),
        encoding="utf-8",
    )
    result = _run(path)
    assert _story("A good post").status == StoryStatus.DRAFT
    assert any("password-protected" in w for w in result.warnings)


NAMESPACES = [
    f"{scheme}://wordpress.org/export/{version}/"
    for scheme in ("http", "https")
    for version in ("1.0", "1.1", "1.2")
]


@pytest.mark.django_db
@pytest.mark.parametrize("namespace", NAMESPACES)
def test_every_wxr_namespace_wordpress_has_written(tmp_path: Path, namespace: str) -> None:
    text = NEWSROOM.read_text(encoding="utf-8")
    variant = tmp_path / "export.xml"
    variant.write_text(
        text.replace("http://wordpress.org/export/1.2/", namespace), encoding="utf-8"
    )
    result = _run(variant)
    assert (result.created, result.failed) == (5, 0)
    assert Comment.objects.count() > 0


@pytest.mark.django_db
def test_a_file_with_nothing_importable_fails_and_says_why(tmp_path: Path) -> None:
    text = NEWSROOM.read_text(encoding="utf-8")
    menus_only = tmp_path / "menus.xml"
    menus_only.write_text(
        text.replace(
            "<wp:post_type><![CDATA[post]]></wp:post_type>",
            "<wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>",
        ).replace(
            "<wp:post_type><![CDATA[page]]></wp:post_type>",
            "<wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>",
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match=r"Nothing was imported: none of the .* items read"):
        call_command("import", "wordpress", str(menus_only), stdout=io.StringIO())
    assert Story.objects.count() == 0
    # Running an import again that finds everything already there is no error.
    call_command("import", "wordpress", str(NEWSROOM), stdout=io.StringIO())
    call_command("import", "wordpress", str(NEWSROOM), stdout=io.StringIO())


@pytest.mark.django_db
def test_wordpress_slugs_are_made_valid(tmp_path: Path) -> None:
    """WordPress allows capitals and underscores in category and post names; Patrika's
    slugs do not, so both go through slugify (and Hindi names keep their matras)."""
    odd = tmp_path / "odd-slugs.xml"
    odd.write_text(
        NEWSROOM.read_text(encoding="utf-8")
        .replace('nicename="world"', 'nicename="World_News%20Desk"')
        .replace("[india-russia-review-ties]", "[India_Russia%20Review--Ties]")
        .replace("[cricket-final-hi]", f"[{quote('क्रिकेट_फ़ाइनल')}]"),
        encoding="utf-8",
    )
    result = _run(odd)
    assert result.failed == 0, result.summary()
    story = _story("India and Russia review ties after the Alaska summit")
    assert story.section.slug == "world-news-desk"
    assert story.translations.get(language="en").slug == "india-russia-review-ties"
    cricket = _story("Cricket: India reach the final").translations.get(language="hi")
    assert cricket.slug == normalize("क्रिकेट-फ़ाइनल")
    call_command("check", databases=["default"], fail_level="WARNING")


def _xml_text(value: str) -> str | None:
    """`value` escaped for XML text, or None if XML 1.0 cannot hold it (C0 controls)."""
    if any(ord(c) < 0x20 and c not in "\t\n\r" for c in value):
        return None
    return escape(value)


def _link_item(post_id: int, *, source: str, attachment: str | None, website: str | None) -> str:
    """A post whose source (JSON), featured image and commenter's website carry the given URLs
    (`attachment` and `website` as raw XML text: entities are decoded by the parser)."""
    sources = json.dumps([{"title": f"Source {post_id}", "publisher": "The Wire", "url": source}])
    out = []
    if attachment is not None:
        out.append(
            f"<item><title>Photo {post_id}</title><wp:post_id>{post_id + 1000}</wp:post_id>"
            f"<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
            f"<wp:attachment_url>{attachment}</wp:attachment_url></item>"
        )
    comment = (
        f"<wp:comment><wp:comment_id>{post_id}</wp:comment_id>"
        f"<wp:comment_author>Reader</wp:comment_author>"
        f"<wp:comment_author_url>{website}</wp:comment_author_url>"
        f"<wp:comment_date_gmt>2025-08-18 10:30:00</wp:comment_date_gmt>"
        f"<wp:comment_content>Kept, whatever its website.</wp:comment_content>"
        f"<wp:comment_approved>1</wp:comment_approved></wp:comment>"
        if website is not None
        else ""
    )
    thumbnail = (
        f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        f"<wp:meta_value>{post_id + 1000}</wp:meta_value></wp:postmeta>"
        if attachment is not None
        else ""
    )
    out.append(
        f"<item><title>Post {post_id}</title><wp:post_id>{post_id}</wp:post_id>"
        f"<content:encoded><![CDATA[<p>Body of post {post_id}.</p>]]></content:encoded>"
        f"<wp:post_date_gmt>2025-08-18 10:00:00</wp:post_date_gmt>"
        f"<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        f"<wp:postmeta><wp:meta_key>_patrika_sources</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{sources}]]></wp:meta_value></wp:postmeta>"
        f"{thumbnail}{comment}</item>"
    )
    return "\n".join(out)


@pytest.mark.django_db
def test_unsafe_urls_are_not_stored_and_warnings_name_the_items(tmp_path: Path) -> None:
    # (post id, whether the featured image and the comment carry the URL too).
    hostile: list[tuple[int, bool]] = []
    items = []
    for n, url in enumerate(HOSTILE_VALUES, start=100):
        text = _xml_text(url)
        items.append(_link_item(n, source=url, attachment=text, website=text))
        hostile.append((n, text is not None))
    # Character references in the XML itself: the parser turns them into "javascript:".
    items.append(
        _link_item(
            90,
            source="\u006aavascript:alert(1)",
            attachment="&#106;avascript&#58;alert(1)",
            website="jav&#x09;ascript&#x3A;alert(1)",
        )
    )
    hostile.append((90, True))
    good = PUBLIC_URLS[0]
    items.append(_link_item(91, source=good, attachment=escape(good), website=escape(good)))
    path = tmp_path / "links.xml"
    path.write_text(
        NEWSROOM.read_text(encoding="utf-8").split("<item>", 1)[0]
        + "\n".join(items)
        + "\n</channel>\n</rss>\n",
        encoding="utf-8",
    )

    result = _run(path)

    assert (result.created, result.failed) == (len(hostile) + 1, 0), result.summary()
    assert set(stored_urls()) == {good}
    # Nothing else of an item is lost: its source keeps its title, its comment its text.
    for n, everywhere in hostile:
        story = _story(f"Post {n}")
        assert [(s.title, s.url) for s in story.sources.all()] == [(f"Source {n}", "")]
        warnings = [w for w in result.warnings if f"(post {n}," in w]
        assert any(f"source 'Source {n}': URL" in w and "refused" in w for w in warnings)
        if everywhere:
            assert story.featured_image is None
            assert Comment.objects.get(story=story).body == "Kept, whatever its website."
            assert any("featured image: URL" in w for w in warnings), warnings
            assert any(f"comment {n}: website: URL" in w for w in warnings), warnings
    kept = _story("Post 91")
    assert kept.sources.get().url == good
    assert kept.featured_image.source_url == good
    assert Comment.objects.get(story=kept).website == good
    assert not [w for w in result.warnings if "(post 91," in w]


# Every well-formed export among the fixtures (the theme-test-shaped one, and WordPress's own
# Theme Unit Test file when it is put beside it): every post and page, every comment.
WXR_SAMPLES = sorted(
    p for p in WXR.glob("*.xml") if p.name not in ("bomb.xml", "missing-fields.xml")
)
IMPORTED_STATUSES = {"publish", "future", "draft", "pending", "private"}


def _count_in_file(path: Path) -> tuple[int, int, int]:
    """(posts and pages, their comments, their pingbacks and trackbacks), read with a plain
    XML parser whatever the WXR namespace."""
    import xml.etree.ElementTree as ET

    def child(element: ET.Element, name: str) -> str:
        found = next((c for c in element if c.tag.rsplit("}", 1)[-1] == name), None)
        return (found.text or "").strip() if found is not None else ""

    posts = comments = pings = 0
    for item in ET.parse(path).getroot().iter("item"):
        if child(item, "post_type") not in ("post", "page"):
            continue
        if child(item, "status") not in IMPORTED_STATUSES:
            continue
        posts += 1
        for comment in item:
            if comment.tag.rsplit("}", 1)[-1] != "comment":
                continue
            if child(comment, "comment_type") in ("pingback", "trackback"):
                pings += 1
            else:
                comments += 1
    return posts, comments, pings


@pytest.mark.django_db
@pytest.mark.parametrize("path", WXR_SAMPLES, ids=[p.name for p in WXR_SAMPLES])
def test_every_post_page_and_comment_of_a_sample_export_is_imported(path: Path) -> None:
    posts, comments, pings = _count_in_file(path)
    assert posts > 0
    result = run_import(kind="wordpress", paths=[path], options=ImportOptions())
    assert result.failed == 0, result.summary()
    assert Translation.objects.count() == posts, result.summary()
    assert Comment.objects.count() == comments
    # Pingbacks and trackbacks are links from other blogs, not readers' comments: counted.
    assert ("pingbacks/trackbacks not imported" in result.summary()) == (pings > 0)
    # Threads are kept: a reply's parent is the comment it answered in the file.
    for comment in Comment.objects.exclude(parent=None):
        assert comment.parent.story_id == comment.story_id


@pytest.mark.django_db
def test_polylang_term_translations_become_one_tag_with_a_name_per_language(client) -> None:
    result = run_import(
        kind="wordpress", paths=[WXR / "polylang-tags.xml"], options=ImportOptions()
    )
    assert result.failed == 0 and result.created == 2, result.summary()
    names = {t.name: {n.language: n.name for n in t.names.all()} for t in Tag.objects.all()}
    assert names == {"Monsoon": {"hi": "मानसून"}, "Delhi": {"hi": "दिल्ली"}, "Cricket": {}}
    pair = Story.objects.get(translations__slug="monsoon-reaches-delhi")
    hindi_only = Story.objects.get(translations__slug="mumbai-rain")
    assert sorted(t.name for t in pair.tags.all()) == ["Cricket", "Delhi", "Monsoon"]
    assert [t.name for t in hindi_only.tags.all()] == ["Monsoon"]
    for story in (pair, hindi_only):
        page = client.get(story.translations.get(language="hi").get_absolute_url()).text
        assert '/hi/tag/monsoon/">मानसून</a>' in page
    english = client.get(pair.translations.get(language="en").get_absolute_url()).text
    assert '/en/tag/monsoon/">Monsoon</a>' in english and '/en/tag/delhi/">Delhi</a>' in english
