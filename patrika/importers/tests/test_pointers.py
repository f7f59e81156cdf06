"""Lines that only point to the other language ("Scroll down for Hindi", "नीचे हिंदी में पढ़ें")
and "Read more: …" link lines are recognised by their shape, in any phrasing, wherever they
sit."""

from __future__ import annotations

import pytest

from patrika.importers.pointers import is_language_pointer, is_read_more_line
from patrika.importers.textdump import parse_dump

POINTERS = [
    "Scroll down for Hindi",
    "Scroll down for hindi version",
    "Hindi version below",
    "Read this in Hindi",
    "Read this story in Hindi below",
    "Click here to read this article in Hindi",
    "For Hindi, scroll down",
    "Hindi translation follows",
    "English version follows",
    "Read in English",
    "Scroll up for the English version",
    "(Hindi version below)",
    "*** SCROLL DOWN FOR HINDI ***",
    "👇 Read in Hindi 👇",
    "हिंदी में पढ़ने के लिए नीचे स्क्रॉल करें",
    "हिन्दी में पढ़ने के लिए नीचे स्क्रॉल करें",
    "नीचे हिंदी में पढ़ें",
    "नीचे हिंदी में पढें",
    "इस खबर को हिंदी में नीचे पढ़ें",
    "अंग्रेज़ी में पढ़ें",
    "अंग्रेजी में पढ़ने के लिए नीचे स्क्रॉल करें",
    "इंग्लिश वर्ज़न नीचे पढ़ें",
    "हिंदी संस्करण नीचे है",
    "यह खबर अंग्रेज़ी में ऊपर पढ़ें",
]
NOT_POINTERS = [
    "Hindi to be taught in all schools, says minister",
    "Why you should read in Hindi",
    "See Hindi films this weekend",
    "Hindi version of the Ramayana found in a Pune library",
    "English follows the Hindi text in the new exam papers, board says",
    "Putin–Modi Talks: Strengthening India–Russia Ties",
    "हिंदी दिवस पर विशेष",
    "मोदी ने कहा कि हिंदी में पढ़ाई होगी",
    "नई शिक्षा नीति में अंग्रेज़ी की जगह",
    "Read more",
    "English",
    "Scroll down",
]


@pytest.mark.parametrize("line", POINTERS)
def test_pointer_lines_in_both_languages(line: str) -> None:
    assert is_language_pointer(line)


@pytest.mark.parametrize("line", NOT_POINTERS)
def test_lines_about_languages_are_not_pointers(line: str) -> None:
    assert not is_language_pointer(line)


EN = (
    "Monsoon Reaches Kerala Early\n\n"
    "The monsoon reached Kerala on Thursday, three days ahead of its usual date, the weather "
    "office said.\n\n"
    "Farmers across the south welcomed the early rain after a long, hot summer.\n"
)
HI = (
    "केरल में मानसून समय से पहले पहुंचा\n\n"
    "मौसम विभाग ने बताया कि मानसून गुरुवार को अपनी सामान्य तारीख से तीन दिन पहले केरल पहुंच गया।\n\n"
    "लंबी और गर्म गर्मी के बाद दक्षिण भर के किसानों ने जल्दी बारिश का स्वागत किया।\n"
)


@pytest.mark.parametrize("line", POINTERS)
@pytest.mark.parametrize(
    "where", ["top", "end of English", "above the Hindi title", "under the Hindi title", "end"]
)
def test_dump_pointer_line_is_dropped_wherever_it_sits(line: str, where: str) -> None:
    """The bug: a "read in Hindi below" line phrased unlike the sample became the Hindi title
    and pushed the real title into the body."""
    hi_title, hi_rest = HI.split("\n\n", 1)
    text = {
        "top": f"{line}\n\n{EN}\n{HI}",
        "end of English": f"{EN}\n{line}\n\n\n{HI}",
        "above the Hindi title": f"{EN}\n{line}\n{HI}",
        "under the Hindi title": f"{EN}\n{hi_title}\n{line}\n\n{hi_rest}",
        "end": f"{EN}\n{HI}\n{line}\n",
    }[where]
    parsed = parse_dump(text)
    titles = {t.language: t.title for t in parsed.translations}
    assert titles == {"en": "Monsoon Reaches Kerala Early", "hi": "केरल में मानसून समय से पहले पहुंचा"}
    for translation in parsed.translations:
        assert line not in translation.body
        assert translation.body.count("\n\n") == 1  # two paragraphs, nothing else


@pytest.mark.parametrize(
    "block",
    [
        "Read more: [Germany votes on new coal law](https://www.dw.com/en/coal/a-1)",
        "**Also read:** [One](https://a.example/1), [Two](https://a.example/2)",
        "READ | [Why the rupee fell](https://a.example/rupee)",
        "यह भी पढ़ें- [किसानों के लिए नई योजना](https://www.bhaskar.com/news/1.html)",
        "**ये भी पढ़ें:** [एक](https://a.example/1) | [दो](https://a.example/2)",
        "इसे भी पढ़ें: [बजट 2025](https://a.example/b)",
        "[Read more: the full interview](https://a.example/i)",
        "[और पढ़ें](https://a.example/more)",
        "See also: [Earlier report](https://a.example/e)",
    ],
)
def test_read_more_link_lines(block: str) -> None:
    assert is_read_more_line(block)


@pytest.mark.parametrize(
    "block",
    [
        "Source: [Reuters](https://reuters.example)",
        "The minister said [this](https://a.example) on Monday.",
        "Read the [full report](https://a.example/r) to learn why prices rose so fast.",
        "[Download the report (PDF)](https://a.example/r.pdf)",
        "पूरी रिपोर्ट [यहां](https://a.example/r) उपलब्ध है और उसमें सभी आंकड़े हैं।",
        "Read more about the budget in our explainer.",
    ],
)
def test_text_with_links_is_not_a_read_more_line(block: str) -> None:
    assert not is_read_more_line(block)
