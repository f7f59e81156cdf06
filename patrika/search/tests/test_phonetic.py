"""The spellings readers type for Hindi words, walked as a table (no database).

Each row: a Devanagari word, romanizations that must all meet it (the query's key is one of the
word's index keys), and near words that none of them may meet.
"""

from __future__ import annotations

import pytest

from patrika.search.analysis import analyze_document, analyze_query
from patrika.search.analysis.phonetic import MAX_KEYS, fold, indic_key, indic_keys

SPELLINGS: list[tuple[str, list[str], list[str]]] = [
    # ृ (vocalic r) typed "ri", "r" or "ru"
    ("कृषि", ["krishi", "krshi", "krushi", "krisi", "krsi", "kRRiShi"], ["खुशी", "कर्षण", "कृष्ण"]),
    ("अस्वीकृति", ["asvikriti", "asvikrti", "aswikriti", "asweekruti", "asvIkRti"], ["स्वीकृति"]),
    ("दृष्टि", ["drishti", "drshti", "drushti", "dRShTi"], ["दोस्ती", "दृष्टा"]),
    ("प्रकृति", ["prakriti", "prakrti", "prakruti", "prakRti"], ["प्रगति", "प्रकट"]),
    ("संस्कृति", ["sanskriti", "sanskrti", "samskriti", "sanskruti"], ["संस्कार"]),
    ("पृथ्वी", ["prithvi", "prthvi", "pruthvi", "prithvee"], ["परिधि"]),
    # ज्ञ typed "gy", "gya", "jn"; "jn" elsewhere stays ज + न
    ("ज्ञान", ["gyan", "gyaan", "jnan", "jnaan", "gyana", "jnana"], ["जान", "जन", "गान"]),
    ("विज्ञान", ["vigyan", "vigyaan", "vijnan", "wigyan", "vijnaan"], ["विमान", "विधान"]),
    ("आज्ञा", ["agya", "aagya", "ajna", "aagyaa", "aajna"], ["आग", "आया"]),
    ("यज्ञ", ["yagya", "yajna", "yagyaa"], ["योग्य", "याद"]),
    ("राजनीति", ["rajniti", "rajneeti", "raajneeti", "rajanIti"], ["रजनी", "राज्य"]),
    ("राजनाथ", ["rajnath", "raajnaath", "rajnaath"], ["राज्ञी"]),
    # ष typed "sh" or "s"
    ("विशेष", ["vishesh", "visesh", "vishes", "wishesh", "visheSh"], ["विशाल", "विष"]),
    ("भाषा", ["bhasha", "bhaasha", "bhasa", "bhaashaa"], ["भाग", "भाव"]),
    ("प्रदूषण", ["pradushan", "pradooshan", "pradusan", "pradUShaN"], ["प्रदर्शन"]),
    ("वर्षा", ["varsha", "warsha", "varsa", "varshaa"], ["वर्मा"]),
    # व typed "v" or "w"
    ("वापस", ["wapas", "vapas", "waapas", "vaapas"], ["पास"]),
    ("विकास", ["vikas", "wikas", "vikaas", "wikaas"], ["विकार"]),
    ("स्वागत", ["swagat", "svagat", "swaagat", "svaagat"], ["सागर"]),
    ("व्यापार", ["vyapar", "wyapar", "vyaapaar", "vyapaar"], ["व्यवहार"]),
    # nasal vowels (anusvara, chandrabindu) with or without "n"
    ("कहां", ["kahan", "kahaan", "kaha", "kahaa"], ["कोहनी", "खान"]),
    ("गांव", ["gaanv", "ganv", "gaav", "gav", "gaanw", "gaaw"], ["गाना", "गाय"]),
    ("गाँव", ["gaanv", "ganv", "gaav", "gav"], ["गाना"]),
    ("किसानों", ["kisano", "kisanon", "kisaanon", "kisaano", "kisan"], ["कसम"]),
    ("दुकानें", ["dukane", "dukanen", "dukaanen", "dukaane"], ["दुकानदार"]),
    ("हंसी", ["hansi", "hasi", "hansee", "hasee", "haMsI"], ["हिंसा"]),
    ("सांस", ["saans", "sans", "saas", "sas"], ["साहस"]),
    ("संवाद", ["samvad", "sanvad", "samvaad", "sanvaad", "saMvAda"], ["सवाल", "संवेदना"]),
    ("संसद", ["sansad", "samsad", "sansadh", "saMsada"], ["सदन"]),
    ("हिंदी", ["hindi", "hindee", "himdi", "hiMdI"], ["हिंसा"]),
    ("शांति", ["shanti", "shaanti", "shamti", "santi", "saanti"], ["शक्ति", "संत"]),
    ("पंजाब", ["panjab", "pamjab", "panjaab", "paMjAba"], ["पंखा"]),
    ("चांद", ["chand", "chaand", "chaMda"], ["चाय"]),
]


def _index_keys(word: str) -> set[str]:
    """Every key the index holds for `word`, as a Hindi story's title."""
    return set(analyze_document(title=word, body="", lang="hi").title_keys.split())


def _query_key(spelling: str) -> str:
    (term,) = analyze_query(spelling, lang="hi")
    return term.key


@pytest.mark.parametrize(("word", "spellings", "near"), SPELLINGS, ids=[r[0] for r in SPELLINGS])
def test_spellings_meet_the_word_and_not_its_neighbours(
    word: str, spellings: list[str], near: list[str]
) -> None:
    keys = _index_keys(word)
    missed = [s for s in spellings if _query_key(s) not in keys]
    assert not missed, (word, sorted(keys), {s: _query_key(s) for s in missed})
    for other in near:
        shared = [s for s in spellings if _query_key(s) in _index_keys(other)]
        assert not shared, (word, other, shared)


def test_the_first_key_is_the_words_own() -> None:
    for word, _spellings, _near in SPELLINGS:
        keys = indic_keys(word, "devanagari")
        assert keys[0] == indic_key(word, "devanagari")
        assert len(keys) == len(set(keys)) <= MAX_KEYS


def test_jn_is_gy_only_at_the_start_of_a_word() -> None:
    assert fold("jnan") == fold("gyan")
    assert fold("rajniti") != fold("ragyiti")


def test_anusvara_before_a_stop_is_always_typed() -> None:
    # संबंध without its nasals would be शब्द ("shabd").
    assert _index_keys("संबंध").isdisjoint(_index_keys("शब्द"))
