"""What the linter works on and what it returns.

A `Document` is a story as the linter sees it: its translations (`Text`), each with title,
description, image alt text and body blocks, plus the few story facts rules need. It is built
from a saved story, from an admin form that has not been saved yet, or from a text dump.
A rule returns `Finding`s: rule id, level, message (in the active language), and the place —
translation, paragraph (index in that translation's body, None for the title and other
fields), characters (in that paragraph's Markdown) and an excerpt.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .markdown import Block, parse_body

ERROR, WARNING, INFO = "error", "warning", "info"
LEVELS = (ERROR, WARNING, INFO)


@dataclass(frozen=True)
class Finding:
    rule: str
    level: str
    language: str
    message: str
    paragraph: int | None = None
    excerpt: str = ""
    start: int | None = None
    end: int | None = None
    story: int | str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "language": self.language,
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
            "paragraph": self.paragraph,
            "excerpt": self.excerpt,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Text:
    """One translation."""

    language: str
    title: str
    body: str = ""
    description: str = ""
    image_alt: str = ""
    blocks: list[Block] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.blocks and self.body:
            self.blocks = parse_body(self.body)

    def block(self, index: int) -> Block | None:
        return next((b for b in self.blocks if b.index == index), None)


@dataclass
class Document:
    texts: list[Text]
    story: int | str | None = None
    original_language: str = ""
    has_image: bool = False
    sources: list[str] = field(default_factory=list)
    # Work rules share (an alignment of two translations), computed once per document.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    @property
    def source_text(self) -> Text | None:
        """The translation others are checked against: the original language's, else the first."""
        for text in self.texts:
            if text.language == self.original_language:
                return text
        return self.texts[0] if self.texts else None

    def pairs(self) -> Iterator[tuple[Text, Text]]:
        source = self.source_text
        for text in self.texts:
            if source is not None and text is not source:
                yield source, text


class Rule:
    """A lint rule: `id` and `level` as class attributes, `check` yields findings.

    Subclass `TextRule` (one translation at a time) or `PairRule` (a source and its
    translation: the parity rules, so they can run on any pair), or this for whole stories.
    """

    id: str = ""
    level: str = WARNING

    def check(self, document: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        text: Text,
        message: str,
        *,
        block: Block | None = None,
        start: int | None = None,
        end: int | None = None,
        excerpt: str | None = None,
    ) -> Finding:
        """A finding at `block` (characters start:end of its plain text), or at the title."""
        span: tuple[int | None, int | None] = (None, None)
        if block is not None and start is not None and end is not None:
            span = block.source_span(start, end)
        if excerpt is None:
            source = block.plain if block is not None else text.title
            excerpt = source[start:end] if start is not None and end is not None else source
        return Finding(
            rule=self.id,
            level=self.level,
            language=text.language,
            message=message,
            paragraph=block.index if block is not None else None,
            excerpt=_shorten(excerpt),
            start=span[0],
            end=span[1],
        )


class TextRule(Rule):
    def check(self, document: Document) -> Iterable[Finding]:
        for text in document.texts:
            yield from self.check_text(text, document)

    def check_text(self, text: Text, document: Document) -> Iterable[Finding]:
        raise NotImplementedError


class PairRule(Rule):
    def check(self, document: Document) -> Iterable[Finding]:
        for source, target in document.pairs():
            yield from self.check_pair(source, target, document)

    def check_pair(self, source: Text, target: Text, document: Document) -> Iterable[Finding]:
        raise NotImplementedError


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
