"""Reading WordPress export (WXR) files safely and in constant memory.

defusedxml's parser refuses DTDs, entity declarations (the "billion laughs" bomb) and external
references; elements are cleared as soon as an item has been read, so a 10,000-post file needs
no more memory than a 10-post one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import TreeBuilder, XMLPullParser

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from .base import ImportFileError

# Keyed without the scheme: WordPress has written these namespaces with http:// and https://.
_PREFIXES = {
    "purl.org/rss/1.0/modules/content/": "content",
    "purl.org/dc/elements/1.1/": "dc",
    "wellformedweb.org/CommentAPI/": "wfw",
}
CHUNK = 64 * 1024


def local_name(tag: str) -> str:
    """ "{http://wordpress.org/export/1.2/}post_id" → "wp:post_id" (any WXR version, 1.0–1.2,
    http or https)."""
    if not tag.startswith("{"):
        return tag
    uri, _, name = tag[1:].partition("}")
    address = uri.partition("://")[2] or uri
    if address.startswith("wordpress.org/export/"):
        return ("excerpt:" if address.rstrip("/").endswith("excerpt") else "wp:") + name
    prefix = _PREFIXES.get(address)
    return f"{prefix}:{name}" if prefix else name


@dataclass
class WxrComment:
    id: str
    parent: str = "0"
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = "1"
    type: str = ""


@dataclass
class WxrItem:
    line: int
    title: str | None = None
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_id: str = ""
    date: str = ""
    date_gmt: str = ""
    comment_status: str = ""
    post_name: str = ""
    status: str = ""
    post_parent: str = "0"
    post_type: str = ""
    password: str = ""
    attachment_url: str = ""
    categories: list[tuple[str, str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[WxrComment] = field(default_factory=list)

    def label(self) -> str:
        title = (self.title or "").strip() or "(no title)"
        return f"item {title!r} (post {self.post_id or '?'}, line {self.line})"

    def digest_data(self) -> dict[str, Any]:
        data = dict(vars(self))
        data.pop("line")
        data["comments"] = [vars(c) for c in self.comments]
        return data


@dataclass
class WxrChannel:
    title: str = ""
    link: str = ""
    language: str = ""  # the site's <language>, "en-US"
    base_site_url: str = ""
    base_blog_url: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # login → display name
    categories: dict[str, str] = field(default_factory=dict)  # nicename → name
    # Every term (category, tag, custom taxonomy) by id: (taxonomy, slug, name).
    terms: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # Polylang's term translations: each group maps a language code to a term id.
    term_groups: list[dict[str, str]] = field(default_factory=list)
    # (taxonomy, slug) → (name, its translations' names by language code), built on first use.
    _index: dict[tuple[str, str], tuple[str, dict[str, str]]] = field(
        default_factory=dict, repr=False
    )
    _indexed: tuple[int, int] = (-1, -1)

    def term_name(self, taxonomy: str, slug: str) -> str:
        """The name of the term declared in the channel, or ""."""
        return self._term_index().get((taxonomy, slug), ("", {}))[0]

    def term_translations(self, taxonomy: str, slug: str) -> dict[str, str]:
        """The names of the term's Polylang translations (itself included) by language code
        as Polylang writes it ("en", "hi", "pt_BR"); {} when it has none."""
        return self._term_index().get((taxonomy, slug), ("", {}))[1]

    def _term_index(self) -> dict[tuple[str, str], tuple[str, dict[str, str]]]:
        # Built once the channel's terms are read (they come before the items).
        size = (len(self.terms), len(self.term_groups))
        if size != self._indexed:
            index = {(tax, slug): (name, {}) for tax, slug, name in self.terms.values()}
            for group in self.term_groups:
                members = [self.terms[i] for i in group.values() if i in self.terms]
                names = {code: self.terms[i][2] for code, i in group.items() if i in self.terms}
                for taxonomy, slug, name in members:
                    index[(taxonomy, slug)] = (name, names)
            self._index, self._indexed = index, size
        return self._index


_ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_id": "post_id",
    "wp:post_date": "date",
    "wp:post_date_gmt": "date_gmt",
    "wp:comment_status": "comment_status",
    "wp:post_name": "post_name",
    "wp:status": "status",
    "wp:post_parent": "post_parent",
    "wp:post_type": "post_type",
    "wp:post_password": "password",
    "wp:attachment_url": "attachment_url",
}
_COMMENT_FIELDS = {
    "wp:comment_id": "id",
    "wp:comment_parent": "parent",
    "wp:comment_author": "author",
    "wp:comment_author_email": "email",
    "wp:comment_author_url": "url",
    "wp:comment_author_IP": "ip",
    "wp:comment_date": "date",
    "wp:comment_date_gmt": "date_gmt",
    "wp:comment_content": "content",
    "wp:comment_approved": "approved",
    "wp:comment_type": "type",
}


class _LineTreeBuilder(TreeBuilder):
    """Remembers the line each <item> starts on, for error messages."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.lines: dict[int, int] = {}

    def start(self, tag: str, attrs: dict[str, str]) -> Any:
        element = super().start(tag, attrs)
        if tag == "item":
            self.lines[id(element)] = self.expat.CurrentLineNumber
        return element


def _item(element: Any, line: int) -> WxrItem:
    item = WxrItem(line=line)
    for child in element:
        name = local_name(child.tag)
        if name in _ITEM_FIELDS:
            setattr(item, _ITEM_FIELDS[name], child.text or "")
        elif name == "category":
            item.categories.append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            values = {local_name(c.tag): c.text or "" for c in child}
            if values.get("wp:meta_key"):
                item.meta[values["wp:meta_key"]] = values.get("wp:meta_value", "")
        elif name == "wp:comment":
            comment = WxrComment(id="")
            for part in child:
                key = _COMMENT_FIELDS.get(local_name(part.tag))
                if key:
                    setattr(comment, key, part.text or "")
            item.comments.append(comment)
    return item


def _channel_entry(channel: WxrChannel, name: str, element: Any) -> None:
    if name in ("title", "link", "language"):
        setattr(channel, name, (element.text or "").strip())
    elif name in ("wp:base_site_url", "wp:base_blog_url"):
        setattr(channel, name[3:], (element.text or "").strip())
    elif name == "wp:author":
        values = {local_name(c.tag): (c.text or "").strip() for c in element}
        login = values.get("wp:author_login", "")
        if login:
            channel.authors[login] = values.get("wp:author_display_name") or login
    elif name == "wp:category":
        values = {local_name(c.tag): (c.text or "").strip() for c in element}
        if values.get("wp:category_nicename"):
            channel.categories[values["wp:category_nicename"]] = values.get("wp:cat_name", "")
            _term(channel, values, "category", "wp:category_nicename", "wp:cat_name")
    elif name == "wp:tag":
        values = {local_name(c.tag): (c.text or "").strip() for c in element}
        _term(channel, values, "post_tag", "wp:tag_slug", "wp:tag_name")
    elif name == "wp:term":
        values = {local_name(c.tag): (c.text or "").strip() for c in element}
        taxonomy = values.get("wp:term_taxonomy", "")
        _term(channel, values, taxonomy, "wp:term_slug", "wp:term_name")
        if taxonomy == "term_translations":
            # PHP-serialised: a:2:{s:2:"en";i:7;s:2:"hi";i:8;}
            group = dict(_SERIALISED_IDS.findall(values.get("wp:term_description", "")))
            if group:
                channel.term_groups.append(group)


_SERIALISED_IDS = re.compile(r's:\d+:"([^"]*)";i:(\d+);')


def _term(channel: WxrChannel, values: dict[str, str], taxonomy: str, slug: str, name: str) -> None:
    if values.get("wp:term_id"):
        channel.terms[values["wp:term_id"]] = (taxonomy, values.get(slug, ""), values.get(name, ""))


def read_wxr(path: Path, channel: WxrChannel) -> Iterator[WxrItem]:
    """Yield the items of `path` one by one, filling `channel` as its entries go by."""
    builder = _LineTreeBuilder()
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.expat = parser.parser
    pull = XMLPullParser(events=("start", "end"), _parser=parser)  # type: ignore[call-arg]
    depth = 0
    channel_element: Any = None
    seen_root = False
    try:
        with path.open("rb") as stream:
            while True:
                chunk = stream.read(CHUNK)
                if chunk:
                    pull.feed(chunk)
                else:
                    pull.close()
                for event, element in pull.read_events():
                    if event == "start":
                        depth += 1
                        if depth == 1:
                            seen_root = True
                            if local_name(element.tag) != "rss":
                                raise ImportFileError(
                                    f"not a WordPress export: the root element is "
                                    f"<{local_name(element.tag)}>, not <rss>",
                                    file=path,
                                    line=parser.parser.CurrentLineNumber,
                                )
                        elif depth == 2 and local_name(element.tag) == "channel":
                            channel_element = element
                        continue
                    depth -= 1
                    if depth != 2 or channel_element is None:
                        continue
                    name = local_name(element.tag)
                    if name == "item":
                        line = builder.lines.pop(id(element), 0)
                        item = _item(element, line)
                        channel_element.clear()  # constant memory: drop what was read
                        yield item
                    else:
                        _channel_entry(channel, name, element)
                        channel_element.clear()
                if not chunk:
                    break
    except DefusedXmlException as error:
        raise ImportFileError(
            f"refused: the file declares a DTD or entities ({type(error).__name__}); "
            "WordPress exports never do, and such files can be XML bombs",
            file=path,
            line=getattr(parser.parser, "CurrentLineNumber", None),
        ) from None
    except SyntaxError as error:  # xml.etree's ParseError
        line, column = getattr(error, "position", (None, None))
        message = str(error).split(":")[0]
        raise ImportFileError(
            f"malformed XML ({message}, column {column})", file=path, line=line
        ) from None
    if not seen_root:
        raise ImportFileError("empty file", file=path)
