"""Text rules for comments: what goes in (clean, NFC, no invisible tricks) and what comes out
(plain text, escaped, links made safe)."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from patrika.text import normalize

# ZWNJ and ZWJ shape Indic conjuncts (क्‍ष, र्‍) and must survive; every other format character
# (bidi overrides and isolates, zero-width space, word joiner, BOM, soft hyphen, tags) goes.
_KEEP_FORMAT = {"\u200c", "\u200d"}
_KEEP_CONTROL = {"\n", "\t"}
REPLACEMENT_CHARACTER = "\ufffd"

# http(s) URLs and bare www. hosts; anything else (javascript:, data:) is never a link.
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`]+")
_TRAILING = ".,;:!?)]}'\"»”’।"


class BrokenText(ValueError):
    """The text held bytes that were not valid UTF-8 (decoded as U+FFFD)."""


def clean(value: str, *, multiline: bool = False) -> str:
    """NFC, line endings unified, invisible and control characters removed, trimmed.

    Raises BrokenText when the browser sent bytes that were not UTF-8: Django decodes those
    as U+FFFD, and storing them would keep the damage forever.
    """
    if REPLACEMENT_CHARACTER in value:
        raise BrokenText(value)
    value = normalize(value.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for char in value:
        category = unicodedata.category(char)
        if category == "Cf" and char not in _KEEP_FORMAT:
            continue
        if category == "Cc" and char not in _KEEP_CONTROL:
            continue
        if not multiline and char in "\n\t":
            char = " "
        out.append(char)
    text = "".join(out)
    if multiline:
        # At most one blank line in a row, no trailing spaces.
        text = "\n".join(line.rstrip() for line in text.split("\n"))
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = re.sub(r"\s+", " ", text)
    return text.strip()


def visible(text: str) -> str:
    """Format and control characters removed (ZWJ/ZWNJ and line breaks kept): applied again
    on output, because importers write rows without passing through the form."""
    return "".join(
        char
        for char in text
        if char in _KEEP_FORMAT
        or char in _KEEP_CONTROL
        or unicodedata.category(char) not in ("Cf", "Cc")
    )


def find_links(text: str) -> list[str]:
    return [match.group(0).rstrip(_TRAILING) for match in _URL.finditer(text)]


def link_href(url: str) -> str:
    return url if url.lower().startswith(("http://", "https://")) else "http://" + url


def _linkify(line: str) -> str:
    out: list[str] = []
    last = 0
    for match in _URL.finditer(line):
        url = match.group(0).rstrip(_TRAILING)
        end = match.start() + len(url)
        out.append(escape(line[last : match.start()]))
        out.append(
            f'<a href="{escape(link_href(url))}" rel="nofollow ugc noopener">{escape(url)}</a>'
        )
        last = end
    out.append(escape(line[last:]))
    return "".join(out)


def render(text: str) -> SafeString:
    """Plain text to HTML: every character escaped, paragraphs and line breaks kept, http(s)
    links clickable with rel="nofollow ugc"."""
    text = visible(text.replace("\r\n", "\n"))
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    html = "".join(
        "<p>" + "<br>".join(_linkify(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )
    return mark_safe(html)  # built from escaped pieces only
