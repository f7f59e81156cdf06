"""A translation's Markdown body as the linter reads it: blocks (paragraph index = position in
the body, blank-line separated), each with its plain text and where each plain character
came from, so a finding can point at characters of the stored Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^#{1,6}\s+")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_INLINE = re.compile(
    r"\\(?P<escaped>.)"
    r"|!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)(?:\s+\"[^\"]*\")?\)"
    r"|\[(?P<text>[^\]]*)\]\((?P<href>[^)\s]*)(?:\s+\"[^\"]*\")?\)"
    r"|<(?P<autolink>https?://[^>\s]+)>"
    r"|</?[a-zA-Z][^>]*>"
    r"|(?P<marker>\*{1,3}|_{1,3}|`+)",
    re.S,
)


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    start: int  # in the block's Markdown
    end: int


@dataclass(frozen=True)
class ImageRef:
    alt: str
    src: str
    start: int
    end: int


@dataclass
class Block:
    index: int
    kind: str  # "paragraph", "heading", "list", "quote", "table", "image", "code"
    markdown: str
    plain: str = ""
    # offsets[i] is where plain[i] stands in `markdown`.
    offsets: list[int] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The Markdown characters behind plain[start:end]."""
        if not self.offsets:
            return (0, len(self.markdown))
        start = min(max(start, 0), len(self.offsets) - 1)
        last = min(max(end - 1, start), len(self.offsets) - 1)
        return (self.offsets[start], self.offsets[last] + 1)


def _kind(markdown: str) -> str:
    lines = markdown.splitlines()
    if _HEADING.match(markdown):
        return "heading"
    if markdown.startswith(("```", "~~~", "    ")):
        return "code"
    if all(_LIST_ITEM.match(line) for line in lines):
        return "list"
    if all(_QUOTE.match(line) for line in lines):
        return "quote"
    if all(line.lstrip().startswith("|") for line in lines):
        return "table"
    if re.fullmatch(r"\s*!\[[^\]]*\]\([^)]*\)\s*", markdown):
        return "image"
    return "paragraph"


def _strip_line_prefix(line: str, kind: str) -> int:
    """How many characters of `line` are block syntax ("## ", "- ", "> ")."""
    pattern = {"heading": _HEADING, "list": _LIST_ITEM, "quote": _QUOTE}.get(kind)
    match = pattern.match(line) if pattern else None
    return match.end() if match else 0


def _inline(block: Block, text: str, base: int, out: list[str], offsets: list[int]) -> None:
    position = 0
    for match in _INLINE.finditer(text):
        for i in range(position, match.start()):
            out.append(text[i])
            offsets.append(base + i)
        position = match.end()
        if match.group("escaped") is not None:
            out.append(match.group("escaped"))
            offsets.append(base + match.start("escaped"))
        elif match.group("src") is not None:
            block.images.append(
                ImageRef(
                    match.group("alt"), match.group("src"), base + match.start(), base + match.end()
                )
            )
        elif match.group("href") is not None:
            inner_start = len(out)
            _inline(block, match.group("text"), base + match.start("text"), out, offsets)
            block.links.append(
                Link(
                    "".join(out[inner_start:]),
                    match.group("href"),
                    base + match.start(),
                    base + match.end(),
                )
            )
        elif match.group("autolink") is not None:
            for i in range(match.start("autolink"), match.end("autolink")):
                out.append(text[i])
                offsets.append(base + i)
    for i in range(position, len(text)):
        out.append(text[i])
        offsets.append(base + i)


def parse_block(index: int, markdown: str) -> Block:
    block = Block(index=index, kind=_kind(markdown), markdown=markdown)
    out: list[str] = []
    offsets: list[int] = []
    line_start = 0
    for line in markdown.split("\n"):
        if out:
            out.append(" ")  # a line break inside a block is a space
            offsets.append(line_start - 1)
        skip = _strip_line_prefix(line, block.kind)
        body = line[skip:]
        if block.kind == "heading":
            body = re.sub(r"\s#+\s*$", "", body)
        _inline(block, body, line_start + skip, out, offsets)
        line_start += len(line) + 1
    block.plain, block.offsets = "".join(out), offsets
    return block


def parse_body(markdown: str) -> list[Block]:
    """The blocks of a Markdown body; block i is the body's i-th blank-line separated part."""
    parts = re.split(r"\n[ \t]*\n", markdown.replace("\r\n", "\n").strip("\n"))
    return [parse_block(i, part.strip("\n")) for i, part in enumerate(parts) if part.strip()]
