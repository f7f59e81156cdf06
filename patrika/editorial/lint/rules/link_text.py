"""Links whose text says nothing about where they go ("click here", "यहाँ क्लिक करें")."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..base import WARNING, Document, Finding, Text, TextRule
from ..languages import every
from ..phrases import fold


class LinkTextRule(TextRule):
    id = "link-text"
    level = WARNING

    def check_text(self, text: Text, document: Document) -> Iterable[Finding]:
        # Any language's vague phrases: an English "click here" in Hindi text is as vague.
        vague = {fold(phrase) for language in every() for phrase in language.vague_link_text}
        for block in text.blocks:
            for link in block.links:
                if fold(link.text) in vague:
                    yield self.finding(
                        text,
                        _("The link text “%(text)s” does not say where the link goes")
                        % {"text": link.text},
                        block=block,
                        excerpt=link.text,
                    )
