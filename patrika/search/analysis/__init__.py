"""The one analysis pipeline used for indexing and for queries, on every database.

Text is cut into words by Unicode category (`tokenize`), each word is handed to the analyzer of
its script (a registry keyed by language code, as `patrika.languages`), which gives:

* the **word term**: the normalised, stemmed word ("talks" → "talk", "सम्बन्धों" → "संबंध");
* the **key**: a loose Latin skeleton (`phonetic`), so "modi", "mody" and मोदी share "modi"
  (a Devanagari word may have a few more, for letters readers spell several ways).

Backends store the analysed terms as plain space-separated words (word terms and keys in
separate columns) so the database's own tokenizer has nothing left to shred, and matching is the
same on SQLite and PostgreSQL. Stopwords are stored too, in their place, marked with
`STOP_MARK`: an ordinary query never asks for a marked term, so "के" costs it nothing, while a
query made of stopwords ("कौन यही") or one that names someone with a stopword ("jin ping", जिन)
can still find them (`QueryTerm.with_stopwords`; `selectors.search_terms` decides).

A third language is a new `Analyzer` in `ANALYZERS` (or nothing: an unknown code gets a generic
analyzer for its script, with keys if the language has a `transliteration_scheme`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache, partial

from patrika import languages

from . import devanagari, english
from .phonetic import indic_keys, latin_keys
from .tokenize import script_of, words

__all__ = [
    "ANALYZERS",
    "STOP_MARK",
    "AnalyzedDocument",
    "Analyzer",
    "QueryTerm",
    "analyze_document",
    "analyze_query",
    "analyze_word",
    "ordinary_terms",
    "prepare",
]

# Put before a stopword's word and keys in the index. A private-use character: `tokenize`
# never puts one in a word (it is no letter, mark or number), so a marked term can only be a
# stopword, while FTS5's tokenizer (categories "Co") keeps it inside the term.
STOP_MARK = "\ue000"

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
    # A word's phonetic keys, its own first (`phonetic.indic_keys`).
    keys: Callable[[str], tuple[str, ...]] | None = None
    stopwords: frozenset[str] = frozenset()
    # Latin spellings of this language's function words, dropped from romanized queries.
    romanized_stopwords: frozenset[str] = field(default=frozenset())
    # Also index the key of the stem: romanized queries are typed uninflected ("sambandh"
    # finds संबंधों). Not worth it for Latin-script languages, whose words match as they are.
    stem_keys: bool = False


def _indic_keys_for(code: str) -> Callable[[str], tuple[str, ...]] | None:
    scheme = languages.get(code).transliteration_scheme
    return partial(indic_keys, scheme=scheme) if scheme else None


# Normalisers shared by every language written in a script.
SCRIPT_NORMALIZERS: dict[str, Callable[[str], str]] = {"Deva": devanagari.normalize}

ANALYZERS: dict[str, Callable[[], Analyzer]] = {
    "en": lambda: Analyzer(
        "en",
        "Latn",
        normalize=english.normalize,
        stem=english.stem,
        keys=latin_keys,
        stopwords=english.STOPWORDS,
    ),
    "hi": lambda: Analyzer(
        "hi",
        "Deva",
        normalize=devanagari.normalize,
        stem=devanagari.stem,
        keys=_indic_keys_for("hi"),
        stopwords=devanagari.STOPWORDS,
        romanized_stopwords=devanagari.ROMANIZED_STOPWORDS,
        stem_keys=True,
    ),
}

_LATIN = Analyzer("und-Latn", "Latn", normalize=english.normalize, keys=latin_keys)
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
        keys=_indic_keys_for(code),
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
    # The word's other keys: other spellings ("krshi" for कृषि) and the keys of the stem when it
    # differs ("संबंधों" is also found as "sambandh").
    extra_keys: tuple[str, ...]
    surface: str  # the normalised word before stemming (suggestions show it)
    stop: bool  # a stopword of its analyzer


@lru_cache(maxsize=500_000)
def analyze_word(raw: str, lang: str | None = None) -> Term:
    analyzer = _analyzer_for(raw, lang)
    surface = analyzer.normalize(_ascii_digits(raw))
    word = analyzer.stem(surface)
    keys: tuple[str, ...] = ()
    if analyzer.keys and not surface.isdigit():
        keys = analyzer.keys(surface)
        if analyzer.stem_keys and word != surface:
            keys += analyzer.keys(word)
        keys = tuple(dict.fromkeys(keys))
    return Term(
        word=word,
        key=keys[0] if keys else "",
        extra_keys=keys[1:],
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


# (word term, its key or "", its other keys joined by spaces, surface for the vocabulary or "",
# key) per raw word; a stopword's terms carry STOP_MARK. A plain dict per language: indexing
# looks words up millions of times.
_FieldEntry = tuple[str, str, str, str, str] | None
_FIELD_CACHE: dict[str | None, dict[str, _FieldEntry]] = {}
_FIELD_CACHE_LIMIT = 500_000


def _field_entry(raw: str, lang: str | None) -> _FieldEntry:
    term = analyze_word(raw, lang)
    if not term.word:  # a lone mark: nothing to find it by
        return None
    mark = STOP_MARK if term.stop else ""
    extra = " ".join(mark + k for k in term.extra_keys)
    in_vocabulary = not term.stop and len(term.surface) > 2 and not term.surface.isdigit()
    key = mark + term.key if term.key else ""
    return mark + term.word, key, extra, term.surface if in_vocabulary else "", term.key


def _analyze_field(text: str, lang: str, vocabulary: dict[str, str]) -> tuple[str, str]:
    """Word terms and keys, one word term and its own key a word in the text's order (so that
    neighbours stay neighbours in both columns), the other keys after them."""
    cache = _FIELD_CACHE.setdefault(lang, {})
    if len(cache) > _FIELD_CACHE_LIMIT:
        cache.clear()
    out_words: list[str] = []
    out_keys: list[str] = []
    out_extra: list[str] = []
    for raw in words(text):
        entry = cache.get(raw, False)
        if entry is False:
            entry = cache[raw] = _field_entry(raw, lang)
        if entry is None:
            continue
        word, key, extra, surface, plain_key = entry
        out_words.append(word)
        if key:
            out_keys.append(key)
        if extra:
            out_extra.append(extra)
        if surface:
            vocabulary[surface] = plain_key
    return " ".join(out_words), " ".join(out_keys + out_extra)


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
    # The languages this is a stopword of ("ki" is one of Hindi's, typed in Latin letters):
    # left out of the search unless the query needs it.
    stop_in: tuple[str, ...] = ()
    # Not a stopword, but its key is one's: "jin" may be जिन, a stopword that is also a name.
    stop_key: bool = False
    # Also match terms indexed as stopwords (STOP_MARK): the query needs this one.
    with_stopwords: bool = False
    # Only entries in these languages must have this term (all entries when empty): a Hindi
    # stopword kept for a name says nothing about English stories.
    required_in: tuple[str, ...] = ()

    @property
    def stop(self) -> bool:
        return bool(self.stop_in)

    def word_terms(self) -> list[str]:
        """What this term matches in the word columns."""
        return [self.word, STOP_MARK + self.word] if self.with_stopwords else [self.word]

    def key_terms(self) -> list[str]:
        """What this term matches in the key columns."""
        if not self.key:
            return []
        return [self.key, STOP_MARK + self.key] if self.with_stopwords else [self.key]


# A key this short ("md" for मादा and मदद alike) is too loose for a query typed in its own
# script, where the exact word already matches; romanized queries always use keys.
MIN_KEY_LENGTH_SAME_SCRIPT = 4


@cache
def stopword_keys() -> frozenset[str]:
    """The keys of every configured language's stopwords."""
    out: set[str] = set()
    for code in languages.codes():
        analyzer = get_analyzer(code)
        out.update(analyze_word(word, code).key for word in analyzer.stopwords)
    return frozenset(out - {""})


def analyze_query(query: str, *, lang: str | None = None) -> list[QueryTerm]:
    """Every word of the query once, in order, stopwords marked (`ordinary_terms` drops them)."""
    found: list[QueryTerm] = []
    seen: set[tuple[str, str]] = set()
    for raw in words(prepare(query)):
        term = analyze_word(raw, lang)
        if not term.word:
            continue
        latin = script_of(raw) == "Latn"
        key = term.key if latin or len(term.key) >= MIN_KEY_LENGTH_SAME_SCRIPT else ""
        if (term.word, key) in seen:
            continue
        seen.add((term.word, key))
        stop_in = stopword_languages(raw)
        stop_key = not stop_in and bool(key) and key in stopword_keys()
        found.append(QueryTerm(term.word, key, term.surface, raw, stop_in, stop_key))
    return found


@lru_cache(maxsize=10_000)
def stopword_languages(raw: str) -> tuple[str, ...]:
    """The configured languages that have `raw` as a stopword, in its script or romanized."""
    script = script_of(raw)
    out: list[str] = []
    for code in languages.codes():
        analyzer = get_analyzer(code)
        if analyzer.script == script and analyze_word(raw, code).surface in analyzer.stopwords:
            out.append(code)
        elif script == "Latn" and english.normalize(raw) in analyzer.romanized_stopwords:
            out.append(code)
    return tuple(out)


def ordinary_terms(terms: list[QueryTerm]) -> list[QueryTerm]:
    """The terms without stopwords; a query of nothing but stopwords searches for them."""
    kept = [t for t in terms if not t.stop]
    return kept or [replace(t, with_stopwords=True) for t in terms]


def terms_of(text: str, lang: str | None = None) -> Iterable[Term]:
    return (analyze_word(raw, lang) for raw in words(prepare(text)))
