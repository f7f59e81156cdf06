"""Truncation: a sentence or a word cut off.

A paragraph must end with its language's sentence punctuation ("…the need for" before the next
paragraph was cut). The last word of every sentence must be a word that can end one: not a
word no sentence ends with ("the", "के"), not a word broken mid-letter (a virama or a vowel
sign with nothing under it), and a known word — in the language's word list (as it is or by
its stem), elsewhere in the story, a number, an acronym or an abbreviation. A capitalised
word the list lacks passes as a name, unless it is the start of a longer word the story uses
("Mo." where the story says "Modi"). A word as short as what a cut leaves most often ("th",
"क": two letters in English, one syllable in Hindi) must be one a sentence can end with
("it", "है"). A short paragraph without closing punctuation is judged as a sentence when it
reads like one (a capital, then lower-case words: "Returns the size of an"; in Hindi four
words or more) and is not a phrase standing alone twice (stuffing). Headings, lists, tables
and image lines are not prose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.utils.translation import gettext as _

from patrika import languages

from ..base import ERROR, Document, Finding, Text, TextRule
from ..languages import LintLanguage
from ..languages import get as get_language
from ..markdown import Block
from ..phrases import (
    boilerplate_phrases,
    fold,
    is_boilerplate,
    is_noise,
    short_phrase,
    stuffed_phrase,
)
from ..words import (
    Word,
    clusters,
    is_known,
    is_prefix_word,
    is_rare_name,
    sentences,
    starts_listed_word,
    vocabulary,
    words,
)

PROSE = ("paragraph", "quote")


class TruncationRule(TextRule):
    id = "truncation"
    level = ERROR

    def check_text(self, text: Text, document: Document) -> Iterable[Finding]:
        language = get_language(text.language)
        counts = _story_vocabulary(document)
        for block in text.blocks:
            if block.kind not in PROSE or is_noise(block.plain):
                # Boilerplate and stuffing have rules of their own; a lone phrase is judged
                # by its last word only ("…the need for").
                if block.kind in PROSE and short_phrase(block.plain):
                    yield from self._lone_phrase(text, block, language)
                continue
            found = list(sentences(block.plain, language))
            for number, sentence in enumerate(found):
                paragraph_end = number == len(found) - 1
                if not sentence.closed:
                    if paragraph_end:
                        yield self.finding(
                            text,
                            _("The paragraph ends without closing punctuation: cut off?"),
                            block=block,
                            start=max(sentence.start, sentence.end - 60),
                            end=sentence.end,
                        )
                    continue
                sentence_words = words(block.plain[sentence.start : sentence.end])
                if not sentence_words:
                    continue
                last = sentence_words[-1]
                tail = block.plain[sentence.start + last.end : sentence.end]
                if any(char in ")]»”’\"'" for char in tail):
                    continue  # a cut leaves no closing bracket or quote: "(… में)."
                if _stranded(sentence_words, language):
                    continue
                reason = cut_reason(last.text, language, counts, paragraph_end=paragraph_end)
                if reason:
                    start = sentence.start + last.start
                    yield self.finding(
                        text,
                        reason,
                        block=block,
                        start=max(sentence.start, start - 40),
                        end=sentence.end,
                    )

    def _lone_phrase(self, text: Text, block: Block, language: LintLanguage) -> Iterable[Finding]:
        found = words(block.plain)
        if found and found[-1].text.casefold() in language.never_final:
            last = found[-1]
            yield self.finding(
                text,
                _("The sentence ends with “%(word)s”: cut off?") % {"word": last.text},
                block=block,
                start=0,
                end=len(block.plain),
            )
        elif _reads_as_sentence(block.plain, language) and not _stands_for_itself(text, block):
            yield self.finding(
                text,
                _("The paragraph ends without closing punctuation: cut off?"),
                block=block,
                start=0,
                end=len(block.plain),
            )


def _stranded(found: list[Word], language: LintLanguage) -> bool:
    """A preposition left at the end by a relative clause: "…the value you want it for."."""
    folded = [w.text.casefold() for w in found]
    return folded[-1] in language.strandable and any(w in language.relatives for w in folded)


def _reads_as_sentence(plain: str, language: LintLanguage) -> bool:
    found = [w.text for w in words(plain)]
    if language.has_case:
        # "Returns the size of an", not "Modi and Putin in Moscow" (a caption or a heading).
        return (
            len(found) >= 3
            and found[0][0].isupper()
            and any(len(w) >= 4 and w.islower() and w.isalpha() for w in found[1:])
        )
    return len(found) >= 4


def _stands_for_itself(text: Text, block: Block) -> bool:
    """Boilerplate, a stuffed line, or a line standing alone more than once: other rules'."""
    if stuffed_phrase(block.plain) or is_boilerplate(block.plain, boilerplate_phrases()):
        return True
    folded = fold(block.plain)
    return sum(fold(other.plain) == folded for other in text.blocks) > 1


def _story_vocabulary(document: Document) -> Counter[str]:
    key = ("truncation", "vocabulary")
    if key not in document.memo:
        document.memo[key] = vocabulary(
            [text.title for text in document.texts]
            + [block.plain for text in document.texts for block in text.blocks]
        )
    counts: Counter[str] = document.memo[key]
    return counts


def cut_reason(
    word: str, language: LintLanguage, counts: Counter[str], *, paragraph_end: bool
) -> str | None:
    """Why a sentence ending in `word` looks cut off, or None when it looks finished."""
    folded = word.casefold()
    if any(char.isdigit() for char in word) or "." in word:
        return None  # numbers, "a.m", "U.S"
    if folded in language.never_final:
        return _("The sentence ends with “%(word)s”: cut off?") % {"word": word}
    if language.broken_word_end and language.broken_word_end.search(word):
        if counts[folded] < 2:
            return _("“%(word)s” ends mid-letter: cut off?") % {"word": word}
    if folded in language.abbreviations:
        return None
    if len(word) == 1 and word.isupper():
        return None  # an initial
    short = len(clusters(word)) <= language.short_word
    if short and (word.islower() or not language.has_case) and folded not in language.short_final:
        return _("“%(word)s” is too short to end a sentence: cut off?") % {"word": word}
    if len(word) == 1:
        return None
    if counts[folded] >= 2:
        return None
    longer = _longer_story_word(folded, counts)
    if word[0].isupper() and longer and (paragraph_end or not _known(word, language)):
        # "Pu." where the story says "Putin", "COVI." where it says "COVID-19".
        if is_rare_name(longer.capitalize()) or not _known(word, language):
            return _("“%(word)s” looks like the start of “%(longer)s”: cut off?") % {
                "word": word,
                "longer": longer,
            }
    if word.isupper() and len(word) > 1:
        return None  # an acronym
    if _known(word, language):
        if (word.islower() or not language.has_case) and is_prefix_word(word, language):
            return _("“%(word)s” is more often the start of a longer word: cut off?") % {
                "word": word
            }
        return None
    if word[0].isupper():
        return None  # a name the list lacks
    if longer:
        return _("“%(word)s” looks like the start of “%(longer)s”: cut off?") % {
            "word": word,
            "longer": longer,
        }
    if language.unlisted_words_pass and not starts_listed_word(word, language):
        return None  # no cut leaves this: a word the list lacks ("hotspot")
    return _("“%(word)s” is not a word the dictionary knows: cut off?") % {"word": word}


def _known(word: str, language: LintLanguage) -> bool:
    # A word in another script (an English name in Hindi text) is judged by its own list.
    own = get_language(languages.detect_script_language(word))
    return is_known(word, language) or (own is not language and is_known(word, own))


def _longer_story_word(folded: str, counts: Counter[str]) -> str | None:
    """A word of the story that `folded` begins, other than its plural or possessive."""
    if len(folded) < 2:
        return None
    endings = ("s", "es", "'s", "’s")
    return next(
        (
            w
            for w in counts
            if len(w) > len(folded)
            and w.startswith(folded)
            and w[len(folded) :] not in endings
            and w[len(folded)].isalnum()
        ),
        None,
    )
