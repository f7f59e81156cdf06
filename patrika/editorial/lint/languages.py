"""What the linter knows about each language, keyed by language code.

Rules never ask `if language == "hi"`: they read these facts. A third language is a new entry in
`LINT_LANGUAGES` (or nothing: an unknown code gets `generic()`, which knows its script's
sentence punctuation and nothing else). Phrases are matched after `phrases.fold` (lower case,
spacing and decoration ignored); shapes are regular expressions over the folded text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings

from patrika import languages
from patrika.search.analysis import devanagari, english


def _identity(word: str) -> str:
    return word


def _english_stem(word: str) -> str:
    return english.stem(english.normalize(word))


def _hindi_stem(word: str) -> str:
    return devanagari.stem(devanagari.normalize(word))


# eq=False: compared and hashed by identity (its tables are dicts), so it can key caches.
@dataclass(frozen=True, eq=False)
class LintLanguage:
    code: str
    # Characters that close a sentence, and what may follow them (quotes, brackets).
    sentence_end: str = ".!?…"
    closing: str = "\"'”’)]»"
    # A file of known words in lint/data ("en.words.gz"), and the stemmer whose stems of
    # those words also count as known (inflected forms the list lacks).
    wordlist: str = ""
    stem: Callable[[str], str] = _identity
    # Words a finished sentence does not end with ("the", "और").
    never_final: frozenset[str] = frozenset()
    # Of `never_final`, prepositions a relative clause may leave at the end ("the value you
    # want to return it for."), and the words that open such a clause.
    strandable: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    # The word list is full enough that a word it lacks, which no listed word begins with, is a
    # word of its own ("hotspot"), not what a cut left. Hindi's is not ("पैरामीट" of पैरामीटर).
    unlisted_words_pass: bool = False
    # The script has upper and lower case (a lower-case word must be listed in lower case).
    has_case: bool = False
    # Words this short (in grapheme clusters) end a sentence only when listed in `short_final`:
    # most are what is left of a longer word ("th", "क").
    short_word: int = 0
    short_final: frozenset[str] = frozenset()
    # Endings of inflected forms: a word the list lacks counts as an inflection of a listed
    # one (by its stem) only when it ends so ("जताई", "selected"; not "स्थि", "selecte").
    inflection_ends: tuple[str, ...] = ()
    # A file in lint/data of listed words far more often the start of a longer word than a
    # word of their own ("don": done, donate; "lea": lead): a sentence ending in one was cut.
    prefix_words: str = ""
    # A word ending this way was cut off mid-letter (a virama, a vowel sign on nothing).
    broken_word_end: re.Pattern[str] | None = None
    # Words written with a full stop that does not end the sentence ("Mr.", "etc.").
    abbreviations: frozenset[str] = frozenset()
    boilerplate: tuple[str, ...] = ()
    boilerplate_shapes: tuple[str, ...] = ()
    # Link texts that say nothing about where the link goes.
    vague_link_text: tuple[str, ...] = ()
    # Ways a story cites someone else's reporting ("according to Reuters").
    citations: tuple[str, ...] = ()
    # Number words: scales ("crore" = 10⁷) and small numbers written out ("five").
    scales: Mapping[str, float] = field(default_factory=dict)
    number_words: Mapping[str, int] = field(default_factory=dict)
    percent_words: frozenset[str] = frozenset()
    # How the language writes the names of Latin letters ("UNO" said letter by letter: यूएनओ).
    letter_names: Mapping[str, str] = field(default_factory=dict)
    # Longest title and description that search results show whole, in characters
    # (combining marks not counted: they take no width of their own).
    title_max: int = 70
    description_max: int = 160


ENGLISH = LintLanguage(
    code="en",
    wordlist="en.words.gz",
    stem=_english_stem,
    never_final=frozenset(
        "a an the of and or nor but to for with from into onto than as at by its their our "
        "your my whose whether between among amid including despite via per such very "
        "he she we they which".split()
    ),
    strandable=frozenset("to for with from into onto at by".split()),
    relatives=frozenset("that which what who whom where whatever whichever".split()),
    has_case=True,
    unlisted_words_pass=True,
    inflection_ends=("s", "ed", "d", "ing", "er", "est", "ly", "'s"),
    prefix_words="en.prefixes.gz",
    short_word=2,
    # One letter is an initial ("J."); two letters are a word only if a sentence can end so.
    short_final=frozenset(
        "it us me up in on do go so be no ok ox tv uk un eu pm am id pc ai".split()
    ),
    abbreviations=frozenset(
        "mr mrs ms dr prof st jr sr no nos vs etc al approx govt dept inc ltd co corp rs "
        "jan feb mar apr jun jul aug sep sept oct nov dec gen col lt sgt capt hon rev fig".split()
    ),
    boilerplate=(
        "scroll down for hindi",
        "scroll down for english",
        "scroll down for hindi version",
        "scroll down for english version",
        "hindi version below",
        "english version below",
        "for more news click here",
        "click here for more news",
        "for more updates click here",
        "click here",
        "read more",
        "read also",
        "also read",
        "continue reading",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share on whatsapp",
        "follow us",
        "follow us on",
        "subscribe to our newsletter",
        "subscribe",
        "leave a comment",
        "leave a reply",
        "post a comment",
        "your email address will not be published",
        "required fields are marked",
        "advertisement",
        "sponsored",
        "related posts",
        "related articles",
        "you may also like",
        "trending now",
    ),
    boilerplate_shapes=(
        r"^(?:please )?(?:scroll|swipe) (?:down|up|below)\b",
        r"^(?:click|tap|press) (?:here|on (?:the|this) link|the link below)\b",
        r"^(?:read|view|see|watch) (?:this|the|full|our)? ?"
        r"(?:story|article|news|report|post|video)? ?in (?:hindi|english|marathi|bengali|urdu)\b",
        r"^(?:also read|read also|must read|don'?t miss|read more|recommended|watch)\s*[:|\-–]",
        r"^(?:follow|like|join) us (?:on|at)\b",
        r"^(?:download|install|get) (?:our|the) (?:\w+ )?app\b",
        r"^for (?:more|latest|all the latest) (?:news|updates|stories)\b",
        r"^(?:copyright|©)",
        r"^(?:this|the) (?:story|article) (?:is|was) (?:auto-generated|published from)\b",
    ),
    vague_link_text=("click here", "here", "click", "read more", "more", "link", "this link"),
    citations=(
        r"\baccording to\b",
        r"\b(?:reported|quoted|cited) by\b",
        r"\bas reported\b",
        r"\b(?:told|said to) (?:reporters|the media|news agency)\b",
        r"\bsaid in a statement\b",
        r"\bnews agency\b",
        r"\bcit(?:ing|ed) (?:a |an |the )?(?:report|sources?|officials?|statement)\b",
    ),
    scales={
        "hundred": 1e2,
        "thousand": 1e3,
        "lakh": 1e5,
        "lakhs": 1e5,
        "million": 1e6,
        "millions": 1e6,
        "crore": 1e7,
        "crores": 1e7,
        "billion": 1e9,
        "billions": 1e9,
        "trillion": 1e12,
        "mn": 1e6,
        "bn": 1e9,
    },
    number_words={
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "thousand": 1000,
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "half": 2,
        "twice": 2,
        "dozen": 12,
        "single": 1,
        "once": 1,
        "double": 2,
        "triple": 3,
    },
    percent_words=frozenset({"percent", "per cent", "pc"}),
)

HINDI = LintLanguage(
    code="hi",
    sentence_end="।॥.!?…",
    wordlist="hi.words.gz",
    stem=_hindi_stem,
    never_final=frozenset(
        "का के ने से पर और या तथा एवं व लेकिन परंतु परन्तु किंतु किन्तु कि इस उस इन उन "
        "एक अपने अपना जिसमें जिससे जिसके जिसकी जिनमें जिनके यदि अगर क्योंकि "
        # Bare verb roots: a finished sentence has "करें", "करता", "किया", not "कर".
        "कर जा सक रह ले दे ला पा बन रख बदल डाल खिसक देख खोल चुन लिख पढ़ सुन बोल छोड़ खींच "
        "जोड़ भेज समझ बता".split()
    ),
    short_word=1,
    # The one-syllable words a sentence ends with: auxiliaries and short verb forms.
    short_final=frozenset(
        "है हैं हो हों हूँ हूं था थी थे थीं की कीं दी दीं दें ली लीं लें दो लो जी हाँ हां भी ही में को".split()
    ),
    # Long vowel signs, nasals and vowels: no Hindi inflection ends in a short i or u.
    inflection_ends=tuple("\u093e\u0940\u0947\u0948\u094b\u094c\u0902\u0901एईओ"),
    prefix_words="hi.prefixes.gz",
    # A virama, or a vowel sign / nukta with no letter before it.
    broken_word_end=re.compile(
        r"(?:\u094d|(?<![\u0915-\u0939\u0958-\u095f\u0905-\u0914\u093c])[\u093e-\u094c\u093c])$"
    ),
    boilerplate=(
        "यह भी पढ़ें",
        "ये भी पढ़ें",
        "और पढ़ें",
        "अधिक समाचार के लिए यहां क्लिक करें",
        "ज्यादा खबरों के लिए यहां क्लिक करें",
        "हिंदी में पढ़ने के लिए नीचे स्क्रॉल करें",
        "अंग्रेज़ी में पढ़ने के लिए नीचे स्क्रॉल करें",
        "अंग्रेजी में पढ़ने के लिए नीचे स्क्रॉल करें",
        "विज्ञापन",
        "शेयर करें",
        "कमेंट करें",
    ),
    boilerplate_shapes=(
        r"^(?:हिंदी|हिन्दी|अंग्रेज़ी|अंग्रेजी|इंग्लिश|english|hindi) (?:में|वर्जन) (?:पढ़ने|पढ़ें|देखें|के लिए)",
        r"^(?:यह|ये|इसे|इन्हें) भी (?:पढ़ें|देखें)",
        r"^(?:पूरी|पूरा|और|अधिक|ज़्यादा|ज्यादा) (?:खबर|ख़बर|खबरें|ख़बरें|समाचार|न्यूज़|न्यूज) ",
        r"(?:यहां|यहाँ|इधर) (?:क्लिक|टैप) (?:करें|कीजिए)",
        r"नीचे स्क्रॉल (?:करें|कीजिए)",
        r"^हमें (?:\S+ )?(?:पर|को) (?:फॉलो|फ़ॉलो|लाइक) करें",
        r"^(?:सब्सक्राइब|टिप्पणी|कमेंट|शेयर) (?:करें|कीजिए)",
        r"^(?:ऐप|एप) डाउनलोड करें",
    ),
    vague_link_text=("यहाँ क्लिक करें", "यहां क्लिक करें", "यहाँ", "यहां", "क्लिक करें", "और पढ़ें"),
    citations=(
        r"के (?:अनुसार|मुताबिक|हवाले से)",
        r"(?:रिपोर्ट|खबर|ख़बर) के (?:अनुसार|मुताबिक)",
        r"सूत्रों (?:ने|के)",
        r"समाचार एजेंसी",
        r"एक बयान में",
    ),
    scales={
        "सौ": 1e2,
        "हज़ार": 1e3,
        "हजार": 1e3,
        "लाख": 1e5,
        "मिलियन": 1e6,
        # Both spellings of ड़: precomposed, and ड + nukta (what NFC makes of it).
        "\u0915\u0930\u094b\u095c": 1e7,
        "\u0915\u0930\u094b\u0921\u093c": 1e7,
        "अरब": 1e9,
        "बिलियन": 1e9,
        "खरब": 1e11,
        "ट्रिलियन": 1e12,
    },
    number_words={
        "एक": 1,
        "दो": 2,
        "तीन": 3,
        "चार": 4,
        "पांच": 5,
        "पाँच": 5,
        "छह": 6,
        "छः": 6,
        "सात": 7,
        "आठ": 8,
        "नौ": 9,
        "दस": 10,
        "ग्यारह": 11,
        "बारह": 12,
        "तेरह": 13,
        "चौदह": 14,
        "पंद्रह": 15,
        "सोलह": 16,
        "सत्रह": 17,
        "अठारह": 18,
        "उन्नीस": 19,
        "बीस": 20,
        "तीस": 30,
        "चालीस": 40,
        "पचास": 50,
        "साठ": 60,
        "सत्तर": 70,
        "अस्सी": 80,
        "नब्बे": 90,
        "सौ": 100,
        "हज़ार": 1000,
        "हजार": 1000,
        "पहला": 1,
        "पहली": 1,
        "पहले": 1,
        "दूसरा": 2,
        "दूसरी": 2,
        "दूसरे": 2,
        "तीसरा": 3,
        "तीसरी": 3,
        "तीसरे": 3,
        "चौथा": 4,
        "चौथी": 4,
        "चौथे": 4,
        "पांचवां": 5,
        "पांचवीं": 5,
        "आधा": 2,
        "आधी": 2,
        "आधे": 2,
        "दोगुना": 2,
        "दर्जन": 12,
        "दोनों": 2,
        "तीनों": 3,
        "चारों": 4,
    },
    percent_words=frozenset({"प्रतिशत", "फीसदी", "फ़ीसदी", "फीसद"}),
    letter_names=dict(
        zip(
            "abcdefghijklmnopqrstuvwxyz",
            "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई ज़ेड".split(),
            strict=True,
        )
    ),
)

LINT_LANGUAGES: dict[str, LintLanguage] = {"en": ENGLISH, "hi": HINDI}

# Sentence punctuation of scripts whose languages have no entry yet.
_SCRIPT_SENTENCE_END = {"Deva": "।॥.!?…", "Beng": "।॥.!?…", "Arab": ".!?؟…۔"}


@cache
def get(code: str) -> LintLanguage:
    if code in LINT_LANGUAGES:
        return LINT_LANGUAGES[code]
    script = languages.get(code).script
    return LintLanguage(code=code, sentence_end=_SCRIPT_SENTENCE_END.get(script, ".!?…"))


def display_name(code: str) -> str:
    """The language's name in the active interface language ("Hindi", "हिंदी")."""
    return str(dict(settings.LANGUAGES).get(code, code))


def every() -> list[LintLanguage]:
    """The linter's view of every configured language."""
    return [get(code) for code in languages.codes()]
