"""Reads of the search index: the results page, "did you mean" and the filters' choices."""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field, replace
from itertools import combinations

from django.conf import settings
from django.utils import timezone

from patrika import dates
from patrika.newsroom.models import Section, Story, Tag
from patrika.newsroom.selectors import stories_ready

from .analysis import QueryTerm, analyze_query, ordinary_terms
from .analysis.tokenize import script_of
from .backends import Filters, Hit, get_backend
from .snippets import highlight, snippet

MAX_QUERY_LENGTH = 200
MAX_PAGE = 100
# Term counts used to pick which words to drop stop here: past it, a word is simply common.
FREQUENCY_BOUND = 1000
SUGGESTION_THRESHOLD = 0.75
MAX_FALLBACK_TRIES = 6


@dataclass
class SearchPage:
    query: str
    terms: list[QueryTerm]
    total: int
    hits: list[Hit]
    number: int
    per_page: int
    # A query with no results: the closest spelling that has some, and whether the hits shown
    # are for it ("Showing results for …") rather than for the query.
    suggestion: str = ""
    corrected: bool = False
    # No entry had every word: these hits have some of them.
    partial: bool = False
    filters: Filters = field(default_factory=Filters)

    @property
    def total_capped(self) -> bool:
        """Counting stopped at the last page we would show: there are at least this many."""
        return self.total >= MAX_PAGE * self.per_page

    @property
    def num_pages(self) -> int:
        return max(1, min(MAX_PAGE, math.ceil(self.total / self.per_page)))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.hits else 0


def _run(
    terms: list[QueryTerm], *, filters: Filters, number: int, per_page: int
) -> tuple[int, list[Hit]]:
    matches = get_backend().search(
        terms,
        filters=filters,
        offset=(number - 1) * per_page,
        limit=per_page,
        count_limit=MAX_PAGE * per_page,
    )
    return matches.total, matches.hits


def _frequencies(terms: list[QueryTerm], filters: Filters) -> dict[QueryTerm, int]:
    """How many entries each term matches, counted no further than a bound (cheap either way)."""
    backend = get_backend()
    return {
        term: backend.search([term], filters=filters, limit=0, count_limit=FREQUENCY_BOUND).total
        for term in terms
    }


def search_terms(*, query: str, lang: str | None = None, filters: Filters) -> list[QueryTerm]:
    """The terms to search for: the query's words without its stopwords, unless the query has
    nothing else ("कौन यही"), or the stories have a stopword right next to the word it is next
    to in the query, as in a name ("jin ping": जिन is a stopword; "कौन बनेगा करोड़पति").

    A stopword kept so is asked of the stories in its own language only: "modi ki kedarnath",
    where की stands next to मोदी, still finds the English story. A word that only sounds like
    a stopword ("jin", the key of जिन) is asked of every story, as before, and may now be met
    by the stopword too.
    """
    terms = analyze_query(query, lang=lang)
    kept = ordinary_terms(terms)
    if any(t.with_stopwords for t in kept):
        return kept
    backend = get_backend()
    out: list[QueryTerm] = []
    for i, term in enumerate(terms):
        if term.stop or term.stop_key:
            candidate = replace(term, with_stopwords=True, required_in=term.stop_in)
            if any(
                backend.count_adjacent(*pair, filters=filters, count_limit=1)
                for pair in _pairs(terms, i, candidate)
            ):
                out.append(candidate)
                continue
        if not term.stop:
            out.append(term)
    return out


def _pairs(
    terms: list[QueryTerm], i: int, candidate: QueryTerm
) -> list[tuple[QueryTerm, QueryTerm]]:
    """`candidate` (terms[i]) with each word next to it that is no stopword, in query order."""
    out: list[tuple[QueryTerm, QueryTerm]] = []
    if i > 0 and not terms[i - 1].stop:
        out.append((terms[i - 1], candidate))
    if i + 1 < len(terms) and not terms[i + 1].stop:
        out.append((candidate, terms[i + 1]))
    return out


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _closest(term: QueryTerm) -> str:
    """The indexed word closest to `term` in spelling or sound, or "" when none is close."""
    best, best_score = "", 0.0
    same_script = script_of(term.raw)
    for candidate, key in get_backend().vocabulary_near(term.key or term.surface):
        score = _similarity(term.key, key) if term.key else 0.0
        if script_of(candidate) == same_script:
            score = max(score, _similarity(term.surface, candidate)) + 0.05
        if score > best_score:
            best, best_score = candidate, score
    return best if best_score >= SUGGESTION_THRESHOLD and best != term.surface else ""


def search_suggest(*, query: str, lang: str | None = None, filters: Filters | None = None) -> str:
    """The query with each word that matches nothing replaced by the closest indexed word."""
    filters = filters or Filters()
    terms = search_terms(query=query, lang=lang, filters=filters)
    return _suggest(terms, _frequencies(terms, filters))


def _suggest(terms: list[QueryTerm], frequencies: dict[QueryTerm, int]) -> str:
    changed = False
    out: list[str] = []
    for term in terms:
        replacement = "" if frequencies.get(term) else _closest(term)
        changed = changed or bool(replacement)
        out.append(replacement or term.raw)
    return " ".join(out) if changed else ""


def _fall_back(page: SearchPage, frequencies: dict[QueryTerm, int]) -> None:
    """Fill `page` with the stories that have most of its words, if any have some.

    Fewer words are tried in turn; among word sets of one size, those in one script first (a
    reader who mixes "भारत russia trade" means one translation or the other), then the rarest.
    """
    found = [t for t in page.terms if frequencies[t]]
    tries = 0
    for keep in range(min(len(found), len(page.terms) - 1), 0, -1):
        subsets = sorted(
            combinations(found, keep),
            key=lambda s: (len({script_of(t.raw) for t in s}), sum(frequencies[t] for t in s)),
        )
        for subset in subsets:
            if tries >= MAX_FALLBACK_TRIES:
                return
            tries += 1
            page.total, page.hits = _run(
                list(subset), filters=page.filters, number=page.number, per_page=page.per_page
            )
            if page.total:
                page.partial = True
                return


def _decorate(hits: list[Hit], terms: list[QueryTerm]) -> list[Hit]:
    for hit in hits:
        hit.title_html = highlight(hit.title, terms, lang=hit.language)
        hit.snippet = snippet(hit.body, terms, lang=hit.language)
    # What the results' cards show of each story (picture, section), as baked: one query.
    found = Story.objects.filter(pk__in={hit.story_id for hit in hits}).only("pk", "meta")
    metas = {story.pk: story.meta for story in stories_ready(list(found))}
    for hit in hits:
        meta = metas.get(hit.story_id, {})
        hit.image = meta.get("image")
        hit.image_alt = meta.get("translations", {}).get(hit.language, {}).get("image_alt", "")
        hit.section = meta.get("section")
    return hits


def search_page(
    *,
    query: str,
    filters: Filters,
    number: int = 1,
    per_page: int | None = None,
    lang: str | None = None,
) -> SearchPage:
    """One page of results for `query`; `lang` (the reader's language) settles ambiguous words.

    Every word must match (as itself or by its key). When no story has them all: a query with a
    misspelt word is corrected ("Showing results for …"); otherwise the commonest words are
    left out until some match ("No result has all the words"): cheap, where a ranked OR
    over common words would not be.
    """
    query = query.strip()[:MAX_QUERY_LENGTH]
    per_page = per_page or settings.PATRIKA_PAGE_SIZE
    number = max(1, min(number, MAX_PAGE))
    lang = filters.language or lang
    terms = search_terms(query=query, lang=lang, filters=filters)
    page = SearchPage(query, terms, 0, [], number, per_page, filters=filters)
    if not terms:
        return page
    page.total, page.hits = _run(terms, filters=filters, number=number, per_page=per_page)
    if page.total == 0:
        frequencies = _frequencies(terms, filters)
        page.suggestion = _suggest(terms, frequencies)
        if page.suggestion:
            corrected = search_terms(query=page.suggestion, lang=lang, filters=filters)
            total, hits = _run(corrected, filters=filters, number=number, per_page=per_page)
            if total:
                page.total, page.hits, page.terms, page.corrected = total, hits, corrected, True
            else:
                page.suggestion = ""
        if not page.total:
            _fall_back(page, frequencies)
    _decorate(page.hits, page.terms)
    return page


def month_choices(*, lang: str) -> list[tuple[str, str]]:
    """The date filters' months, newest first: from the month of the first live story to this
    one ("2026-08", "अगस्त 2026"). One indexed query, whatever the archive's size."""
    first = (
        Story.objects.live().order_by("published_at").values_list("published_at", flat=True)
    ).first()
    if first is None:
        return []
    start, now = timezone.localtime(first), timezone.localtime()
    months = []
    year, month = now.year, now.month
    while (year, month) >= (start.year, start.month):
        months.append((f"{year:04d}-{month:02d}", dates.month_text(year, month, lang=lang)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def section_choices(*, lang: str) -> list[tuple[str, str]]:
    sections = Section.objects.prefetch_related("names")
    return [(s.slug, s.name_for(lang)) for s in sections]


def section_get(*, slug: str) -> Section | None:
    return Section.objects.filter(slug=slug).first() if slug else None


def tag_get(*, name: str) -> Tag | None:
    if not name:
        return None
    return (
        Tag.objects.filter(slug=name).first()
        or Tag.objects.filter(name__iexact=name).first()
        or Tag.objects.filter(names__name__iexact=name).first()  # its name in any language
    )
