"""Text rules: cleaning on the way in, plain-text rendering on the way out."""

from __future__ import annotations

import pytest

from patrika.comments.text import BrokenText, clean, find_links, render


def test_clean_single_line_collapses_whitespace() -> None:
    assert clean("  Ravi \n\t Kumar ") == "Ravi Kumar"


def test_clean_multiline_keeps_paragraphs_and_drops_controls() -> None:
    assert clean("one\r\n\r\n\r\n\r\ntwo\x00\x07 \nthree  ", multiline=True) == "one\n\ntwo\nthree"


def test_clean_refuses_replacement_characters() -> None:
    with pytest.raises(BrokenText):
        clean("broken \ufffd text")


def test_clean_strips_bidi_and_zero_width_but_keeps_joiners() -> None:
    assert clean("a\u202eb\u2067c\u200bd\u00ade\u200cf\u200dg") == "abcde\u200cf\u200dg"


def test_find_links() -> None:
    assert find_links("see https://a.example/x, www.b.example. and javascript:alert(1)") == [
        "https://a.example/x",
        "www.b.example",
    ]


def test_render_escapes_and_links() -> None:
    html = render('<b>hi</b> & "q"\nline two\n\npara www.example.org!')
    assert html == (
        "<p>&lt;b&gt;hi&lt;/b&gt; &amp; &quot;q&quot;<br>line two</p>"
        '<p>para <a href="http://www.example.org" rel="nofollow ugc noopener">'
        "www.example.org</a>!</p>"
    )


def test_render_does_not_let_a_url_break_out_of_the_attribute() -> None:
    html = render('http://x.example/"onmouseover=alert(1)')
    assert 'href="http://x.example/"' in html
    assert "onmouseover=alert(1)" in html and " onmouseover=" not in html


def test_render_drops_bidi_overrides_from_imported_text() -> None:
    assert render("safe\u202eedoc\u200b te\u200dxt") == "<p>safeedoc te\u200dxt</p>"
