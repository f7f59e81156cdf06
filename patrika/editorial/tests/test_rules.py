"""Each rule on a table of inputs, in English and Hindi: what it must find, and what it must
leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from patrika.editorial.lint import Document, Text, lint_document


def _doc(en: str = "", hi: str = "", **extra: object) -> Document:
    texts = []
    if en:
        texts.append(Text(language="en", title="A story", body=en))
    if hi:
        texts.append(Text(language="hi", title="एक ख़बर", body=hi))
    return Document(texts=texts, original_language="en", sources=["Agency"], **extra)


def _rules(document: Document, rule: str) -> list:
    return [f for f in lint_document(document) if f.rule == rule]


EN_OK = "The minister opened the new bridge on Monday. Traffic moved freely by evening."
HI_OK = "मंत्री ने सोमवार को नए पुल का उद्घाटन किया। शाम तक यातायात सुचारु रहा।"

TRUNCATED = [
    ("en", "Both countries need collective security mechan."),
    ("en", "The council said that the new rules would lead to cha."),
    ("en", "The minister spoke about the need for"),
    ("en", "Officials expected more talks with the."),
    ("en", "Prime Minister Narendra Modi met the delegation. Later it called Mo."),
    ("hi", "दोनों देशों ने सामूहिक सुरक्षा ढांचे की आवश्यकता पर बल दि।"),
    ("hi", "सरकार ने नई नीति की घोषणा की और कहा कि इससे किसानों को लाभ होग।"),
    ("hi", "मंत्री ने कहा कि पुल का काम अगले साल तक पूरा हो जाएगा और"),
    ("hi", "बैठक में कई मुद्दों पर चर्चा हुई जिनमें व्यापार भी शामिल था के।"),
    ("hi", "अधिकारियों ने बताया कि परियोजना का काम तेजी से चल रहा है सम्।"),
    # Cuts that leave a real word, or something as short as what a cut leaves.
    ("en", "Officials expect more don."),
    ("en", "Both sides said the talks would open the th."),
    ("en", "The ministry said it would issue new tex."),
    ("en", "Cases of COVID-19 rose in March, and the city closed its schools against COVI."),
    ("en", "Returns the size of an open"),
    ("hi", "सरकार ने कहा कि इससे किसानों को लाभ क।"),
    ("hi", "समिति ने अपनी रिपोर्ट प्रस्तुत कर।"),
    ("hi", "यह खण्ड रंगों को पारिभाषित"),
]
COMPLETE = [
    ("en", EN_OK),
    ("en", "He said the plan was ready for the unit."),
    ("en", "The talks were held at 10 a.m. on Monday in the U.S."),
    ("en", "Mr. Modi met Dr. Rao, the minister said, etc."),
    ("en", "“Today’s era is not of war,” Modi said."),
    ("en", "Trade crossed $65 billion in 2024 (up from 2023)."),
    ("en", "The company was founded by Kwabena Osei."),
    ("hi", HI_OK),
    ("hi", "मोदी ने कहा कि “आज का युग युद्ध का नहीं है।”"),
    ("hi", "वर्ष 2024 में व्यापार 65 अरब डॉलर तक पहुंच गया।"),
    ("hi", "इसके बाद समिति ने अपनी रिपोर्ट सौंपी और बैठक समाप्त हुई।"),
    ("hi", "यह परियोजना 2030 तक पूरी होगी, अधिकारियों ने बताया।"),
    ("en", "Choose the value that you want to group the results by."),
    ("en", "Drag the pointer to the hotspot."),
    ("en", "It is up to you."),
    ("hi", "किनारे को क्लिक करें फिर डिलीट कुंजी दबा दें।"),
    ("hi", "यह सेटिंग सभी श्रेणियों पर लागू होती है (लीजैण्ड व डाटा श्रेणियों में)।"),
]


@pytest.mark.parametrize(("language", "paragraph"), TRUNCATED)
def test_truncation_finds_cut_sentences_and_words(language: str, paragraph: str) -> None:
    document = _doc(**{language: f"{paragraph}\n\nA second paragraph follows here."})
    [finding] = _rules(document, "truncation")
    assert finding.language == language and finding.paragraph == 0
    assert finding.level == "error"
    assert finding.excerpt and finding.excerpt[-1] in paragraph[-1] + "…"


@pytest.mark.parametrize(("language", "paragraph"), COMPLETE)
def test_truncation_leaves_complete_sentences_alone(language: str, paragraph: str) -> None:
    assert _rules(_doc(**{language: paragraph}), "truncation") == []


def _corpus(name: str) -> list[tuple[str, str]]:
    path = Path(__file__).resolve().parents[3] / "scripts" / "data" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")[1:]) for line in lines if line and not line.startswith("#")]


def test_truncation_leaves_every_tico19_sentence_alone() -> None:
    """Published translations (TICO-19, both languages), a paragraph each: none is cut off."""
    pairs = _corpus("tico19-en-hi.tsv")
    document = _doc(en="\n\n".join(en for en, _ in pairs), hi="\n\n".join(hi for _, hi in pairs))
    assert _rules(document, "truncation") == []


@pytest.mark.parametrize("language", ["en", "hi"])
def test_truncation_finds_every_cut_of_a_sentences_last_word(language: str) -> None:
    """Every cut of the last word of each TICO-19 sentence (a word the lists know), down to two
    letters or one syllable, is found when it leaves no word, or a word as short as what cuts
    leave ("th", "क"). A longer real word ("unit" of "united") may be a finished sentence."""
    from patrika.editorial.lint.languages import get
    from patrika.editorial.lint.words import clusters, is_known, words

    lang = get(language)
    missed = []
    for en, hi in _corpus("tico19-en-hi.tsv"):
        sentence = en if language == "en" else hi
        last = words(sentence)[-1]
        units = clusters(last.text)
        if not is_known(last.text, lang) or last.text[0].isupper() or len(units) < 3:
            continue
        for keep in range(2 if language == "en" else 1, len(units)):
            cut = "".join(units[:keep])
            short = len(clusters(cut)) <= lang.short_word
            if (is_known(cut, lang) and not short) or cut in lang.abbreviations:
                continue
            text = sentence[: last.start] + cut + (". Next." if language == "en" else "। अगला।")
            if not _rules(_doc(**{language: text}), "truncation"):
                missed.append(cut)
    assert missed == []


def test_truncation_skips_headings_lists_and_names_the_place() -> None:
    body = "## A heading without a stop\n\n- a list item\n- another\n\n" + EN_OK
    assert _rules(_doc(en=body), "truncation") == []
    body = EN_OK + "\n\nThe second paragraph ends in mechan."
    [finding] = _rules(_doc(en=body), "truncation")
    assert finding.paragraph == 1
    assert body.split("\n\n")[1][finding.start : finding.end].endswith("mechan.")


BOILERPLATE = [
    "Scroll down for hindi",
    "Scroll up for the English version",
    "SCROLL DOWN FOR HINDI »",
    "Click here to read this story in Hindi",
    "Read this article in English",
    "for more news click here",
    "Leave a Comment",
    "Also read: Monsoon arrives early in Kerala",
    "Follow us on Instagram for updates",
    "Download our news app",
    "हिंदी में पढ़ने के लिए नीचे स्क्रॉल करें",
    "हिंदी में पढ़ने के लिए यहां क्लिक करें",
    "अंग्रेज़ी में पढ़ें",
    "यह भी पढ़ें: मानसून ने केरल में दस्तक दी",
    "ज़्यादा खबरों के लिए यहां क्लिक करें",
    "हमें फेसबुक पर फॉलो करें",
]


@pytest.mark.parametrize("line", BOILERPLATE)
@pytest.mark.parametrize("language", ["en", "hi"])
def test_boilerplate_in_any_language(line: str, language: str) -> None:
    own = EN_OK if language == "en" else HI_OK
    [finding] = _rules(_doc(**{language: f"{own}\n\n{line}\n\n{own}"}), "boilerplate")
    assert finding.paragraph == 1 and finding.level == "error"


@pytest.mark.parametrize(
    "paragraph",
    [
        EN_OK,
        "Readers can scroll through the archive of the 1947 papers at the library, which opened "
        "its reading room to the public this week after a long restoration.",
        "He said the click of the camera was the only sound in the room.",
        HI_OK,
        "उन्होंने कहा कि लोग नीचे की मंज़िल पर इंतज़ार करें क्योंकि ऊपर मरम्मत चल रही है।",
    ],
)
def test_boilerplate_leaves_prose_alone(paragraph: str) -> None:
    assert _rules(_doc(en=paragraph), "boilerplate") == []


STUFFED = [
    "Putin and Modi Talks/Putin and Modi Talks/Putin and Modi Talks",
    "Monsoon Update | Monsoon Update | Monsoon Update",
    "budget 2026, budget 2026, budget 2026, budget 2026",
    "Cricket World Cup Cricket World Cup Cricket World Cup",
    "मानसून अपडेट/मानसून अपडेट/मानसून अपडेट",
    "बजट 2026, बजट 2026, बजट 2026",
]


@pytest.mark.parametrize("line", STUFFED)
def test_stuffing_on_one_line(line: str) -> None:
    [finding] = _rules(_doc(en=f"{EN_OK}\n\n{line}"), "stuffing")
    assert finding.paragraph == 1 and finding.level == "error"


@pytest.mark.parametrize(
    ("language", "phrase"), [("en", "gold price today"), ("hi", "सोने का भाव आज")]
)
def test_stuffing_of_a_phrase_spread_over_the_text(language: str, phrase: str) -> None:
    own = EN_OK if language == "en" else HI_OK
    body = "\n\n".join(f"{own} {phrase.capitalize()} {phrase}." for _ in range(3))
    findings = _rules(_doc(**{language: body}), "stuffing")
    assert findings and phrase in findings[0].message


@pytest.mark.parametrize(("language", "line"), [("en", "Monsoon Update"), ("hi", "मानसून अपडेट")])
def test_stuffing_short_line_standing_alone_twice(language: str, line: str) -> None:
    own = EN_OK if language == "en" else HI_OK
    body = f"{line}\n\n{own}\n\n{line}\n\n{own}"
    assert [f.paragraph for f in _rules(_doc(**{language: body}), "stuffing")] == [0, 2]


def test_stuffing_leaves_natural_repetition_alone() -> None:
    body = (
        "Prime Minister Narendra Modi met the delegation on Monday. The Prime Minister said the "
        "talks were useful.\n\nThe delegation, led by the trade minister, asked Prime Minister "
        "Narendra Modi about tariffs. The Prime Minister promised an answer within a week.\n\n"
        "Officials said Prime Minister Narendra Modi would travel to the summit in June, where "
        "the Prime Minister is expected to meet other leaders.\n\nThe talks, the delegation "
        "said, were the most useful in years."
    )
    assert _rules(_doc(en=body), "stuffing") == []


PAIRS_SAME_NUMBERS = [
    ("Trade crossed $65 billion in 2024.", "वर्ष 2024 में व्यापार 65 अरब डॉलर पहुंचा।"),
    ("Trade crossed $65 billion in 2024.", "वर्ष २०२४ में व्यापार 6,500 करोड़ डॉलर पहुंचा।"),
    (
        "About 40,000 hectares were sown, 12.5% more.",
        "करीब 40,000 हेक्टेयर में बुवाई हुई, 12.5 प्रतिशत अधिक।",
    ),
    ("Five people were hurt on 3 March.", "3 मार्च को 5 लोग घायल हुए।"),
    ("The fund holds Rs 1.5 lakh crore.", "कोष में 1.5 लाख करोड़ रुपये हैं।"),
]
PAIRS_DIFFERENT_NUMBERS = [
    (
        "About 55,000 hectares were sown.",
        "करीब 40,000 हेक्टेयर में बुवाई हुई।",
        {"en": "55,000", "hi": "40,000"},
    ),
    (
        "Trade crossed $65 billion in 2024.",
        "वर्ष 2024 में व्यापार 56 अरब डॉलर पहुंचा।",
        {"en": "65 billion", "hi": "56 अरब"},
    ),
    ("The plant opened in 2019.", "संयंत्र 2018 में खुला।", {"en": "2019", "hi": "2018"}),
    ("Turnout was 61 percent in 2024.", "2024 में मतदान हुआ।", {"en": "61"}),
]


@pytest.mark.parametrize(("en", "hi"), PAIRS_SAME_NUMBERS)
def test_parity_numbers_match_across_scripts_and_scales(en: str, hi: str) -> None:
    assert _rules(_doc(en=en, hi=hi), "parity-numbers") == []


@pytest.mark.parametrize(("en", "hi", "missing"), PAIRS_DIFFERENT_NUMBERS)
def test_parity_numbers_report_each_side(en: str, hi: str, missing: dict[str, str]) -> None:
    findings = _rules(_doc(en=en, hi=hi), "parity-numbers")
    assert {f.language: f.excerpt for f in findings} == missing


EN_STORY = [
    "Prime Minister Narendra Modi spoke to Vladimir Putin on Monday about energy supplies.",
    "According to officials, both leaders agreed to meet again before the end of the year.",
    "Trade between the two countries crossed $65 billion in 2024, the ministry said.",
]
HI_STORY = [
    "प्रधानमंत्री नरेंद्र मोदी ने सोमवार को व्लादिमीर पुतिन से ऊर्जा आपूर्ति पर बात की।",
    "अधिकारियों के अनुसार, दोनों नेता साल के अंत से पहले फिर मिलने पर सहमत हुए।",
    "मंत्रालय ने कहा कि वर्ष 2024 में दोनों देशों का व्यापार 65 अरब डॉलर से अधिक रहा।",
]


def test_parity_paragraphs_aligned_story_is_clean() -> None:
    document = _doc(en="\n\n".join(EN_STORY), hi="\n\n".join(HI_STORY))
    assert _rules(document, "parity-paragraphs") == []


# ("hi", 0) is missing on purpose: a Hindi paragraph that only names people is placed by its
# length alone when its English counterpart is gone (Hindi names cannot be told from words).
@pytest.mark.parametrize(
    ("side", "dropped"), [("en", 0), ("en", 1), ("en", 2), ("hi", 1), ("hi", 2)]
)
def test_parity_paragraphs_finds_a_paragraph_without_counterpart(side: str, dropped: int) -> None:
    en, hi = list(EN_STORY), list(HI_STORY)
    (hi if side == "en" else en).pop(dropped)
    [finding] = _rules(_doc(en="\n\n".join(en), hi="\n\n".join(hi)), "parity-paragraphs")
    assert (finding.language, finding.paragraph) == (side, dropped)


def test_parity_headings_counts() -> None:
    en = "## Energy\n\n" + "\n\n".join(EN_STORY) + "\n\n## Trade\n\nMore on trade came later today."
    hi = "## ऊर्जा\n\n" + "\n\n".join(HI_STORY) + "\n\nव्यापार पर और बातें बाद में आईं।"
    [finding] = _rules(_doc(en=en, hi=hi), "parity-headings")
    assert finding.language == "en" and finding.excerpt == "Trade"
    assert (
        _rules(
            _doc(en=en, hi=hi.replace("\n\nव्यापार", "\n\n## व्यापार\n\nव्यापार")), "parity-headings"
        )
        == []
    )


def test_parity_names_latin_names_must_survive() -> None:
    document = _doc(en="\n\n".join(EN_STORY), hi="\n\n".join(HI_STORY))
    assert _rules(document, "parity-names") == []
    hi = [HI_STORY[0].replace("नरेंद्र मोदी", "प्रधानमंत्री"), *HI_STORY[1:]]
    findings = _rules(_doc(en="\n\n".join(EN_STORY), hi="\n\n".join(hi)), "parity-names")
    assert sorted(f.excerpt for f in findings) == ["Modi", "Narendra"]


@pytest.mark.parametrize(
    ("en", "hi"),
    [
        ("Use AutoFill to complete the series.", "शृंखला पूरी करने के लिए स्वतः भरण का उपयोग करें।"),
        (
            "Tests if a Basic Uno object supports it.",
            "जाँचता है कि कोई बेसिक यूएनओ वस्तु इसे समर्थित करती है।",
        ),
        ("Localised names are used.", "स्थानीय नाम इस्तेमाल होते हैं।"),
        ("Wuhan reported new cases.", "वुहान ने नए मामले दर्ज किए।"),
    ],
)
def test_parity_names_translated_or_transliterated_names_are_present(en: str, hi: str) -> None:
    assert _rules(_doc(en=en, hi=hi), "parity-names") == []


def test_alt_text_title_length_source_and_link_text() -> None:
    document = Document(
        texts=[
            Text(
                language="en",
                title="A very long title that goes on and on about the many things that happened",
                body="See [click here](https://example.org).\n\n![](https://example.org/a.jpg)\n\n"
                "According to Reuters, it rained.",
                description="x" * 200,
            ),
            Text(
                language="hi",
                title="छोटा शीर्षक",
                body="[यहाँ क्लिक करें](https://example.org) और देखें।",
                image_alt="एक पुल",
            ),
        ],
        original_language="en",
        has_image=True,
    )
    found = {(f.rule, f.language, f.paragraph) for f in lint_document(document)}
    assert {
        ("alt-text", "en", None),
        ("alt-text", "en", 1),
        ("title-length", "en", None),
        ("source-missing", "en", 2),
        ("link-text", "en", 0),
        ("link-text", "hi", 0),
    } <= found
    assert ("alt-text", "hi", None) not in found
    assert not any(rule == "title-length" and lang == "hi" for rule, lang, _ in found)
