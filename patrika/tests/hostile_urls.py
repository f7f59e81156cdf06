"""URLs that must never be stored or linked, and public URLs that must pass: one table used by
the tests of every door (importers, admin, comment form) and of every renderer."""

from __future__ import annotations

# (id, url). Each one names a trick: a browser would run it, hide it, or send it elsewhere.
HOSTILE_URLS: list[tuple[str, str]] = [
    ("javascript", "javascript:alert(document.domain)"),
    ("mixed-case", "JaVaScRiPt:alert(1)"),
    ("javascript-slashes", "javascript://news.example.org/%0Aalert(1)"),
    ("leading-space", "  javascript:alert(1)"),
    ("tab-newline-inside", "java\tscr\nipt:alert(1)"),
    ("control-char-first", "\x01javascript:alert(1)"),
    ("nul-inside", "java\x00script:alert(1)"),
    ("bidi-override", "\u202ejavascript:alert(1)"),
    ("zero-width-space", "java\u200bscript:alert(1)"),
    ("entity-colon", "javascript&colon;alert(1)"),
    ("numeric-entity", "javascript&#58;alert(1)"),
    ("hex-entity-tab", "jav&#x09;ascript:alert(1)"),
    ("percent-encoded-scheme", "javascript%3Aalert(1)"),
    ("data-html", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    ("data-svg", "data:image/svg+xml,<svg onload=alert(1)>"),
    ("vbscript", "vbscript:msgbox(1)"),
    ("vbscript-case", "VbScRiPt:MsgBox(1)"),
    ("file", "file:///etc/passwd"),
    ("ftp", "ftp://files.example.org/report.pdf"),
    ("scheme-relative", "//evil.example/story"),
    ("backslashes", "https:\\\\evil.example/story"),
    ("http-no-slashes", "http:alert(1)"),
    ("credentials", "https://editor:secret@news.example.org/story"),
    ("user-only", "http://editor@news.example.org/story"),
    ("at-host-spoof", "https://news.example.org@evil.example/story"),
    ("no-host", "https:///story"),
    ("empty-host", "https://"),
    ("no-dot-host", "https://news/story"),
    ("space-in-host", "https://news example.org/story"),
    ("quote-breakout", 'https://news.example.org/"onmouseover="alert(1)'),
    ("overlong", "https://news.example.org/" + "a" * 600),
]

# Public URLs every door keeps as they are (Hindi hosts and paths included).
PUBLIC_URLS: list[str] = [
    "https://news.example.org/2025/08/report?id=1&lang=hi#top",
    "http://news.example.org",
    "HTTPS://NEWS.EXAMPLE.ORG/Story",
    "https://news.example.org:8443/a/b",
    "https://समाचार.भारत/ख़बर/बजट",
    "https://hi.example.org/क्\u200dष-और-क्\u200cष",
    "https://203.0.113.7/photo.jpg",
    "https://[2001:db8::1]/photo.jpg",
    "https://news.example.org/" + "a" * 470,
]

HOSTILE_IDS = [name for name, _url in HOSTILE_URLS]
HOSTILE_VALUES = [url for _name, url in HOSTILE_URLS]
