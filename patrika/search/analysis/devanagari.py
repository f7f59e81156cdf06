"""Devanagari (Hindi) spelling normalisation and a light suffix stemmer.

Readers and writers spell the same Hindi word several ways; both the indexed text and the query
go through `normalize`, so every spelling meets at one form:

* nukta forms folded: क़ (U+0958, or क + ़) → क, ज़ → ज, ड़ → ड
* anusvara for a nasal consonant + virama before a stop of its own class: सम्बन्ध → संबंध,
  हिन्दी → हिंदी (म्म in सम्मेलन stays: a nasal before a nasal is not replaced)
* chandrabindu → anusvara: चाँद → चांद
* candra o (ॉ/ऑ) → ो/ओ: डॉक्टर → डोक्टर (also written डाक्टर; the key below joins those)
* final ये/यी after a vowel → ए/ई: गये → गए, लिये → लिए, गयी → गई
"""

from __future__ import annotations

import re

NUKTA = "\u093c"
VIRAMA = "\u094d"
ANUSVARA = "\u0902"
CHANDRABINDU = "\u0901"

# The five classes (varga) of stops and their nasal.
_VARGAS = {
    "ङ": "कखगघ",
    "ञ": "चछजझ",
    "ण": "टठडढ",
    "न": "तथदध",
    "म": "पफबभ",
}
_NASAL_CLUSTER = re.compile(
    "|".join(f"{nasal}{VIRAMA}(?=[{stops}])" for nasal, stops in _VARGAS.items())
)
# A vowel (independent or sign) or a bare consonant before य + े/ी at the end of the word.
_FINAL_YE = re.compile(r"(?<=[\u0915-\u0939\u093e-\u094c\u0905-\u0914])य([ेी])$")
_YE_TO = {"े": "ए", "ी": "ई"}
_SIMPLE = str.maketrans(
    {
        NUKTA: None,
        CHANDRABINDU: ANUSVARA,
        "\u0949": "\u094b",  # ॉ → ो
        "\u0911": "\u0913",  # ऑ → ओ
        "\u0945": "\u0947",  # ॅ → े
        "\u090d": "\u090f",  # ऍ → ए
        # Precomposed nukta letters (NFC decomposes them, but words may come unprepared).
        **{chr(0x0958 + i): base for i, base in enumerate("कखगजडढफय")},
    }
)

STOPWORDS = frozenset(
    """अंदर अत अपना अपनी अपने अभी आदि आप इत्यादि इन इनका इन्हीं इन्हें इन्हों इस इसका इसकी इसके
    इसमें इसी इसे उन उनका उनकी उनके उनको उन्हीं उन्हें उन्हों उस उसके उसी उसे एक एवं एस ऐसे और
    कई कर करता करते करना करने करें कहते कहा का काफ़ी कि कितना किन्हें किन्हों किया किर किस
    किसी किसे की कुछ कुल के को कोई कौन कौनसा गया घर जब जहाँ जा जितना जिन जिन्हें जिन्हों जिस
    जिसे जीधर जैसा जैसे जो तक तब तरह तिन तिन्हें तिन्हों तिस तिसे तो था थी थे दबारा दिया दुसरा
    दूसरे दो द्वारा न नके नहीं ना निहायत नीचे ने पर पहले पूरा पे फिर बनी बही बहुत बाद बाला
    बिलकुल भी भीतर मगर मानो मे में यदि यह यहाँ यही या यिह ये रखें रहा रहे ऱ्वासा लिए लिये
    लेकिन व वग़ैरह वर्ग वह वहाँ वहीं वाले वुह वे वो सकता सकते सबसे सभी साथ साबुत साभ सारा
    से सो संग ही हुआ हुई हुए है हैं हो होता होती होते होना होने""".split()
)
# Romanized spellings of the commonest function words ("modi ki yatra"): dropped from Latin
# queries as they are from Devanagari ones.
ROMANIZED_STOPWORDS = frozenset(
    """ka ke ki ko se me mein main mai hai hain aur ne par pe ya bhi to tha thi the ek yeh ye
    vah woh wo is us jo kya tak liye lie hi""".split()
)

# Ramanathan & Rao's light stemmer suffixes (2003), longest first, without those that begin
# with a consonant (ते, ना, कर...): stripping them cut nouns short (समझौते → समझौ but
# समझौतों → समझौत), and the vowel-sign suffixes already bring करते and करता together.
# The independent vowels after a vowel (तेंदुआ, तेंदुए, तेंदुओं) are added.
_SUFFIXES = sorted(
    """ाएंगी ाएंगे ाऊंगी ाऊंगा ाइयां ाइयों
    ाएगी ाएगा ाओगी ाओगे एंगी ेंगी एंगे ेंगे ूंगी ूंगा ातीं ियां ियों
    ाकर ाइए ाईं ाया ेगी ेगा ोगी ोगे ाने ाना ाते ाती ाता ाओं ाएं ुओं ुएं ुआं
    ाओ िए ाई ाए ीं ां ों ें ओं एं
    ो े ू ु ी ि ा ए आ""".split(),
    key=len,
    reverse=True,
)


def normalize(word: str) -> str:
    word = word.translate(_SIMPLE)
    word = _NASAL_CLUSTER.sub(ANUSVARA, word)
    return _FINAL_YE.sub(lambda m: _YE_TO[m.group(1)], word)


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        # Keep at least two letters so short words (ने, की) are not emptied.
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    return word
