"""WordPress (WXR) import: posts and pages with their authors, categories, tags, comments
(status and threading kept), featured images, and Polylang/WPML translations as one story.

Two streaming passes: the first notes attachments, translation groups and the item count (a
few bytes per item); the second imports. Translations of one post are buffered only until the
group is complete.
"""

from __future__ import annotations

import ipaddress
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.utils import timezone

from patrika import languages
from patrika.comments.models import WEBSITE_MAX_LENGTH, Comment, CommentStatus
from patrika.newsroom import services
from patrika.newsroom.models import (
    Image,
    Section,
    Story,
    StoryStatus,
)
from patrika.newsroom.services import SourceData, StoryData, TagData, TranslationData
from patrika.text import MARKUP_SPACE, slugify

from .base import (
    FAILED,
    SKIPPED,
    BaseImporter,
    CommitEvery,
    ItemError,
    checksum,
    comments_upsert,
    free_slugs,
    public_url_or_warn,
    story_upsert,
    translation_states_set,
)
from .htmlmd import html_to_markdown, html_to_text
from .language import language_decide, language_name
from .media import image_for_url
from .wxr import WxrChannel, WxrItem, read_wxr

STATUSES = {
    "publish": StoryStatus.PUBLISHED,
    "future": StoryStatus.SCHEDULED,
    "draft": StoryStatus.DRAFT,
    "pending": StoryStatus.IN_REVIEW,
    "private": StoryStatus.DRAFT,
}
COMMENT_STATUSES = {
    "1": CommentStatus.APPROVED,
    "approve": CommentStatus.APPROVED,
    "0": CommentStatus.PENDING,
    "hold": CommentStatus.PENDING,
    "spam": CommentStatus.SPAM,
    "trash": CommentStatus.TRASH,
}
POST_TYPES = ("post", "page")
# Taxonomies that are not tags: Polylang's bookkeeping and post formats.
NOT_TAGS = {"language", "post_translations", "post_format", "term_language", "term_translations"}
WPML_LANGUAGE = ("_wpml_import_language_code", "_wpml_language", "wpml_language")
WPML_GROUP = ("_wpml_import_translation_group", "_wpml_trid", "wpml_trid")
NO_DATE = "0000-00-00 00:00:00"


@dataclass
class Attachment:
    url: str
    title: str = ""
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass
class Scan:
    items: int = 0
    attachments: dict[str, Attachment] = field(default_factory=dict)
    groups: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def skip_reason(item: WxrItem) -> str | None:
    if item.post_type not in POST_TYPES:
        return f"post type {item.post_type or '(none)'!r} is not imported"
    if item.status not in STATUSES:
        return f"status {item.status or '(none)'!r} is not imported"
    return None


def group_of(item: WxrItem) -> str | None:
    for domain, nicename, _name in item.categories:
        if domain == "post_translations" and nicename:
            return f"pll:{nicename}"
    for key in WPML_GROUP:
        if item.meta.get(key):
            return f"wpml:{item.meta[key]}"
    return None


def language_of(item: WxrItem, *, site_language: str = "", forced: str = "") -> str:
    """The item's language: Polylang's or WPML's when the site publishes it; without one, its
    script and the site's `<language>` decide (`language_decide`). ItemError for a language
    the site does not publish, unless `forced` names the language to store it under."""
    code = next((n for d, n, _ in item.categories if d == "language" and n), "")
    code = code or next((item.meta[k] for k in WPML_LANGUAGE if item.meta.get(k)), "")
    code = code.lower().replace("_", "-")
    configured = languages.codes()
    if code:
        for candidate in (code, code.split("-")[0]):
            if candidate in configured:
                return candidate
        if forced:
            return forced
        raise ItemError(
            f"in {language_name(code.split('-')[0])} ({code!r} in Polylang/WPML), which is not "
            f"one of this site's languages ({', '.join(configured)}); to import it anyway, name "
            "the language to store it under with --language"
        )
    return language_decide(
        text=f"{item.title or ''} {html_to_text(item.content)[:400]}",
        declared=site_language,
        forced=forced,
        what="the post",
    ).language


def parse_date(value: str, *, gmt: bool) -> datetime | None:
    value = (value or "").strip()
    if not value or value == NO_DATE:
        return None
    try:
        naive = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        raise ItemError(f"bad date {value!r}") from None
    if gmt:
        return naive.replace(tzinfo=UTC)
    return timezone.make_aware(naive)


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


class WordPressImporter(BaseImporter):
    name = "wordpress"
    suffixes = (".xml", ".wxr")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._scans: dict[Path, Scan] = {}
        self._sections: dict[tuple[str, tuple[tuple[str, str], ...]], Section] = {}
        self._images: dict[str, Image] = {}
        self._site_language = ""
        self._languages: dict[int, str] = {}

    def language(self, item: WxrItem) -> str:
        if id(item) not in self._languages:
            self._languages[id(item)] = language_of(
                item, site_language=self._site_language, forced=self.options.language
            )
        return self._languages[id(item)]

    # Pass 1 ---------------------------------------------------------------------------------
    def scan(self, path: Path) -> Scan:
        if path in self._scans:
            return self._scans[path]
        scan = Scan()
        for item in read_wxr(path, WxrChannel()):
            scan.items += 1
            if item.post_type == "attachment" and item.post_id:
                url = item.attachment_url or item.link
                scan.attachments[item.post_id] = Attachment(
                    url=url,
                    credit=item.meta.get("_patrika_credit", ""),
                    title=item.title or "",
                    alt=item.meta.get("_wp_attachment_image_alt", ""),
                    caption=html_to_text(item.excerpt),
                )
            elif skip_reason(item) is None and item.post_id and (group := group_of(item)):
                scan.groups[group].add(item.post_id)
        self._scans[path] = scan
        return scan

    def estimate(self, path: Path) -> int | None:
        return self.scan(path).items

    # Pass 2 ---------------------------------------------------------------------------------
    def import_file(self, path: Path, *, advance: Callable[..., None]) -> None:
        self._advance = advance
        scan = self.scan(path)
        channel = WxrChannel()
        pending: dict[str, list[WxrItem]] = {}
        with CommitEvery() as batch:
            self.import_stream(path, channel=channel, scan=scan, pending=pending, batch=batch)
            for items in pending.values():  # groups cut short (a truncated file)
                self.import_items(items, path=path, channel=channel, scan=scan)

    def import_stream(
        self,
        path: Path,
        *,
        channel: WxrChannel,
        scan: Scan,
        pending: dict[str, list[WxrItem]],
        batch: CommitEvery,
    ) -> None:
        advance = self._advance
        for item in read_wxr(path, channel):
            advance()
            batch.tick()
            if item.post_type == "attachment":
                continue
            where = f"{path}: {item.label()}"
            if reason := skip_reason(item):
                self.result.add(SKIPPED, where, reason, importable=False)
                continue
            if not item.post_id.strip():
                self.result.add(FAILED, where, "missing <wp:post_id>")
                continue
            group = group_of(item)
            members = scan.groups.get(group or "", set())
            if group and len(members) > 1 and item.post_id in members:
                pending.setdefault(group, []).append(item)
                if len(pending[group]) < len(members):
                    continue
                self.import_items(pending.pop(group), path=path, channel=channel, scan=scan)
            else:
                self.import_items([item], path=path, channel=channel, scan=scan)

    def import_items(
        self, items: list[WxrItem], *, path: Path, channel: WxrChannel, scan: Scan
    ) -> Story | None:
        self._site_language = channel.language
        self._languages.clear()
        # The earliest item of a translation group is taken as the original.
        items.sort(
            key=lambda i: (
                i.meta.get("_patrika_original") != "1",
                parse_date_safe(i.date_gmt),
                len(i.post_id),
                i.post_id,
            )
        )
        first = items[0]
        where = f"{path}: {first.label()}" + (
            f" with translations {', '.join(i.post_id for i in items[1:])}" if items[1:] else ""
        )
        site = urlparse(channel.base_site_url or channel.link).netloc or path.stem
        ids = sorted((i.post_id for i in items), key=lambda v: (len(v), v))
        key = f"wxr:{site}:post:{ids[0]}"
        thumbnails = [scan.attachments.get(i.meta.get("_thumbnail_id", "")) for i in items]
        digest = checksum(
            [i.digest_data() for i in items],
            [vars(t) if t else None for t in thumbnails],
            [channel.authors.get(i.creator, "") for i in items],
            str(self.options.uploads or ""),
        )

        def build(existing: Story | None) -> StoryData:
            return self.story_data(items, channel=channel, scan=scan, existing=existing)

        def after_save(story: Story, created: bool) -> None:
            self.save_comments(story, items, site=site, where=where, fresh=created)
            states = {self.language(i): i.meta.get("_patrika_state", "") for i in items}
            translation_states_set(story=story, states=states)

        story = story_upsert(
            key=key,
            importer=self.name,
            where=where,
            digest=digest,
            build=build,
            result=self.result,
            options=self.options,
            after_save=after_save,
        )
        if story is None:
            # A rolled-back item may have created sections or images: forget them.
            self._sections.clear()
            self._images.clear()
        return story

    def story_data(
        self, items: list[WxrItem], *, channel: WxrChannel, scan: Scan, existing: Story | None
    ) -> StoryData:
        first = items[0]
        translations: list[TranslationData] = []
        seen: set[str] = set()
        for item in items:
            if not item.post_id:
                raise ItemError("missing <wp:post_id>")
            if item.title is None:
                raise ItemError("missing <title>")
            language = self.language(item)
            if language in seen:
                raise ItemError(f"two translations in {language!r}")
            seen.add(language)
            body = html_to_markdown(item.content, autop=True)
            title = item.title.strip(MARKUP_SPACE)
            if not title:
                title = _title_from(body)
                self.result.warn(item.label(), f"no title; used {title!r}")
            slug = slugify(unquote(item.post_name)) if item.post_name else ""
            thumbnail = scan.attachments.get(item.meta.get("_thumbnail_id", ""))
            translations.append(
                TranslationData(
                    language=language,
                    title=title[:300],
                    body=body,
                    summary=html_to_text(item.excerpt),
                    slug=slug,
                    seo_description=item.meta.get("_patrika_seo_description", "")[:300],
                    image_alt=item.meta.get(
                        "_patrika_image_alt", thumbnail.alt if thumbnail else ""
                    )[:300],
                    image_caption=item.meta.get(
                        "_patrika_image_caption", thumbnail.caption if thumbnail else ""
                    )[:500],
                )
            )
        free_slugs(translations, existing)
        statuses = [STATUSES[i.status] for i in items]
        if any(i.password for i in items):
            # Patrika has no password-protected stories: keep them out of public view.
            statuses = [StoryStatus.DRAFT]
            self.result.warn(first.label(), "password-protected in WordPress: imported as a draft")
        status = next(
            (s for s in (StoryStatus.PUBLISHED, StoryStatus.SCHEDULED) if s in statuses),
            statuses[0],
        )
        if first.meta.get("_patrika_status") in StoryStatus.values:
            status = StoryStatus(first.meta["_patrika_status"])
        published_at = parse_date(first.date_gmt, gmt=True)
        if published_at is None and status != StoryStatus.DRAFT:
            published_at = parse_date(first.date, gmt=False)
        tags: dict[object, TagData] = {}
        authors: dict[str, str] = {}
        section = None
        for item in items:
            categories = [(n, name) for d, n, name in item.categories if d == "category"]
            if section is None and categories:
                section = self.section(items)
            for domain, nicename, name in item.categories:
                is_extra_category = domain == "category" and categories[0][1] != name
                if name and (is_extra_category or domain not in (*NOT_TAGS, "category")):
                    _tag_add(tags, channel, domain, nicename, name, language=language_of(item))
            if item.creator:
                name = channel.authors.get(item.creator, item.creator)
                authors.setdefault(name, name)
        if first.meta.get("_patrika_authors"):
            try:
                authors = {str(n): str(n) for n in json.loads(first.meta["_patrika_authors"])}
            except ValueError as error:
                raise ItemError(f"unreadable _patrika_authors: {error}") from None
        thumbnail = next(
            (scan.attachments[i.meta["_thumbnail_id"]] for i in items
             if i.meta.get("_thumbnail_id") in scan.attachments),
            None,
        )  # fmt: skip
        image = self.image(thumbnail, where=first.label()) if thumbnail else None
        sources = []
        if first.meta.get("_patrika_sources"):
            try:
                sources = [SourceData(**s) for s in json.loads(first.meta["_patrika_sources"])]
            except (ValueError, TypeError) as error:
                raise ItemError(f"unreadable _patrika_sources: {error}") from None
        for source in sources:
            source.url = public_url_or_warn(
                source.url, result=self.result, where=first.label(), what=f"source {source.title!r}"
            )
        return StoryData(
            translations=translations,
            original_language=first.meta.get("_patrika_original_language")
            or translations[0].language,
            status=status,
            published_at=published_at,
            section=section,
            tags=list(tags.values()),
            authors=list(authors.values()),
            featured_image=image,
            sources=sources,
            comments_open=first.comment_status != "closed",
        )

    def section(self, items: Iterable[WxrItem]) -> Section | None:
        names: dict[str, str] = {}
        slug = ""
        for item in items:
            category = next(((n, name) for d, n, name in item.categories if d == "category"), None)
            if category:
                slug = slug or slugify(unquote(category[0]), max_length=80)
                names.setdefault(self.language(item), category[1][:80] or category[0])
        if not slug:
            return None
        cache_key = (slug, tuple(sorted(names.items())))
        if cache_key not in self._sections:
            self._sections[cache_key] = services.section_get_or_create(slug=slug, names=names)
        return self._sections[cache_key]

    def image(self, attachment: Attachment, *, where: str) -> Image | None:
        url = public_url_or_warn(
            attachment.url, result=self.result, where=where, what="featured image"
        )
        if not url:
            return None
        if url not in self._images:
            self._images[url] = image_for_url(
                url=url,
                uploads=self.options.uploads,
                credit=attachment.credit,
                dry_run=self.options.dry_run,
                warn=partial(self.result.warn, attachment.url),
            )
        return self._images[url]

    def save_comments(
        self, story: Story, items: list[WxrItem], *, site: str, where: str, fresh: bool = False
    ) -> None:
        """Create or update the items' comments; `fresh`: the story was just created, so none
        of them can exist yet (one query saved per post on a first import)."""
        wanted: list[tuple[str, Comment, str]] = []  # (wp id, comment, wp parent id)
        skipped = 0
        for item in items:
            language = self.language(item)
            for wp in item.comments:
                if wp.type in ("pingback", "trackback"):
                    skipped += 1
                    continue
                if not wp.id:
                    raise ItemError("a comment has no <wp:comment_id>")
                created = parse_date(wp.date_gmt, gmt=True) or parse_date(wp.date, gmt=False)
                comment = Comment(
                    story=story,
                    language=language,
                    name=(wp.author.strip() or "Anonymous")[:100],
                    email=wp.email.strip()[:254],
                    website=public_url_or_warn(
                        wp.url,
                        result=self.result,
                        where=where,
                        what=f"comment {wp.id}: website",
                        max_length=WEBSITE_MAX_LENGTH,
                    ),
                    body=html_to_text(wp.content),
                    status=COMMENT_STATUSES.get(wp.approved.strip(), CommentStatus.PENDING),
                    created_at=created or timezone.now(),
                    ip_address=_valid_ip(wp.ip),
                    import_source=f"wxr:{site}:comment:{wp.id}",
                )
                wanted.append((wp.id, comment, wp.parent.strip() or "0"))
        if skipped:
            self.result.warn(where, f"{skipped} pingbacks/trackbacks not imported")
        if not wanted:
            return
        fields = ["story", "language", "name", "email", "website", "body", "status"]
        fields += ["created_at", "ip_address"]
        rows = [
            (wp_id, comment, parent if parent != "0" else None) for wp_id, comment, parent in wanted
        ]
        orphans = comments_upsert(
            rows=rows, fresh=fresh, fields=fields, keep_if_blank=("email", "ip_address")
        )
        for wp_id in orphans:
            self.result.warn(where, f"comment {wp_id} replies to a comment not in the file")


def _tag_add(
    tags: dict[object, TagData],
    channel: WxrChannel,
    domain: str,
    nicename: str,
    name: str,
    *,
    language: str,
) -> None:
    """Add a post's term to the story's tags, one tag per term with its name per language.

    One term is one tag: the same term on each translation (Patrika's own export names it in
    each post's language), or the terms Polylang links as translations of each other.
    """
    linked = {
        code: term
        for raw, term in channel.term_translations(domain, nicename).items()
        if (code := _configured(raw)) and term
    }
    key: object = (
        ("linked", tuple(sorted(linked.items())))
        if linked
        else ((domain, nicename) if nicename else name.casefold())
    )
    if key not in tags:
        own = next((linked[code] for code in languages.codes() if code in linked), "")
        own = own or channel.term_name(domain, nicename) or name
        tags[key] = TagData(name=own, names=dict(linked))
    tags[key].names.setdefault(language, name)


def _configured(code: str) -> str | None:
    """The configured language a WordPress language code ("hi", "hi_IN") stands for."""
    code = code.lower().replace("_", "-")
    configured = languages.codes()
    if code in configured:
        return code
    return code.split("-")[0] if code.split("-")[0] in configured else None


def parse_date_safe(value: str) -> datetime:
    try:
        return parse_date(value, gmt=True) or datetime.max.replace(tzinfo=UTC)
    except ItemError:
        return datetime.max.replace(tzinfo=UTC)


def _title_from(body: str) -> str:
    text = " ".join(body.split())[:80]
    return text.rsplit(" ", 1)[0] if len(text) == 80 else text or "Untitled"
