"""Leftover boilerplate: "Scroll down for hindi", "click here", "Leave a Comment",
"हिंदी में पढ़ने के लिए…" — the per-language phrases and general shapes of
`lint.languages` (shared with the importers through `lint.phrases`), in any translation,
whatever its language. Each short paragraph, heading, and the first and last sentence of a
paragraph (where "Read more: …" lines get glued on) are checked."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..base import ERROR, Document, Finding, Text, TextRule
from ..languages import get as get_language
from ..phrases import boilerplate_match, boilerplate_phrases
from ..words import sentences


class BoilerplateRule(TextRule):
    id = "boilerplate"
    level = ERROR

    def check_text(self, text: Text, document: Document) -> Iterable[Finding]:
        phrases = boilerplate_phrases()
        language = get_language(text.language)
        if match := boilerplate_match(text.title, phrases):
            yield self.finding(text, self._message(match))
        for block in text.blocks:
            spans = [(0, len(block.plain))]
            found = list(sentences(block.plain, language))
            if len(found) > 1:
                spans += [(found[0].start, found[0].end), (found[-1].start, found[-1].end)]
            for start, end in spans:
                if match := boilerplate_match(block.plain[start:end], phrases):
                    yield self.finding(
                        text, self._message(match), block=block, start=start, end=end
                    )
                    break

    def _message(self, match: str) -> str:
        return _("Leftover boilerplate (“%(phrase)s”): remove it") % {"phrase": match}
