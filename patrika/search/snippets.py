"""Highlighted snippets, cut in Python from the stored plain text.

Every piece of story text is HTML-escaped before the <mark> tags go around matched words, so a
story containing markup (or an attack) shows as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import QueryTerm, analyze_word
from .analysis.tokenize import tokens

# Snippets look no further than this into a body: the lead is where matches matter most and
# scanning whole long stories for every hit costs latency.
SCAN_LIMIT = 6_000
MAX_MATCHES = 100


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    term: int  # index of the query term matched


def _matches(text: str, terms: Sequence[QueryTerm], lang: str | None) -> list[_Span]:
    words = {t.word: i for i, t in enumerate(terms)}
    keys = {t.key: i for i, t in enumerate(terms) if t.key}
    found: list[_Span] = []
    # Stopwords of the text matched by a query term that asked for them, by token position:
    # marked only next to another match ("शी <mark>जिन पिंग</mark>", not every की of a story
    # found by "modi ki yatra"), unless the query is all stopwords.
    stops: dict[int, _Span] = {}
    matched: set[int] = set()
    only_stopwords = all(t.stop for t in terms)
    for position, token in enumerate(tokens(text[:SCAN_LIMIT])):
        term = analyze_word(token.text, lang)
        index = words.get(term.word)
        if index is None and keys:
            index = next((keys[k] for k in (term.key, *term.extra_keys) if k in keys), None)
        if index is None or (term.stop and not terms[index].with_stopwords):
            continue
        span = _Span(token.start, token.end, index)
        if term.stop and not only_stopwords:
            stops[position] = span
            continue
        found.append(span)
        matched.add(position)
        if len(found) >= MAX_MATCHES:
            break
    found += [s for p, s in stops.items() if p - 1 in matched or p + 1 in matched]
    return sorted(found, key=lambda s: s.start)


def _marked(text: str, spans: Sequence[_Span], start: int, end: int) -> str:
    out: list[str] = []
    pos = start
    for span in spans:
        if span.start < start or span.end > end:
            continue
        out.append(escape(text[pos : span.start]))
        out.append(f"<mark>{escape(text[span.start : span.end])}</mark>")
        pos = span.end
    out.append(escape(text[pos:end]))
    return "".join(out)


def highlight(text: str, terms: Sequence[QueryTerm], *, lang: str | None = None) -> SafeString:
    """All of `text`, escaped, with matched words in <mark>."""
    spans = _matches(text, terms, lang)
    return mark_safe(_marked(text, spans, 0, len(text)))  # escaped in _marked


def snippet(
    text: str, terms: Sequence[QueryTerm], *, lang: str | None = None, width: int = 220
) -> SafeString:
    """The `width`-character window of `text` with the most distinct matched terms."""
    spans = _matches(text, terms, lang)
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        best, best_score = 0, -1
        for i, first in enumerate(spans):
            distinct = {s.term for s in spans[i:] if s.end <= first.start + width}
            score = len(distinct) * 100 + sum(1 for s in spans[i:] if s.end <= first.start + width)
            if score > best_score:
                best, best_score = i, score
        # Start a little before the first match, at a word boundary.
        start = max(0, spans[best].start - width // 4)
        end = min(len(text), start + width)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    body = _marked(text, spans, start, end).replace("\n", " ")
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + body + suffix)  # escaped in _marked
