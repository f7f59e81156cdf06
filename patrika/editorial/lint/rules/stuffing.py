"""Keyword stuffing: a line that is one phrase again and again ("X/X/X", "X, X, X"), a short
line standing alone more than once, or a phrase of several words repeated far beyond what
natural text does (counted over the whole translation)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..base import ERROR, Document, Finding, Text, TextRule
from ..languages import get as get_language
from ..phrases import fold, short_phrase, stuffed_phrase
from ..words import words

# A phrase of MIN_WORDS or more words (two-word titles such as "Prime Minister" repeat
# naturally) seen more than MIN_COUNT times, and more than once per WORDS_PER_REPEAT words.
MIN_WORDS, MAX_WORDS, MIN_COUNT, WORDS_PER_REPEAT = 3, 6, 4, 40


class StuffingRule(TextRule):
    id = "stuffing"
    level = ERROR

    def check_text(self, text: Text, document: Document) -> Iterable[Finding]:
        reported: set[int] = set()
        standalone = Counter(
            fold(block.plain) for block in text.blocks if short_phrase(block.plain)
        )
        for block in text.blocks:
            if phrase := stuffed_phrase(block.plain):
                reported.add(block.index)
                yield self.finding(
                    text,
                    _("“%(phrase)s” is repeated on one line: keyword stuffing?")
                    % {"phrase": phrase},
                    block=block,
                    start=0,
                    end=len(block.plain),
                )
            elif short_phrase(block.plain) and standalone[fold(block.plain)] >= 2:
                reported.add(block.index)
                yield self.finding(
                    text,
                    _("“%(phrase)s” stands alone %(count)d times: keyword stuffing?")
                    % {"phrase": block.plain.strip(), "count": standalone[fold(block.plain)]},
                    block=block,
                    start=0,
                    end=len(block.plain),
                )
        yield from self._repeated_phrases(text, reported)

    def _repeated_phrases(self, text: Text, reported: set[int]) -> Iterable[Finding]:
        never_final = get_language(text.language).never_final
        tokens: list[tuple[str, int, int]] = []  # (folded word, block index, start)
        for block in text.blocks:
            if block.index in reported:
                continue  # a stuffed line already reported counts no further
            tokens.extend((w.text.casefold(), block.index, w.start) for w in words(block.plain))
        limit = max(MIN_COUNT, len(tokens) // WORDS_PER_REPEAT)
        best: tuple[int, tuple[str, ...]] | None = None
        for size in range(MAX_WORDS, MIN_WORDS - 1, -1):
            counts = Counter(
                tuple(t[0] for t in tokens[i : i + size]) for i in range(len(tokens) - size + 1)
            )
            for gram, count in counts.items():
                # Phrases of function words and numbers ("of the", "in 2020") are not keywords.
                content = [w for w in gram if w not in never_final and not w.isdigit()]
                if count > limit and len(content) >= 2:
                    if best is None or (count * size, size) > (
                        best[0] * len(best[1]),
                        len(best[1]),
                    ):
                        best = (count, gram)
            if best is not None:
                break
        if best is None:
            return
        count, gram = best
        places = Counter(
            tokens[i][1]
            for i in range(len(tokens) - len(gram) + 1)
            if tuple(t[0] for t in tokens[i : i + len(gram)]) == gram
        )
        block = text.block(places.most_common(1)[0][0])
        phrase = " ".join(gram)
        start = block.plain.casefold().find(phrase) if block else -1
        yield self.finding(
            text,
            _("“%(phrase)s” appears %(count)d times: far more than natural text repeats a phrase")
            % {"phrase": phrase, "count": count},
            block=block,
            start=max(start, 0),
            end=max(start, 0) + len(phrase),
        )
