from __future__ import annotations

from pathlib import Path

import pytest

from patrika.importers.htmlmd import escape_markdown, html_to_markdown, html_to_text, wpautop
from patrika.newsroom.markdown import render_markdown

DEMO = Path(__file__).resolve().parents[2] / "newsroom" / "demo_content"

CASES = [
    ("<p>Hello <strong>bold</strong> and <em>it</em></p>", "Hello **bold** and *it*\n"),
    ("<p><strong>bold </strong>text</p>", "**bold** text\n"),
    ("<h2>Head</h2><p>x</p>", "## Head\n\nx\n"),
    ('<p><a href="https://a.example/x_(y)">link</a></p>', "[link](<https://a.example/x_(y)>)\n"),
    ("<ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul>", "- one\n- two\n  - deep\n"),
    ('<ol start="3"><li>c</li><li>d</li></ol>', "3. c\n4. d\n"),
    ("<blockquote><p>q1</p><p>q2</p></blockquote>", "> q1\n>\n> q2\n"),
    ("<p>a<br>b</p>", "a\\\nb\n"),
    ("<pre><code>x = 1\n\ny = 2</code></pre>", "```\nx = 1\n\ny = 2\n```\n"),
    ("<p>5 * 3 = 15, snake_case, [x], &lt;tag&gt;</p>",
     "5 \\* 3 = 15, snake\\_case, \\[x\\], \\<tag>\n"),
    ("<p>1. not a list</p><p># not a heading</p>", "1\\. not a list\n\n\\# not a heading\n"),
    ('<figure><img src="https://i.example/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>',
     "![A](https://i.example/a.jpg)\n\n*Cap*\n"),
    ("<table><tr><th>a</th><th>b</th></tr><tr><td>1|2</td><td>3</td></tr></table>",
     "| a | b |\n|---|---|\n| 1\\|2 | 3 |\n"),
    ("<p>H<sub>2</sub>O and x<sup>2</sup></p>", "H<sub>2</sub>O and x<sup>2</sup>\n"),
    ("<p><del>old</del> <code>a*b</code></p>", "~~old~~ `a*b`\n"),
    ("<script>alert(1)</script><p>kept</p><style>p{}</style>", "kept\n"),
    ("<p>हिंदी में <b>मोटा</b> पाठ।</p>", "हिंदी में **मोटा** पाठ।\n"),
    ("", ""),
]  # fmt: skip


@pytest.mark.parametrize("html,markdown", CASES)
def test_html_to_markdown(html: str, markdown: str) -> None:
    assert html_to_markdown(html) == markdown


def test_wordpress_classic_content() -> None:
    assert wpautop("One\ntwo\n\nThree") == "<p>One<br>\ntwo</p>\n<p>Three</p>"
    md = html_to_markdown(
        '[caption id="a" width="300"]<img src="https://i.example/b.jpg" alt="B"> A caption'
        "[/caption]\n\nText after.",
        autop=True,
    )
    assert md == "![B](https://i.example/b.jpg)\n\n*A caption*\n\nText after.\n"


@pytest.mark.parametrize(
    "markdown",
    [
        (DEMO / "putin-modi-talks.en.md").read_text(encoding="utf-8"),
        (DEMO / "putin-modi-talks.hi.md").read_text(encoding="utf-8"),
        "Intro with **bold**, *em*, `code` and [a link](https://x.example/?a=1&b=2).\n\n"
        "## Heading\n\n- a\n- b\n  - c\n\n1. one\n2. two\n\n> quoted\n\n"
        "| h1 | h2 |\n|---|---|\n| x | y |\n\n```\ncode block\n```\n\n"
        "![alt text](https://i.example/p.png)\n\nline\\\nbreak ~~gone~~ 5 \\* 3\n",
    ],
)
def test_markdown_survives_a_trip_through_html(markdown: str) -> None:
    html = render_markdown(markdown)
    assert render_markdown(html_to_markdown(html)) == html


def test_escape_and_plain_text() -> None:
    assert escape_markdown("plain words") == "plain words"
    assert escape_markdown("- dash start") == "\\- dash start"
    assert html_to_text("Nice <b>post</b>!<br>Line 2<p>para</p>") == "Nice post!\nLine 2\n\npara"
    assert html_to_text("a &amp; b") == "a & b"
