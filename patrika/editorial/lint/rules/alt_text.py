"""Missing alt text: the lead picture without alt text in a translation, or a picture in the
body whose description is empty."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ..base import WARNING, Document, Finding, Text, TextRule


class AltTextRule(TextRule):
    id = "alt-text"
    level = WARNING

    def check_text(self, text: Text, document: Document) -> Iterable[Finding]:
        if document.has_image and not text.image_alt.strip():
            yield self.finding(
                text, _("The lead picture has no alt text in this language"), excerpt=""
            )
        for block in text.blocks:
            for image in block.images:
                if not image.alt.strip():
                    yield self.finding(
                        text,
                        _("A picture has no alt text"),
                        block=block,
                        excerpt=image.src,
                    )
