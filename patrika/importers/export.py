"""The whole archive out again: Patrika JSON (documented in docs/importing.md, read back by
`patrika import json`) and WordPress WXR (read by WordPress and by `patrika import wordpress`).

Both are written story by story (constant memory). Commenters' email and IP addresses, and
authors' emails, are private: they are written only for a private backup (`include_private`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from html import escape
from typing import Any, TextIO
from urllib.parse import quote

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from patrika.comments.models import Comment, CommentStatus
from patrika.newsroom.models import Image, Story, StoryStatus, Translation

FORMAT = "patrika-export"
# 2: tags are objects with their names per language (version 1 wrote a list of names).
VERSION = 2
PRIVATE_COMMENT_FIELDS = ("email", "ip_address", "user_agent")


def export_stories() -> QuerySet[Story]:
    return (
        Story.objects.order_by("pk")
        .select_related("section", "featured_image")
        .prefetch_related(
            "section__names",
            "tags__names",
            "authors",
            "sources",
            Prefetch("translations", queryset=Translation.objects.order_by("language")),
            Prefetch("comments", queryset=Comment.objects.order_by("created_at", "pk")),
        )
    )


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def image_url(image: Image) -> str:
    if image.file:
        url = image.file.url
        return url if url.startswith("http") else settings.PATRIKA_SITE_URL + url
    return image.source_url


def story_record(story: Story, *, include_private: bool) -> dict[str, Any]:
    """One story as the JSON export writes it (see docs/importing.md for every field)."""
    image = story.featured_image
    return {
        "id": story.pk,
        "import_source": story.import_source,
        "status": story.status,
        "original_language": story.original_language,
        "published_at": _iso(story.published_at),
        "created_at": _iso(story.created_at),
        "updated_at": _iso(story.updated_at),
        "comments_open": story.comments_open,
        "section": {
            "slug": story.section.slug,
            "names": {n.language: n.name for n in story.section.names.all()},
        }
        if story.section
        else None,
        "tags": [
            {"name": t.name, "slug": t.slug, "names": {n.language: n.name for n in t.names.all()}}
            for t in story.tags.all()
        ],
        "authors": [
            {"name": a.name, "slug": a.slug, "bio": a.bio}
            | ({"email": a.email} if include_private else {})
            for a in story.authors.all()
        ],
        "featured_image": {
            "url": image_url(image),
            "source_url": image.source_url,
            "file": image.file.name or "",
            "credit": image.credit,
            "width": image.width,
            "height": image.height,
        }
        if image
        else None,
        "sources": [
            {"title": s.title, "publisher": s.publisher, "url": s.url} for s in story.sources.all()
        ],
        "translations": [
            {
                "language": t.language,
                "state": t.state,
                "title": t.title,
                "slug": t.slug,
                "summary": t.summary,
                "body": t.body,
                "seo_description": t.seo_description,
                "image_alt": t.image_alt,
                "image_caption": t.image_caption,
                "updated_at": _iso(t.updated_at),
            }
            for t in story.translations.all()
        ],
        "comments": [
            comment_record(c, include_private=include_private) for c in story.comments.all()
        ],
    }


def comment_record(comment: Comment, *, include_private: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": comment.pk,
        "parent": comment.parent_id,
        "import_source": comment.import_source,
        "language": comment.language,
        "name": comment.name,
        "website": comment.website,
        "body": comment.body,
        "status": comment.status,
        "created_at": _iso(comment.created_at),
    }
    if include_private:
        record.update({f: getattr(comment, f) or "" for f in PRIVATE_COMMENT_FIELDS})
    return record


def export_json(
    *, out: TextIO, include_private: bool = False, advance: Callable[[], None] | None = None
) -> int:
    """Write the archive as Patrika JSON: a header line, then one story per line.

    The file is one valid JSON document; the line layout only lets `import json` stream it.
    """
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _iso(timezone.now()),
        "site": {"name": settings.PATRIKA_SITE_NAME, "url": settings.PATRIKA_SITE_URL},
        "languages": [code for code, _ in settings.LANGUAGES],
        "private": include_private,
    }
    opening = json.dumps(header, ensure_ascii=False)[:-1] + ', "stories": [\n'
    out.write(opening)
    count = 0
    for story in export_stories().iterator(chunk_size=200):
        record = json.dumps(
            story_record(story, include_private=include_private), ensure_ascii=False
        )
        out.write((",\n" if count else "") + record)
        count += 1
        if advance:
            advance()
    out.write("\n]}\n")
    return count


# WXR ---------------------------------------------------------------------------------------
WXR_STATUS = {
    StoryStatus.PUBLISHED: "publish",
    StoryStatus.SCHEDULED: "future",
    StoryStatus.DRAFT: "draft",
    StoryStatus.IN_REVIEW: "pending",
    StoryStatus.ARCHIVED: "private",
}
WXR_COMMENT_STATUS = {
    CommentStatus.APPROVED: "1",
    CommentStatus.PENDING: "0",
    CommentStatus.SPAM: "spam",
    CommentStatus.TRASH: "trash",
}
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _cdata(text: str | None) -> str:
    text = _XML_INVALID.sub("", text or "").replace("]]>", "]]]]><![CDATA[>")
    # XML parsers read a carriage return as a line feed, even in CDATA; a character reference
    # between two sections keeps it.
    return "<![CDATA[" + text.replace("\r", "]]>&#13;<![CDATA[") + "]]>"


def _attr(text: str) -> str:
    return (
        _XML_INVALID.sub("", text)
        .replace("&", "&amp;")
        .replace("\r", "&#13;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def _wp_date(value: datetime | None, *, gmt: bool) -> str:
    if value is None:
        return "0000-00-00 00:00:00"
    value = value.astimezone(UTC) if gmt else timezone.localtime(value)
    return value.strftime("%Y-%m-%d %H:%M:%S")


def post_id(translation: Translation) -> int:
    # Posts and attachments share WordPress's id space: even ids for posts, odd for images.
    return translation.pk * 2


def attachment_id(image: Image) -> int:
    return image.pk * 2 + 1


WXR_HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- WordPress eXtended RSS, written by Patrika (patrika export, WXR format). -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
"""


def _meta(key: str, value: str) -> str:
    return (
        f"\t\t<wp:postmeta><wp:meta_key>{_cdata(key)}</wp:meta_key>"
        f"<wp:meta_value>{_cdata(value)}</wp:meta_value></wp:postmeta>\n"
    )


def _wxr_channel(include_private: bool) -> Iterator[str]:
    from patrika.newsroom.models import Author, Section, Tag

    site = settings.PATRIKA_SITE_URL
    yield f"\t<title>{_cdata(settings.PATRIKA_SITE_NAME)}</title>\n\t<link>{_attr(site)}</link>\n"
    yield f"\t<language>{_attr(settings.LANGUAGE_CODE)}</language>\n"
    yield "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
    yield f"\t<wp:base_site_url>{_attr(site)}</wp:base_site_url>\n"
    yield f"\t<wp:base_blog_url>{_attr(site)}</wp:base_blog_url>\n"
    for author in Author.objects.order_by("pk").iterator():
        email = author.email if include_private else ""
        yield (
            f"\t<wp:author><wp:author_id>{author.pk}</wp:author_id>"
            f"<wp:author_login>{_cdata(author.slug)}</wp:author_login>"
            f"<wp:author_email>{_cdata(email)}</wp:author_email>"
            f"<wp:author_display_name>{_cdata(author.name)}</wp:author_display_name>"
            f"</wp:author>\n"
        )
    for section in Section.objects.prefetch_related("names").order_by("pk"):
        yield (
            f"\t<wp:category><wp:term_id>{section.pk}</wp:term_id>"
            f"<wp:category_nicename>{_cdata(section.slug)}</wp:category_nicename>"
            f"<wp:category_parent>{_cdata('')}</wp:category_parent>"
            f"<wp:cat_name>{_cdata(section.name_for(settings.LANGUAGE_CODE))}</wp:cat_name>"
            f"</wp:category>\n"
        )
    for tag in Tag.objects.order_by("pk").iterator():
        yield (
            f"\t<wp:tag><wp:term_id>{tag.pk}</wp:term_id>"
            f"<wp:tag_slug>{_cdata(tag.slug)}</wp:tag_slug>"
            f"<wp:tag_name>{_cdata(tag.name)}</wp:tag_name></wp:tag>\n"
        )


def _wxr_items(story: Story, *, include_private: bool) -> Iterator[str]:
    translations = list(story.translations.all())
    if not translations:
        return
    image = story.featured_image
    if image is not None:
        url = image_url(image)
        yield (
            f"\t<item>\n\t\t<title>{_cdata(image.credit or url.rsplit('/', 1)[-1])}</title>\n"
            f"\t\t<wp:post_id>{attachment_id(image)}</wp:post_id>\n"
            f"\t\t<wp:status>inherit</wp:status>\n\t\t<wp:post_type>attachment</wp:post_type>\n"
            f"\t\t<wp:attachment_url>{_cdata(url)}</wp:attachment_url>\n"
            f"\t\t<excerpt:encoded>{_cdata(translations[0].image_caption)}</excerpt:encoded>\n"
            + _meta("_wp_attachment_image_alt", translations[0].image_alt)
            + (_meta("_patrika_credit", image.credit) if image.credit else "")
            + "\t</item>\n"
        )
    group = f"pll_patrika_{story.pk}"
    sources = json.dumps(
        [{"title": s.title, "publisher": s.publisher, "url": s.url} for s in story.sources.all()],
        ensure_ascii=False,
    )
    languages_present = {t.language for t in translations}
    comments = list(story.comments.all())
    site = settings.PATRIKA_SITE_URL
    for index, translation in enumerate(translations):
        is_original = translation.language == story.original_language or (
            story.original_language not in languages_present and index == 0
        )
        parts = [
            "\t<item>\n",
            f"\t\t<title>{_cdata(translation.title)}</title>\n",
            f"\t\t<link>{_attr(site + translation.get_absolute_url())}</link>\n",
            f'\t\t<guid isPermaLink="false">{_attr(settings.PATRIKA_SITE_URL)}/?p='
            f"{post_id(translation)}</guid>\n",
        ]
        for author in story.authors.all():
            parts.append(f"\t\t<dc:creator>{_cdata(author.slug)}</dc:creator>\n")
            break
        parts += [
            f"\t\t<content:encoded>{_cdata(translation.body_html)}</content:encoded>\n",
            f"\t\t<excerpt:encoded>{_cdata(translation.summary)}</excerpt:encoded>\n",
            f"\t\t<wp:post_id>{post_id(translation)}</wp:post_id>\n",
            f"\t\t<wp:post_date>{_cdata(_wp_date(story.published_at, gmt=False))}</wp:post_date>\n",
            f"\t\t<wp:post_date_gmt>{_cdata(_wp_date(story.published_at, gmt=True))}"
            "</wp:post_date_gmt>\n",
            f"\t\t<wp:comment_status>{_cdata('open' if story.comments_open else 'closed')}"
            "</wp:comment_status>\n",
            f"\t\t<wp:post_name>{_cdata(quote(translation.slug).lower())}</wp:post_name>\n",
            f"\t\t<wp:status>{_cdata(WXR_STATUS.get(story.status, 'draft'))}</wp:status>\n",
            "\t\t<wp:post_parent>0</wp:post_parent>\n",
            "\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n",
        ]
        if story.section:
            names = {n.language: n.name for n in story.section.names.all()}
            name = names.get(translation.language) or story.section.name_for(translation.language)
            parts.append(
                f'\t\t<category domain="category" nicename="{_attr(story.section.slug)}">'
                f"{_cdata(name)}</category>\n"
            )
        for tag in story.tags.all():
            # One term, named in each post's language (WordPress keeps the channel's name).
            parts.append(
                f'\t\t<category domain="post_tag" nicename="{_attr(tag.slug)}">'
                f"{_cdata(tag.name_for(translation.language))}</category>\n"
            )
        parts.append(
            f'\t\t<category domain="language" nicename="{_attr(translation.language)}">'
            f"{_cdata(translation.language)}</category>\n"
        )
        if len(translations) > 1:
            parts.append(
                f'\t\t<category domain="post_translations" nicename="{group}">'
                f"{_cdata(group)}</category>\n"
            )
        if image is not None:
            parts.append(_meta("_thumbnail_id", str(attachment_id(image))))
        # Patrika's own fields, so a Patrika → WXR → Patrika round trip loses nothing.
        parts.append(_meta("_patrika_status", story.status))
        parts.append(_meta("_patrika_state", translation.state))
        parts.append(_meta("_patrika_story", str(story.pk)))
        if is_original:
            parts.append(_meta("_patrika_original", "1"))
            parts.append(_meta("_patrika_original_language", story.original_language))
        if translation.seo_description:
            parts.append(_meta("_patrika_seo_description", translation.seo_description))
        if image is not None:
            parts.append(_meta("_patrika_image_alt", translation.image_alt))
            parts.append(_meta("_patrika_image_caption", translation.image_caption))
        if is_original and story.sources.all():
            parts.append(_meta("_patrika_sources", sources))
        if is_original:
            names = [a.name for a in story.authors.all()]
            parts.append(_meta("_patrika_authors", json.dumps(names, ensure_ascii=False)))
        mine = [
            c
            for c in comments
            if c.language == translation.language
            or (is_original and c.language not in languages_present)
        ]
        for comment in mine:
            parts.append(_wxr_comment(comment, include_private=include_private))
        parts.append("\t</item>\n")
        yield "".join(parts)


def _wxr_comment(comment: Comment, *, include_private: bool) -> str:
    email = comment.email if include_private else ""
    ip = (comment.ip_address or "") if include_private else ""
    return (
        "\t\t<wp:comment>\n"
        f"\t\t\t<wp:comment_id>{comment.pk}</wp:comment_id>\n"
        f"\t\t\t<wp:comment_author>{_cdata(comment.name)}</wp:comment_author>\n"
        f"\t\t\t<wp:comment_author_email>{_cdata(email)}</wp:comment_author_email>\n"
        f"\t\t\t<wp:comment_author_url>{_cdata(comment.website)}</wp:comment_author_url>\n"
        f"\t\t\t<wp:comment_author_IP>{_cdata(ip)}</wp:comment_author_IP>\n"
        f"\t\t\t<wp:comment_date>{_cdata(_wp_date(comment.created_at, gmt=False))}"
        "</wp:comment_date>\n"
        f"\t\t\t<wp:comment_date_gmt>{_cdata(_wp_date(comment.created_at, gmt=True))}"
        "</wp:comment_date_gmt>\n"
        f"\t\t\t<wp:comment_content>{_cdata(escape(comment.body, quote=False))}"
        "</wp:comment_content>\n"
        f"\t\t\t<wp:comment_approved>{_cdata(WXR_COMMENT_STATUS.get(comment.status, '0'))}"
        "</wp:comment_approved>\n"
        "\t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>\n"
        f"\t\t\t<wp:comment_parent>{comment.parent_id or 0}</wp:comment_parent>\n"
        "\t\t</wp:comment>\n"
    )


def export_wxr(
    *, out: TextIO, include_private: bool = False, advance: Callable[[], None] | None = None
) -> int:
    """Write the archive as a WordPress export (WXR 1.2) with Polylang language data."""
    out.write(WXR_HEAD)
    for chunk in _wxr_channel(include_private):
        out.write(chunk)
    count = 0
    for story in export_stories().iterator(chunk_size=200):
        for chunk in _wxr_items(story, include_private=include_private):
            out.write(chunk)
        count += 1
        if advance:
            advance()
    out.write("</channel>\n</rss>\n")
    return count


EXPORTERS: dict[str, Callable[..., int]] = {"json": export_json, "wxr": export_wxr}
