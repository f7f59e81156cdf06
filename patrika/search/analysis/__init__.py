"""The one analysis pipeline used for indexing and for queries, on every database.

Text is cut into words by Unicode category (`tokenize`), each word is handed to the analyzer of
its script (a registry keyed by language code, as `patrika.languages`), which gives:

* the **word term**: the normalised, stemmed word ("talks" → "talk", "सम्बन्धों" → "संबंध");
* the **key**: a loose Latin skeleton (`phonetic`), so "modi", "mody" and मोदी share "modi".

Backends store the analysed terms as plain space-separated words (word terms and keys in
separate columns) so the database's own tokenizer has nothing left to shred, and matching is the
same on SQLite and PostgreSQL. A third language is a new `Analyzer` in `ANALYZERS` (or nothing:
an unknown code gets a generic analyzer for its script, with keys if the language has a
`transliteration_scheme`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial

from patrika import languages

from . import devanagari, english
from .phonetic import indic_key, latin_key
from .tokenize import script_of, words

__all__ = [
    "ANALYZERS",
    "AnalyzedDocument",
    "Analyzer",
    "QueryTerm",
    "analyze_document",
    "analyze_query",
    "analyze_word",
    "prepare",
]

# What patrika.text.normalize removes (zero-width spaces, bidi controls), plus ZWNJ, ZWJ and
# the soft hyphen, which change how a word is drawn but not which word it is.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\u00ad]")


def prepare(text: str) -> str:
    """NFC, invisible characters and joiners removed: the text snippets are cut from."""
    text = unicodedata.normalize("NFC", text)
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def _identity(word: str) -> str:
    return word


def _casefold(word: str) -> str:
    return word.casefold()


@dataclass(frozen=True)
class Analyzer:
    code: str
    script: str
    normalize: Callable[[str], str] = _casefold
    stem: Callable[[str], str] = _identity
    key: Callable[[str], str] | None = None
    stopwords: frozenset[str] = frozenset()
    # Latin spellings of this language's function words, dropped from romanized queries.
    romanized_stopwords: frozenset[str] = field(default=frozenset())
    # Also index the key of the stem: romanized queries are typed uninflected ("sambandh"
    # finds संबंधों). Not worth it for Latin-script languages, whose words match as they are.
    stem_keys: bool = False


def _indic_key_for(code: str) -> Callable[[str], str] | None:
    scheme = languages.get(code).transliteration_scheme
    return partial(indic_key, scheme=scheme) if scheme else None


# Normalisers shared by every language written in a script.
SCRIPT_NORMALIZERS: dict[str, Callable[[str], str]] = {"Deva": devanagari.normalize}

ANALYZERS: dict[str, Callable[[], Analyzer]] = {
    "en": lambda: Analyzer(
        "en",
        "Latn",
        normalize=english.normalize,
        stem=english.stem,
        key=latin_key,
        stopwords=english.STOPWORDS,
    ),
    "hi": lambda: Analyzer(
        "hi",
        "Deva",
        normalize=devanagari.normalize,
        stem=devanagari.stem,
        key=_indic_key_for("hi"),
        stopwords=devanagari.STOPWORDS,
        romanized_stopwords=devanagari.ROMANIZED_STOPWORDS,
        stem_keys=True,
    ),
}

_LATIN = Analyzer("und-Latn", "Latn", normalize=english.normalize, key=latin_key)
_NUMBERS = Analyzer("und", "Zyyy", normalize=_identity)


@cache
def get_analyzer(code: str) -> Analyzer:
    if code in ANALYZERS:
        return ANALYZERS[code]()
    language = languages.get(code)
    return Analyzer(
        code,
        language.script,
        normalize=SCRIPT_NORMALIZERS.get(language.script, _casefold),
        key=_indic_key_for(code),
        stem_keys=True,
    )


@cache
def _script_defaults() -> dict[str, Analyzer]:
    """The first configured language of each script analyses words of that script."""
    found: dict[str, Analyzer] = {"Latn": _LATIN, "Zyyy": _NUMBERS}
    for code in reversed(languages.codes()):
        analyzer = get_analyzer(code)
        found[analyzer.script] = analyzer
    return found


@cache
def romanized_stopwords() -> frozenset[str]:
    out: set[str] = set()
    for code in languages.codes():
        out |= get_analyzer(code).romanized_stopwords
    return frozenset(out)


def _analyzer_for(word: str, lang: str | None) -> Analyzer:
    script = script_of(word)
    if lang:
        preferred = get_analyzer(lang)
        if preferred.script == script:
            return preferred
    return _script_defaults().get(script) or get_analyzer(lang or languages.codes()[0])


def _ascii_digits(word: str) -> str:
    if word.isascii():
        return word
    return "".join(str(unicodedata.digit(c)) if c.isdecimal() else c for c in word)


@dataclass(frozen=True, slots=True)
class Term:
    word: str  # what is indexed and matched exactly
    key: str  # phonetic key, "" when the script has none
    stem_key: str  # key of the stem when it differs ("संबंधों" is also found as "sambandh")
    surface: str  # the normalised word before stemming (suggestions show it)
    stop: bool  # a stopword of its analyzer


@lru_cache(maxsize=500_000)
def analyze_word(raw: str, lang: str | None = None) -> Term:
    analyzer = _analyzer_for(raw, lang)
    surface = analyzer.normalize(_ascii_digits(raw))
    word = analyzer.stem(surface)
    key = stem_key = ""
    if analyzer.key and not surface.isdigit():
        key = analyzer.key(surface)
        stem_key = analyzer.key(word) if analyzer.stem_keys and word != surface else ""
    return Term(
        word=word,
        key=key,
        stem_key=stem_key if stem_key != key else "",
        surface=surface,
        stop=surface in analyzer.stopwords,
    )


@dataclass
class AnalyzedDocument:
    title_words: str
    body_words: str
    title_keys: str
    body_keys: str
    vocabulary: dict[str, str]  # surface word → key, for "did you mean"


# (word, keys joined by spaces, surface for the vocabulary or "") per raw word, or None for a
# stopword. A plain dict per language: indexing looks words up millions of times.
_FieldEntry = tuple[str, str, str, str] | None
_FIELD_CACHE: dict[str | None, dict[str, _FieldEntry]] = {}
_FIELD_CACHE_LIMIT = 500_000


def _field_entry(raw: str, lang: str | None) -> _FieldEntry:
    term = analyze_word(raw, lang)
    if term.stop:
        return None
    keys = " ".join(k for k in (term.key, term.stem_key) if k)
    in_vocabulary = len(term.surface) > 2 and not term.surface.isdigit()
    return term.word, keys, term.surface if in_vocabulary else "", term.key


def _analyze_field(text: str, lang: str, vocabulary: dict[str, str]) -> tuple[str, str]:
    cache = _FIELD_CACHE.setdefault(lang, {})
    if len(cache) > _FIELD_CACHE_LIMIT:
        cache.clear()
    out_words: list[str] = []
    out_keys: list[str] = []
    for raw in words(text):
        entry = cache.get(raw, False)
        if entry is False:
            entry = cache[raw] = _field_entry(raw, lang)
        if entry is None:
            continue
        word, keys, surface, key = entry
        out_words.append(word)
        if keys:
            out_keys.append(keys)
        if surface:
            vocabulary[surface] = key
    return " ".join(out_words), " ".join(out_keys)


def analyze_document(*, title: str, body: str, lang: str) -> AnalyzedDocument:
    vocabulary: dict[str, str] = {}
    title_words, title_keys = _analyze_field(prepare(title), lang, vocabulary)
    body_words, body_keys = _analyze_field(prepare(body), lang, vocabulary)
    return AnalyzedDocument(title_words, body_words, title_keys, body_keys, vocabulary)


@dataclass(frozen=True, slots=True)
class QueryTerm:
    word: str
    key: str
    surface: str
    raw: str


# A key this short ("md" for मादा and मदद alike) is too loose for a query typed in its own
# script, where the exact word already matches; romanized queries always use keys.
MIN_KEY_LENGTH_SAME_SCRIPT = 4


def analyze_query(query: str, *, lang: str | None = None) -> list[QueryTerm]:
    """Query terms, stopwords dropped (unless the query is nothing but stopwords)."""
    found: list[tuple[QueryTerm, bool]] = []
    seen: set[tuple[str, str]] = set()
    for raw in words(prepare(query)):
        term = analyze_word(raw, lang)
        latin = script_of(raw) == "Latn"
        key = term.key if latin or len(term.key) >= MIN_KEY_LENGTH_SAME_SCRIPT else ""
        if (term.word, key) in seen:
            continue
        seen.add((term.word, key))
        stop = term.stop or (latin and term.surface in romanized_stopwords())
        found.append((QueryTerm(term.word, key, term.surface, raw), stop))
    kept = [t for t, stop in found if not stop]
    return kept or [t for t, _stop in found]


def terms_of(text: str, lang: str | None = None) -> Iterable[Term]:
    return (analyze_word(raw, lang) for raw in words(prepare(text)))
