"""Text through trafilatura unchanged.

trafilatura finds the article well, but on the way it drops characters it takes for
unprintable (ZWJ and ZWNJ, bidi controls, LRM/RLM, soft hyphens), turns every kind of space
into " " and NFC-composes its output. Before extraction each character it would change is
replaced by a token of letters it keeps as they are; after extraction the tokens are turned
back, so the article's text is what the page had.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lxml import etree

from patrika.text import MARKUP_SPACE

# Letters no real text uses; the first one absent from the page marks tokens.
_MARKERS = "\ua66e\ua74f\ua698\u2c6f\ua7ff"
_ATTRIBUTES = ("content", "alt", "title", "value", "aria-label")


def _fragile(char: str) -> bool:
    if char.isspace():
        return char not in MARKUP_SPACE
    return not char.isprintable()


def _clusters(text: str) -> Iterable[str]:
    """A letter with the marks that follow it (what NFC may recompose), one by one."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or unicodedata.category(text[index])[0] != "M":
            yield text[start:index]
            start = index


class Verbatim:
    """Protects the text of one page (`protect_tree`) and restores extracted strings."""

    def __init__(self, sample: str) -> None:
        self.marker = next((m for m in _MARKERS if m not in sample), "")
        self._token = re.compile(f"{self.marker}([0-9a-f]{{1,6}}){self.marker}")

    def _encode(self, chars: str) -> str:
        return "".join(f"{self.marker}{ord(c):x}{self.marker}" for c in chars)

    def protect(self, text: str) -> str:
        if not self.marker or not text:
            return text
        if unicodedata.is_normalized("NFC", text) and not any(map(_fragile, text)):
            return text
        out: list[str] = []
        for cluster in _clusters(text):
            if unicodedata.normalize("NFC", cluster) != cluster:
                out.append(self._encode(cluster))
            else:
                out.append("".join(self._encode(c) if _fragile(c) else c for c in cluster))
        return "".join(out)

    def restore(self, text: str) -> str:
        if not self.marker or self.marker not in text:
            return text
        restored = self._token.sub(lambda m: chr(int(m.group(1), 16)), text)
        return restored.replace(self.marker, "")  # a token cut in two by the extractor

    def protect_tree(self, tree: etree._Element) -> None:
        for element in tree.iter():
            if element.text and isinstance(element.tag, str):
                element.text = self.protect(element.text)
            if element.tail:
                element.tail = self.protect(element.tail)
            if isinstance(element.tag, str):
                for name in _ATTRIBUTES:
                    if value := element.get(name):
                        element.set(name, self.protect(value))
