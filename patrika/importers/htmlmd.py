"""HTML to our Markdown (CommonMark + tables + strikethrough), faithfully and without surprises.

A small converter over lxml: it knows the tags WordPress and news pages use, keeps the text of
anything else, and escapes text so it never turns into Markdown syntax by accident.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from patrika.text import MARKUP_SPACE

BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "hr",
    "table",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "address",
    "center",
}
DROP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "form"}
RAW_INLINE = {"sup", "sub"}

_ESCAPE = re.compile(r"([\\`*_\[\]<])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=~]|-(?=\s|$))", re.MULTILINE)
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])(?=\s|$)", re.MULTILINE)
# HTML's own whitespace, which a browser collapses; a no-break space, a thin space or a
# zero-width character is text and is kept.
_WS = re.compile(f"[{MARKUP_SPACE}]+")


_SPECIAL = re.compile(r"[\\`*_\[\]<&#>+=~\-\d]")


def escape_markdown(text: str) -> str:
    """Escape `text` so Markdown shows it as written."""
    if not _SPECIAL.search(text):
        return text
    text = _ESCAPE.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub(r"\\&", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _ORDERED_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


_BLOCK_START = re.compile(
    r"^\s*<(p|h[1-6]|ul|ol|li|blockquote|pre|table|figure|div|hr|section|dl|!--)\b", re.I
)
_CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)


def wpautop(html: str) -> str:
    """WordPress classic-editor content: blank lines are paragraphs, single newlines breaks."""
    html = html.replace("\r\n", "\n")
    if "\n" not in html:
        return html if _BLOCK_START.match(html) else f"<p>{html}</p>" if html.strip() else ""
    out = []
    for chunk in re.split(r"\n\s*\n", html):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def _shortcodes(html: str) -> str:
    def caption(match: re.Match[str]) -> str:
        inner = match.group(1)
        split = re.match(r"\s*(<a[^>]*>\s*<img[^>]*>\s*</a>|<img[^>]*>)(.*)", inner, re.S)
        if not split:
            return inner
        return f"<figure>{split.group(1)}<figcaption>{split.group(2).strip()}</figcaption></figure>"

    html = _CAPTION.sub(caption, html)
    return _EMBED.sub(
        lambda m: f'<p><a href="{m.group(1).strip()}">{m.group(1).strip()}</a></p>', html
    )


def html_to_markdown(html: str, *, autop: bool = False) -> str:
    """Convert an HTML fragment (or WordPress post content with `autop`) to Markdown."""
    if not html or not html.strip():
        return ""
    html = _shortcodes(html)
    if autop:
        html = wpautop(html)
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return _Converter().convert(root)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (excerpts, comments): line breaks and paragraphs kept."""
    if not html or not html.strip():
        return ""
    if "<" not in html and "&" not in html:
        return html.strip(MARKUP_SPACE)
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in root.iter("p", "div", "li", "blockquote"):
        p.text = "\n\n" + (p.text or "")
        p.tail = "\n\n" + (p.tail or "")
    text = re.sub(r"[ \t]+", " ", root.text_content())
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip(MARKUP_SPACE)


class _Converter:
    def convert(self, root: lxml.html.HtmlElement) -> str:
        blocks = self.blocks(root)
        text = "\n\n".join(b for b in blocks if b.strip(MARKUP_SPACE)).strip(MARKUP_SPACE)
        return text + "\n" if blocks else ""

    # Blocks -----------------------------------------------------------------------------
    def blocks(self, element: etree._Element) -> list[str]:
        out: list[str] = []
        inline: list[str] = []

        def flush() -> None:
            text = "".join(inline).strip(MARKUP_SPACE)
            inline.clear()
            if text:
                out.append(_tidy_inline(text))

        if element.text:
            inline.append(self.text(element.text))
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCK_TAGS:
                flush()
                out.extend(self.block(child))
            elif tag in DROP_TAGS or not tag:
                pass
            else:
                inline.append(self.inline(child))
            if child.tail:
                inline.append(self.text(child.tail))
        flush()
        return out

    def block(self, element: etree._Element) -> list[str]:
        tag = element.tag
        if tag == "p" or tag in ("dt", "dd", "address", "figcaption"):
            text = _tidy_inline(self.inline_children(element))
            if tag == "figcaption" and text:
                text = f"*{text}*"
            return [text] if text else []
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = _tidy_inline(self.inline_children(element)).replace("\n", " ")
            return [f"{'#' * int(tag[1])} {text}"] if text else []
        if tag in ("ul", "ol"):
            return [self.list(element)]
        if tag == "li":
            return [self.list_item(element, "- ")]
        if tag == "blockquote":
            inner = "\n\n".join(self.blocks(element))
            return ["\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))]
        if tag == "pre":
            code = element.text_content().strip("\n")
            fence = "~~~" if "```" in code else "```"
            return [f"{fence}\n{code}\n{fence}"]
        if tag == "hr":
            return ["* * *"]
        if tag == "table":
            return [self.table(element)]
        return self.blocks(element)

    def list(self, element: etree._Element) -> str:
        ordered = element.tag == "ol"
        start = int(element.get("start", "1") or 1) if ordered else 1
        items = [c for c in element if isinstance(c.tag, str) and c.tag == "li"]
        # Loose (paragraphs in items) or tight, as the HTML had it.
        loose = any(item.find("p") is not None for item in items)
        lines = []
        for index, item in enumerate(items):
            marker = f"{start + index}. " if ordered else "- "
            lines.append(self.list_item(item, marker, loose=loose))
        return ("\n\n" if loose else "\n").join(lines)

    def list_item(self, element: etree._Element, marker: str, *, loose: bool = False) -> str:
        inner = self.blocks(element)
        if not inner:
            return marker.rstrip()
        pad = " " * len(marker)
        text = ("\n\n" if loose else "\n").join(inner)
        lines = text.split("\n")
        body = [marker + lines[0]] + [pad + line if line else "" for line in lines[1:]]
        return "\n".join(body)

    def table(self, element: etree._Element) -> str:
        rows = []
        for row in element.iter("tr"):
            cells = [
                _tidy_inline(self.inline_children(cell)).replace("|", "\\|").replace("\n", " ")
                for cell in row
                if isinstance(cell.tag, str) and cell.tag in ("td", "th")
            ]
            rows.append(cells)
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)

    # Inline -----------------------------------------------------------------------------
    def text(self, text: str) -> str:
        return escape_markdown(_WS.sub(" ", text))

    def inline_children(self, element: etree._Element) -> str:
        parts = [self.text(element.text)] if element.text else []
        for child in element:
            if isinstance(child.tag, str):
                if child.tag in BLOCK_TAGS:
                    # A block inside an inline context (a <div> in a <td>): keep its text.
                    parts.append(" " + self.inline_children(child) + " ")
                else:
                    parts.append(self.inline(child))
            if child.tail:
                parts.append(self.text(child.tail))
        return "".join(parts)

    def inline(self, element: etree._Element) -> str:
        tag = element.tag
        if tag in DROP_TAGS:
            return ""
        if tag == "br":
            return "\\\n"
        if tag == "img":
            src = element.get("src", "").strip()
            if not src:
                return ""
            alt = escape_markdown(_WS.sub(" ", element.get("alt", "")).strip())
            title = element.get("title", "").replace('"', "'").strip()
            return f"![{alt}]({_url(src)}{_title(title)})"
        if tag == "iframe":
            src = element.get("src", "").strip()
            return f"<{src}>" if src.startswith("http") else ""
        inner = self.inline_children(element)
        if tag == "a":
            href = element.get("href", "").strip()
            if not href or href.startswith("#") or not inner.strip():
                return inner
            title = element.get("title", "").replace('"', "'").strip()
            return _wrap(inner, "[", f"]({_url(href)}{_title(title)})")
        if tag in ("strong", "b"):
            return _wrap(inner, "**", "**")
        if tag in ("em", "i", "cite", "dfn"):
            return _wrap(inner, "*", "*")
        if tag in ("del", "s", "strike"):
            return _wrap(inner, "~~", "~~")
        if tag in ("code", "kbd", "samp", "tt"):
            code = _WS.sub(" ", element.text_content())
            if not code.strip():
                return code
            fence = "``" if "`" in code else "`"
            return f"{fence}{code}{fence}" if fence == "`" else f"{fence} {code} {fence}"
        if tag in RAW_INLINE:
            return _wrap(inner, f"<{tag}>", f"</{tag}>")
        return inner


def _wrap(inner: str, left: str, right: str) -> str:
    # Markdown emphasis cannot start or end with a space: keep the spaces outside.
    stripped = inner.strip()
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{left}{stripped}{right}{trail}"


def _title(title: str) -> str:
    return f' "{title}"' if title else ""


def _url(url: str) -> str:
    url = url.replace(" ", "%20")
    if any(c in url for c in "()<>"):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _tidy_inline(text: str) -> str:
    lines = [re.sub(r"[ \t]+", " ", line).strip(MARKUP_SPACE) for line in text.split("\n")]
    text = "\n".join(lines).strip(MARKUP_SPACE)
    # A trailing hard break means nothing at the end of a block.
    while text.endswith("\\"):
        text = text[:-1].rstrip()
    return text
