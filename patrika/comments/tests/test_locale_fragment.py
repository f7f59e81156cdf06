"""The Hindi strings fragment: complete for this app, placeholders intact, and the form really
speaks Hindi on a Hindi story once the fragment is in a catalogue."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.utils.translation.template import templatize

from .conftest import comment_data

APP = Path(__file__).resolve().parent.parent
FRAGMENT = APP / "locale_hi.po-fragment"
KEYWORDS = {
    "gettext": None,
    "gettext_lazy": None,
    "_": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
}


def _catalog() -> Catalog:
    with FRAGMENT.open("rb") as handle:
        return read_po(handle, locale="hi")


def _msgid(message: object) -> str:
    return message[0] if isinstance(message, tuple | list) else message  # type: ignore[return-value]


def _used_msgids() -> set[str]:
    found: set[str] = set()
    for path in APP.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        with path.open("rb") as handle:
            found |= {_msgid(m[1]) for m in extract("python", handle, keywords=KEYWORDS)}
    for path in (APP / "templates").rglob("*.html"):
        code = templatize(path.read_text(encoding="utf-8"))
        stream = io.BytesIO(code.encode())
        found |= {_msgid(m[1]) for m in extract("python", stream, keywords=KEYWORDS)}
    return found


def test_fragment_covers_every_string_of_the_app() -> None:
    catalog = _catalog()
    translated = {_msgid(m.id) for m in catalog if m.id and m.string}
    missing = _used_msgids() - translated
    assert not missing, f"untranslated: {sorted(missing)}"


def test_fragment_placeholders_match() -> None:
    problems = [
        (m.id, errors) for m in _catalog() if m.id for errors in [list(m.check())] if errors
    ]
    assert not problems


@pytest.fixture
def hindi_catalogue(settings, tmp_path) -> None:
    target = tmp_path / "hi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "django.mo").open("wb") as handle:
        write_mo(handle, _catalog())
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]


@pytest.mark.django_db
def test_form_and_errors_in_hindi_on_a_hindi_story(client, hi, en, hindi_catalogue) -> None:
    html = client.get(hi.get_absolute_url()).content.decode()
    assert "टिप्पणी करें" in html and "आपका ईमेल पता प्रकाशित नहीं किया जाएगा।" in html
    assert "सादा पाठ, अधिकतम 5000 अक्षर और 2 लिंक।" in html
    response = client.post("/comments/post/", comment_data(client, hi, name=" "))
    assert response.status_code == 400
    assert "कृपया अपना नाम लिखें।" in response.content.decode()
    # The English story keeps English, whatever the reader's previous page was.
    assert "Leave a Comment" in client.get(en.get_absolute_url()).content.decode()
