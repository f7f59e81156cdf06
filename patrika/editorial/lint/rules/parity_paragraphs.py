"""Translation parity, paragraphs: a paragraph of one language with no counterpart in the
other, or a passage of a paragraph (a sentence or more) that the other language lacks. Uses
the shared alignment (`lint.align`); a short unmatched sentence (under MIN_PASSAGE
characters) is let go, translators drop and add those freely."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from django.utils.translation import gettext as _

from ..align import Unit, alignment
from ..base import WARNING, Document, Finding, PairRule, Text
from .parity_numbers import _language_name

MIN_PASSAGE = 80


class ParagraphsRule(PairRule):
    id = "parity-paragraphs"
    level = WARNING

    def check_pair(self, source: Text, target: Text, document: Document) -> Iterable[Finding]:
        result = alignment(document, source, target)
        for side, text, other in (("source", source, target), ("target", target, source)):
            unmatched = [u for u in result.unmatched(side) if not u.heading]
            for index, group in groupby(unmatched, key=lambda u: u.block.index):
                missing = list(group)
                block = missing[0].block
                name = _language_name(other.language)
                if index in result.lone_blocks[side]:
                    yield self.finding(
                        text,
                        _("This paragraph has no counterpart in the %(language)s version")
                        % {"language": name},
                        block=block,
                        start=0,
                        end=len(block.plain),
                    )
                elif _length(missing) >= MIN_PASSAGE:
                    yield self.finding(
                        text,
                        _("This passage has no counterpart in the %(language)s version")
                        % {"language": name},
                        block=block,
                        start=missing[0].start,
                        end=missing[-1].end,
                    )


def _length(units: list[Unit]) -> int:
    return sum(u.end - u.start for u in units)
