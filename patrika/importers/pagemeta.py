"""What a saved page says about itself: its language, the site's names and its dates; and the
headline without the site name and date the page's `<title>` adds ("… | DW | 19.01.2020").

A title segment is dropped only when the page's own metadata shows it is not the headline: it
names the site (og:site_name, application-name, the publisher in JSON-LD, the domain) or is the
page's date (article:published_time, JSON-LD datePublished, …).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any
from urllib.parse import urlparse

from babel.dates import get_day_names, get_month_names
from lxml import etree

from patrika import languages
from patrika.search.analysis.tokenize import words
from patrika.text import MARKUP_SPACE, text_key

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NO_TEXT = {"script", "style", "noscript", "template", "head", "title"}
_SITE_META = {"og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"}
_DATE_META = {
    "article:published_time", "article:modified_time", "og:updated_time", "date",
    "pubdate", "publish-date", "dc.date", "dc.date.issued", "datepublished", "datemodified",
}  # fmt: skip
_LANGUAGE_META = {"content-language", "language", "dc.language", "og:locale"}
# Parts of a host that name no site.
_HOST_NOISE = {"www", "m", "amp", "mobile", "com", "org", "net", "co", "in", "news", "info"}
# Spaced dashes, bars, bullets and guillemets between a headline and the site's name.
_SEPARATOR = re.compile(r"(\s*\|\s*|\s+[-–—·•»«/:]{1,2}\s+)")


@dataclass
class PageFacts:
    language: str = ""  # the declared language tag covering most of the page's text
    site_names: list[str] = field(default_factory=list)
    dates: set[date] = field(default_factory=set)
    # As the page writes them (trafilatura's own clean-up cuts a final vowel sign: शर्मा → शर्म).
    authors: list[str] = field(default_factory=list)


def _json_ld(tree: etree._Element) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                yield node
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)


def _date_of(value: str) -> date | None:
    value = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        return date(*map(int, match.groups())) if match else None


def _declared_language(tree: etree._Element) -> str:
    """The lang attribute covering most letters of the body (nearest ancestor wins)."""
    langs: dict[etree._Element, str] = {}
    weights: dict[str, int] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        inherited = langs.get(parent, "") if parent is not None else ""
        own = element.get("lang") or element.get(_XML_LANG)
        langs[element] = own.strip() if own and own.strip() else inherited
        if element.tag in _NO_TEXT:
            continue
        for text, lang in ((element.text, langs[element]), (element.tail, inherited)):
            if text and lang:
                weights[lang] = weights.get(lang, 0) + sum(c.isalpha() for c in text)
    return max(weights, key=weights.__getitem__) if weights else ""


def page_facts(tree: etree._Element, *, url: str = "") -> PageFacts:
    facts = PageFacts(language=_declared_language(tree))
    meta_language = ""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").lower()
        value = (meta.get("content") or "").strip()
        if not value:
            continue
        if key in _SITE_META:
            facts.site_names.append(value.lstrip("@"))
        elif key in _DATE_META and (found := _date_of(value)):
            facts.dates.add(found)
        elif key in ("author", "article:author") and not value.startswith("http"):
            facts.authors += [a.strip(MARKUP_SPACE) for a in re.split("[,;]", value)]
        elif key in _LANGUAGE_META and not meta_language:
            meta_language = value.split(",")[0]
        elif key in ("og:url",) and not url:
            url = value
    for node in _json_ld(tree):
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        publisher = node.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            facts.site_names.append(publisher["name"])
        if any(k in ("WebSite", "NewsMediaOrganization", "Organization") for k in kinds):
            if isinstance(node.get("name"), str):
                facts.site_names.append(node["name"])
        authors = node.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, dict) and author.get("@type") == "Person":
                if isinstance(author.get("name"), str) and author["name"] not in facts.authors:
                    facts.authors.append(author["name"].strip(MARKUP_SPACE))
        for key in ("datePublished", "dateModified", "dateCreated"):
            if isinstance(node.get(key), str) and (found := _date_of(node[key])):
                facts.dates.add(found)
        if isinstance(node.get("inLanguage"), str) and not meta_language:
            meta_language = node["inLanguage"]
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and not url:
            url = link.get("href") or ""
    host = urlparse(url).hostname or ""
    facts.site_names += [part for part in host.split(".") if part and part not in _HOST_NOISE]
    facts.language = facts.language or meta_language
    facts.authors = list(dict.fromkeys(a for a in facts.authors if a))
    return facts


def _squash(text: str) -> str:
    return "".join(c for c in text_key(text) if c.isalnum())


def _names_site(segment: str, names: list[str]) -> bool:
    key = _squash(segment)
    if not key or len(segment.split()) > 5:
        return False
    for name in filter(None, map(_squash, names)):
        if key == name or (len(key) >= 2 and name.startswith(key)):
            return True
        if len(name) >= 3 and name in key and len(segment.split()) <= 3:
            return True
    return False


@cache
def _month_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for code in {"en", *languages.codes()}:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                try:
                    names = get_month_names(width, context, locale=code)
                except (ValueError, LookupError):
                    continue
                for number, name in names.items():
                    numbers[text_key(name).rstrip(".")] = number
    return numbers


@cache
def _day_names() -> frozenset[str]:
    found: set[str] = set()
    for code in {"en", *languages.codes()}:
        for width in ("wide", "abbreviated"):
            try:
                names = get_day_names(width, locale=code).values()
            except (ValueError, LookupError):
                continue
            found |= {text_key(n).rstrip(".") for n in names}
    return frozenset(found)


def _segment_dates(segment: str) -> set[date]:
    """Every date `segment` can be read as, when it is nothing but a date (and a time)."""
    text = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|ist|utc|gmt)?", " ", text_key(segment))
    found_words = words(text)
    months = [_month_numbers()[w] for w in found_words if w in _month_numbers()]
    numbers = [int(w) for w in found_words if w.isdigit()]
    rest = [w for w in found_words if not w.isdigit() and w not in _month_numbers()]
    if any(w not in _day_names() and w not in ("st", "nd", "rd", "th") for w in rest):
        return set()
    triples: list[tuple[int, int, int]] = []
    if len(months) == 1 and len(numbers) == 2:
        day, year = sorted(numbers)
        triples.append((year, months[0], day))
    elif not months and len(numbers) == 3:
        a, b, c = numbers
        triples += [(a, b, c), (c, b, a), (c, a, b)]
    found: set[date] = set()
    for year, month, day in triples:
        year = year + 2000 if year < 100 else year
        try:
            found.add(date(year, month, day))
        except ValueError:
            continue
    return found


def headline_from(title: str, facts: PageFacts) -> str:
    """`title` without the leading or trailing segments that are the site's name or the
    page's date; never empty."""
    parts = _SEPARATOR.split(title)
    segments, separators = parts[0::2], parts[1::2]

    def removable(segment: str) -> bool:
        return _names_site(segment, facts.site_names) or bool(
            facts.dates and _segment_dates(segment) & facts.dates
        )

    while len(segments) > 1 and removable(segments[-1]):
        segments.pop()
        separators.pop()
    while len(segments) > 1 and removable(segments[0]):
        segments.pop(0)
        separators.pop(0)
    out = segments[0]
    for separator, segment in zip(separators, segments[1:], strict=True):
        out += separator + segment
    return out
