"""A story citing a source in its text ("according to Reuters", "के मुताबिक") with no source
attribution: readers and search engines are owed the `isBasedOn`."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..base import WARNING, Document, Finding, Text, TextRule
from ..languages import get as get_language


class SourceMissingRule(TextRule):
    id = "source-missing"
    level = WARNING

    def check_text(self, text: Text, document: Document) -> Iterable[Finding]:
        citations = get_language(text.language).citations
        if document.sources or not citations:
            return
        pattern = re.compile("|".join(f"(?:{c})" for c in citations), re.I)
        for block in text.blocks:
            if match := pattern.search(block.plain):
                yield self.finding(
                    text,
                    _("The text cites a source (“%(cue)s”) but the story has no source attribution")
                    % {"cue": match.group(0)},
                    block=block,
                    start=match.start(),
                    end=match.end(),
                )
                return
