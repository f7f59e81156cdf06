"""Reading WordPress export (WXR) files safely and in constant memory.

defusedxml's parser refuses DTDs, entity declarations (the "billion laughs" bomb) and external
references; elements are cleared as soon as an item has been read, so a 10,000-post file needs
no more memory than a 10-post one.
"""

from __future__ import annotations

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
