"""The Hindi strings of this app (patrika/search/locale_hi.po-fragment) parse and cover the UI."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

APP = Path(__file__).resolve().parent.parent


def test_fragment_parses_and_is_translated() -> None:
    with (APP / "locale_hi.po-fragment").open("rb") as handle:
        catalog = read_po(handle, locale="hi")
    messages = [m for m in catalog if m.id]
    assert len(messages) >= 30
    assert all(m.string and all(m.string) for m in messages), "every msgid has a msgstr"


def test_fragment_covers_template_strings() -> None:
    with (APP / "locale_hi.po-fragment").open("rb") as handle:
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    template = (APP / "templates" / "search" / "results.html").read_text(encoding="utf-8")
    for text in re.findall(r'{% translate "([^"]+)" %}', template):
        assert text in ids, text
