"""Translation parity, section headings: the two versions have different numbers of section
headings. Points at a heading the alignment found no counterpart for, when there is one."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..align import alignment
from ..base import WARNING, Document, Finding, PairRule, Text
from .parity_numbers import _language_name


class HeadingsRule(PairRule):
    id = "parity-headings"
    level = WARNING

    def check_pair(self, source: Text, target: Text, document: Document) -> Iterable[Finding]:
        counts = {
            text.language: sum(1 for b in text.blocks if b.kind == "heading")
            for text in (source, target)
        }
        if counts[source.language] == counts[target.language]:
            return
        more, fewer = (
            (source, target)
            if counts[source.language] > counts[target.language]
            else (target, source)
        )
        side = "source" if more is source else "target"
        extra = [u for u in alignment(document, source, target).unmatched(side) if u.heading]
        message = _("%(more)d section headings here, %(fewer)d in the %(language)s version") % {
            "more": counts[more.language],
            "fewer": counts[fewer.language],
            "language": _language_name(fewer.language),
        }
        if extra:
            block = extra[0].block
            yield self.finding(more, message, block=block, start=0, end=len(block.plain))
        else:
            yield self.finding(more, message, excerpt="")
