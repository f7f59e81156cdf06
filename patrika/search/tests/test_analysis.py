"""Table-driven tests of the analysis pipeline (no database)."""

from __future__ import annotations

import pytest

from patrika.search.analysis import (
    STOP_MARK,
    analyze_document,
    analyze_query,
    analyze_word,
    devanagari,
    english,
    ordinary_terms,
    prepare,
)
from patrika.search.analysis.phonetic import fold, indic_key, latin_key
from patrika.search.analysis.tokenize import script_of, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("प्रधानमंत्री मोदी", ["प्रधानमंत्री", "मोदी"]),
        ("मोदी ने कहा।", ["मोदी", "ने", "कहा"]),
        ("भारत–रूस व्यापार", ["भारत", "रूस", "व्यापार"]),
        ("India’s S-400", ["India", "s", "S", "400"]),
        ("२०२४ में", ["२०२४", "में"]),
        ("चाँद, ऋषि: क़ानून", ["चाँद", "ऋषि", "क़ानून"]),
    ],
)
def test_words_keep_combining_marks(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_prepare_removes_joiners_inside_words() -> None:
    assert words(prepare("क्\u200dष हिन्\u200cदी")) == ["क्ष", "हिन्दी"]


@pytest.mark.parametrize(
    ("word", "script"), [("मोदी", "Deva"), ("Modi", "Latn"), ("2024", "Zyyy"), ("মোদী", "Beng")]
)
def test_script_of(word: str, script: str) -> None:
    assert script_of(word) == script


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("सम्बन्ध", "संबंध"),  # nasal consonant + virama → anusvara
        ("हिन्दी", "हिंदी"),
        ("पण्डित", "पंडित"),
        ("चञ्चल", "चंचल"),
        ("गङ्गा", "गंगा"),
        ("क\u093cानून", "कानून"),  # decomposed nukta
        ("\u0958ानून", "कानून"),  # precomposed क़
        ("ज़्यादा", "ज्यादा"),
        ("चाँद", "चांद"),  # chandrabindu → anusvara
        ("गये", "गए"),
        ("लिये", "लिए"),
        ("गयी", "गई"),
        ("डॉक्टर", "डोक्टर"),
    ],
)
def test_devanagari_normalize(variant: str, canonical: str) -> None:
    assert devanagari.normalize(prepare(variant)) == devanagari.normalize(canonical)
    assert analyze_word(variant, "hi").word == analyze_word(canonical, "hi").word


@pytest.mark.parametrize("word", ["सम्मेलन", "अन्न", "ये", "मोदी"])
def test_devanagari_normalize_leaves_alone(word: str) -> None:
    assert devanagari.normalize(word) == word


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("प्रणालियों", "प्रणाल"),
        ("समझौतों", "समझौत"),
        ("समझौते", "समझौत"),
        ("ने", "ने"),  # too short to stem
        ("मोदी", "मोद"),
    ],
)
def test_devanagari_stem(word: str, stem: str) -> None:
    assert devanagari.stem(word) == stem


@pytest.mark.parametrize(
    ("words_", "stem"),
    [
        (["talk", "talks", "talked", "talking"], "talk"),
        (["trade", "trades", "traded", "trading"], "trad"),
        (["country", "countries"], "country"),
        (["stop", "stopped", "stopping"], "stop"),
        (["agree", "agreed", "agrees"], "agre"),
        (["box", "boxes"], "box"),
    ],
)
def test_english_stem(words_: list[str], stem: str) -> None:
    assert {english.stem(english.normalize(w)) for w in words_} == {stem}


def test_english_normalize_folds_case_and_accents() -> None:
    assert english.normalize("Café") == "cafe"


@pytest.mark.parametrize(
    ("latin", "devanagari_word"),
    [
        ("modi", "मोदी"),
        ("mody", "मोदी"),
        ("bharat", "भारत"),
        ("bharath", "भारत"),
        ("roos", "रूस"),
        ("vyapar", "व्यापार"),
        ("vyaapaar", "व्यापार"),
        ("pradhanmantri", "प्रधानमंत्री"),
        ("pradhaanmantree", "प्रधानमंत्री"),
        ("pradanmantri", "प्रधानमंत्री"),
        ("putin", "पुतिन"),
        ("sambandh", "संबंध"),
        ("narendra", "नरेंद्र"),
        ("gyan", "ज्ञान"),
        ("kshetra", "क्षेत्र"),
        ("krishi", "कृषि"),
        ("shikhar", "शिखर"),
        ("dilli", "दिल्ली"),
        ("wapas", "वापस"),
        ("fal", "फल"),
        ("zameen", "ज़मीन"),
    ],
)
def test_romanized_keys_meet_devanagari(latin: str, devanagari_word: str) -> None:
    word = devanagari.normalize(prepare(devanagari_word))
    assert latin_key(latin) == indic_key(word, "devanagari")


@pytest.mark.parametrize(("a", "b"), [("modi", "madam"), ("bharat", "barish"), ("putin", "patna")])
def test_keys_keep_different_words_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_shredded_fragments_do_not_share_keys_with_the_word() -> None:
    # The unicode61 bug turned मोदी into म + द: neither fragment nor मादा is मोदी.
    modi = analyze_word("मोदी", "hi")
    for other in ("मादा", "म", "द", "मद"):
        term = analyze_word(other, "hi")
        assert term.word != modi.word
        assert term.key != modi.key


def test_document_terms_are_space_separated_whole_words() -> None:
    doc = analyze_document(title="प्रधानमंत्री मोदी", body="Putin’s talks", lang="hi")
    assert doc.title_words.split() == ["प्रधानमंत्र", "मोद"]
    assert "prdnmntri" in doc.title_keys.split()
    # Stopwords keep their place, marked: "’s" is a word and a stopword.
    assert doc.body_words.split() == ["putin", STOP_MARK + "s", "talk"]
    assert doc.vocabulary["मोदी"] == "modi"


def test_query_drops_stopwords_in_every_script() -> None:
    def kept(query: str) -> list[str]:
        return [t.raw for t in ordinary_terms(analyze_query(query))]

    assert kept("modi ki yatra") == ["modi", "yatra"]
    assert kept("भारत और रूस") == ["भारत", "रूस"]
    assert kept("the talks") == ["talks"]
    # Nothing but stopwords: keep them rather than search for nothing, and match them where
    # the index has them as stopwords.
    for query in ("the", "कौन यही", "ki ke"):
        terms = ordinary_terms(analyze_query(query))
        assert [t.raw for t in terms] == query.split()
        assert all(t.with_stopwords for t in terms)
        assert all(STOP_MARK + t.word in t.word_terms() for t in terms)


def test_stopwords_are_indexed_marked_in_their_place() -> None:
    doc = analyze_document(title="कौन है यही", body="", lang="hi")
    terms = [analyze_word(w, "hi") for w in ("कौन", "है", "यही")]
    assert doc.title_words.split() == [STOP_MARK + t.word for t in terms]
    # Each word's own key in the same order as the words, so neighbours stay neighbours.
    assert doc.title_keys.split()[:3] == [STOP_MARK + t.key for t in terms]
    assert [t.key for t in terms] == ["kon", "he", "yhi"]
    assert "कौन" not in doc.vocabulary


def test_a_word_whose_key_is_a_stopwords_may_be_that_stopword() -> None:
    jin, ping = analyze_query("jin ping")
    assert jin.stop_key and not jin.stop  # जिन
    assert not ping.stop_key


def test_query_keys_for_short_same_script_words_are_dropped() -> None:
    (mada,) = analyze_query("मादा")
    assert mada.key == ""
    (putin,) = analyze_query("पुतिन")
    assert putin.key == "putin"
    (bat,) = analyze_query("baat")
    assert bat.key == "bt"


def test_digits_of_every_script_meet() -> None:
    assert analyze_word("२०२४").word == analyze_word("2024").word == "2024"
