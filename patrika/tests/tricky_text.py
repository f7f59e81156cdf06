"""Text that normalising, "cleaning" or whitespace-collapsing code changes: every test of "stored
byte for byte" walks this table. Each entry is a phrase an author could write, with the tricky
part inside it (surrounding spaces of a line are not content)."""

from __future__ import annotations

# (what it is, language of the phrase, phrase)
TRICKY: list[tuple[str, str, str]] = [
    # न + nukta: NFC composes it into U+0929.
    ("decomposed Devanagari", "hi", "तमि\u0928\u093cाडु और चेन्नई में बारिश"),
    # क़, ज़, फ़ precomposed: composition exclusions, which NFC decomposes.
    ("precomposed nukta letters", "hi", "\u0958ानून और \u095bमीन पर \u095eैसला"),
    ("nukta typed after the letter", "hi", "क\u093cानून और ज\u093cमीन पर फ\u093cैसला"),
    ("ZWJ half form", "hi", "क्\u200dषेत्रीय दल की बैठक"),
    ("ZWNJ", "hi", "हिन्\u200cदी और क्\u200cष के रूप"),
    ("RLM and LRM", "en", "Price \u200f₹100\u200e set by the board"),
    ("bidi embedding", "en", "Headline with \u202bاردو میں\u202c inside"),
    ("bidi override and isolates", "en", "Name \u202edcba\u202c and \u2067مرحبا\u2069 kept"),
    ("no-break spaces", "en", "Trains run at 160\u00a0km/h, 10\u202f% faster"),
    ("soft hyphen", "en", "Bundes\u00adregierung agrees on a plan"),
    ("combining accents", "en", "Cafe\u0301 owners and the A\u030angstro\u0308m unit"),
    ("compatibility characters", "en", "\u212bngstr\u00f6m, \ufb01nance and \u2460 more"),
    ("zero-width space, word joiner, BOM", "en", "Zero\u200bwidth\u2060joined\ufeffwords here"),
    ("emoji ZWJ sequences", "en", "Farmers 👩\u200d🌾👨🏽\u200d🌾 in 🇮🇳 cheer 👍🏽"),
    ("line and paragraph separators", "en", "First\u2028second\u2029third part"),
    ("Hindi with invisible marks", "hi", "मोदी\u00a0सरकार \u200bका\u00ad फ़ैसला \u200dहुआ"),
]

# What may not be stored: PostgreSQL has no NUL, UTF-8 no lone surrogates, XML 1.0 (the WXR
# export) no other C0 controls and no U+FFFE/U+FFFF.
UNSTORABLE = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ud800", "\udfff", "\ufffe"]
UNSTORABLE += ["\uffff"]
