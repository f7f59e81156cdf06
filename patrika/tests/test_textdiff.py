"""Paragraph and word diffs, with every letter and combining mark of the Indic scripts a
newsroom may configure: a mark never ends up apart from its letter."""

from __future__ import annotations

import unicodedata

import pytest

from patrika.textdiff import DELETE, EQUAL, INSERT, REPLACE, diff_paragraphs, diff_words, tokens

# Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam.
BLOCKS = [(start, start + 0x7F) for start in range(0x0900, 0x0D00, 0x80)]


def _chars(start: int, end: int, categories: tuple[str, ...]) -> list[str]:
    found = (chr(code) for code in range(start, end + 1))
    return [c for c in found if unicodedata.category(c) in categories]


def _script_cases() -> list[tuple[str, str, list[str]]]:
    cases = []
    for start, end in BLOCKS:
        name = unicodedata.name(chr(start + 0x15), "?").split()[0]
        letters = _chars(start, end, ("Lo",))
        marks = _chars(start, end, ("Mn", "Mc"))
        cases.append((name, letters, marks))
    return [(name, "".join(letters[:40]), marks) for name, letters, marks in cases]


@pytest.mark.parametrize(
    ("script", "letters", "marks"), _script_cases(), ids=[case[0] for case in _script_cases()]
)
def test_no_mark_is_cut_from_its_letter(script: str, letters: str, marks: list[str]) -> None:
    assert marks, script
    for letter in letters:
        for mark in marks:
            word = letter + mark + letters[1]
            other_mark = marks[(marks.index(mark) + 1) % len(marks)]
            other = letter + other_mark + letters[1]
            old = f"{letters[2]}{letters[3]} {word}, 40,000 {letters[4]}।"
            new = f"{letters[2]}{letters[3]} {other}, 40,000 {letters[4]}।"
            found = tokens(old)
            assert "".join(found) == old
            assert all(unicodedata.category(t[0])[0] != "M" for t in found), (script, found)
            assert word in found
            changed = [(s.op, s.text) for s in diff_words(old, new) if s.op != EQUAL]
            if unicodedata.normalize("NFC", word) == unicodedata.normalize("NFC", other):
                continue
            assert changed == [(DELETE, word), (INSERT, other)], (script, changed)


def test_conjuncts_and_joiners_stay_whole() -> None:
    assert tokens("क्षत्रिय ज़िले") == ["क्षत्रिय", " ", "ज़िले"]
    assert tokens("क्\u200dष") == ["क्\u200dष"]  # ZWJ inside a word
    assert tokens("र्\u200cय") == ["र्\u200cय"]  # ZWNJ inside a word
    assert tokens("\u093eक") == ["\u093eक"]  # a stray mark at the start is kept, not lost


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("40,000 हेक्टेयर", "55,000 हेक्टेयर", [(DELETE, "40,000"), (INSERT, "55,000")]),
        ("४०,००० हेक्टेयर", "५५,००० हेक्टेयर", [(DELETE, "४०,०००"), (INSERT, "५५,०००")]),
        ("6.5 per cent", "7.25 per cent", [(DELETE, "6.5"), (INSERT, "7.25")]),
        ("बजट पेश हुआ।", "बजट पेश किया गया।", [(DELETE, "हुआ"), (INSERT, "किया गया")]),
        ("the new bridge", "the bridge", [(DELETE, "new ")]),
    ],
)
def test_word_diffs(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    segments = diff_words(old, new)
    assert "".join(s.text for s in segments if s.op != INSERT) == old
    assert "".join(s.text for s in segments if s.op != DELETE) == new
    assert [(s.op, s.text) for s in segments if s.op != EQUAL] == expected


BODY = "Para one.\n\nFloods hit 40,000 hectares.\n\n## Relief\n\nCamps opened."


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (BODY, []),
        (BODY.replace("\n", "\r\n"), []),
        (BODY.replace("\n\n", "  \n\n\n") + "\n", []),
        (BODY.replace("40,000", "55,000"), [(REPLACE, 1, 1)]),
        (BODY + "\n\nA new paragraph.", [(INSERT, None, 4)]),
        (BODY.replace("Para one.\n\n", ""), [(DELETE, 0, None)]),
        ("Lead.\n\n" + BODY.replace("Camps", "Tents"), [(INSERT, None, 0), (REPLACE, 3, 4)]),
    ],
    ids=["same", "crlf", "spacing", "figure", "added", "removed", "added-and-changed"],
)
def test_paragraph_diffs(new: str, expected: list[tuple[str, int | None, int | None]]) -> None:
    changes = diff_paragraphs(BODY, new)
    assert [(c.op, c.old, c.new) for c in changes] == expected
    for change in changes:
        assert change.number == (change.new if change.new is not None else change.old) + 1


def test_script_table_covers_the_languages_patrika_knows() -> None:
    from patrika import languages

    scripts = {unicodedata.name(chr(start + 0x15)).split()[0] for start, _end in BLOCKS}
    for language in languages.KNOWN.values():
        if language.transliteration_scheme:
            assert language.transliteration_scheme.upper() in scripts, language.code
