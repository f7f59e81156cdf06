"""Lines that only say where the other language's text is: "Scroll down for Hindi", "Hindi
version below", "Read this in Hindi", "नीचे हिंदी में पढ़ें", "English version follows",
"अंग्रेज़ी में पढ़ें".

Recognised by shape, in any language and wherever they sit: a short line that names a language
and has a word that points (below, follows, नीचे) or reads (read, scroll, पढ़ें), and nothing
else but filler words. Words are compared as search compares them, so spellings meet (हिन्दी
and हिंदी, अंग्रेजी and अंग्रेज़ी, पढ़ें and पढें).
"""

from __future__ import annotations

import re
from functools import cache

from babel import Locale, UnknownLocaleError

from patrika import languages
from patrika.search.analysis import analyze_word
from patrika.search.analysis.tokenize import words

MAX_WORDS = 14
MAX_CHARS = 120

# Words that point to where the text is or ask to read it (at least one is needed).
POINTING = """
below above follows follow following next scroll down up read reading continue see find
version versions translation translated click tap swipe
नीचे ऊपर पढ़ें पढ़िए पढ़ने पढ़ सकते स्क्रॉल देखें देखिए संस्करण अनुवाद आगे क्लिक वर्ज़न ट्रांसलेशन
"""
# Words such a line may hold besides (articles, "for", "this story", "कृपया", "के लिए").
FILLER = """
for in the this a an of to is it its here please story article news post text report and or
you can also same given available go full language is are version please now
के लिए में करें करे को यह इसे इस ये खबर ख़बर लेख समाचार कृपया यहाँ यहां उपलब्ध है हैं दिया गया
गई पूरा पूरी भी पर स्टोरी भाषा आप
"""
# Everyday names that CLDR does not give ("इंग्लिश", "Bengali").
EXTRA_NAMES = "इंग्लिश हिंदी bengali"


def _fold(word: str) -> str:
    return analyze_word(word).surface


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    codes = set(languages.codes()) | set(languages.KNOWN)
    names: set[str] = set(EXTRA_NAMES.split())
    for display in {"en", *languages.codes()}:
        for code in codes:
            try:
                names.add(Locale.parse(display).languages.get(code, ""))
                names.add(Locale.parse(code).get_display_name(code) or "")
            except (UnknownLocaleError, ValueError):
                continue
    single = {_fold(w) for name in names for w in words(name) if len(words(name)) == 1}
    pointing = {_fold(w) for w in words(POINTING)}
    filler = {_fold(w) for w in words(FILLER)}
    return frozenset(single), frozenset(pointing), frozenset(filler)


def is_language_pointer(text: str) -> bool:
    """True for a line that only says the text in some language is elsewhere."""
    found = words(text)
    if not 2 <= len(found) <= MAX_WORDS or len(text) > MAX_CHARS:
        return False
    names, pointing, filler = _vocabulary()
    folded = [_fold(w) for w in found]
    if not any(w in names for w in folded) or not any(w in pointing for w in folded):
        return False
    others = [w for w in folded if w not in names and w not in pointing and w not in filler]
    # One stray word is allowed in a longer line ("Scroll down for the Hindi-language text").
    return len(others) <= (1 if len(found) >= 5 else 0)


# "Read more: [headline](…)", "Also read – [a](…), [b](…)", "**यह भी पढ़ें:** [शीर्षक](…)".
READING = "read reading see watch listen पढ़ें पढ़िए पढ़ें पढ़े देखें देखिए सुनें"
READ_FILLER = """
more also related stories story news article articles post posts next previous further full
and here click this to the on latest top recommended suggested
भी और ये यह इसे इन्हें संबंधित खबर ख़बर खबरें ख़बरें लेख ताजा ताज़ा जरूर ज़रूर अन्य आगे यहां यहाँ
क्लिक करें
"""
_LINK = re.compile(r"!?\[((?:\\.|[^\]\\])*)\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
                   r"(?:\s+\"[^\"]*\")?\)")  # fmt: skip
_LABEL_END = re.compile(r"^(.{1,60}?)\s*[:：|»\-–—]+\s*(.*)$", re.S)


@cache
def _reading() -> tuple[frozenset[str], frozenset[str]]:
    return (
        frozenset(_fold(w) for w in words(READING)),
        frozenset(_fold(w) for w in words(READ_FILLER)),
    )


def is_read_cue(text: str) -> bool:
    """A short label that sends the reader elsewhere: "Read more", "Also read", "यह भी पढ़ें"."""
    found = [_fold(w) for w in words(text)]
    reading, filler = _reading()
    return (
        0 < len(found) <= 6
        and any(w in reading for w in found)
        and all(w in reading or w in filler for w in found)
    )


def _links_and_label(markdown: str) -> tuple[list[re.Match[str]], str]:
    """The links of a Markdown block, and what is left once they, list markers and
    separators are taken out."""
    links = list(_LINK.finditer(markdown))
    rest = re.sub(r"(?m)^\s*(?:[-*+•]|\d+[.)])\s+", " ", _LINK.sub(" ", markdown))
    return links, re.sub(r"[\s*_~:：|»«\-–—,;.•/\\()\[\]]+", " ", rest).strip()


def is_link_only(markdown: str) -> bool:
    """Links (a line of them, a list of them) and nothing else."""
    links, label = _links_and_label(markdown)
    return bool(links) and not label


def is_read_more_line(markdown: str) -> bool:
    """A Markdown block made of links and nothing else but a reading cue ("Read more:") before
    them or at the start of the only link's text."""
    links, label = _links_and_label(markdown)
    if not links:
        return False
    if label:
        return is_read_cue(label)
    if len(links) != 1:
        return False
    text = re.sub(r"[*_~]", "", links[0].group(1)).strip()
    match = _LABEL_END.match(text)
    return is_read_cue(text) or bool(match and is_read_cue(match.group(1)))
