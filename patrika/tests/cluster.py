"""A browser-like client for the cluster test: cookies, and forms read as a browser sends them."""

from __future__ import annotations

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any


@dataclass
class Page:
    status: int
    url: str
    body: str
    headers: dict[str, str]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """One reader or editor: one cookie jar whichever server answers (one site, one domain)."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def request(self, url: str, data: list[tuple[str, str]] | None = None, **headers: str) -> Page:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return Page(
                    response.status, url, response.read().decode(), _headers(response.headers)
                )
        except urllib.error.HTTPError as error:
            return Page(error.code, url, error.read().decode(), _headers(error.headers))


class FormFields(HTMLParser):
    """The fields of the first <form> matching `marker` (in its attributes), as sent."""

    def __init__(self, marker: str) -> None:
        super().__init__()
        self.marker = marker
        self.inside = False
        self.done = False
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.done and self.marker in " ".join(a.values()):
            self.inside = True
        if not self.inside:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file", "image"):
                self.fields.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(html: str, marker: str) -> list[tuple[str, str]]:
    parser = FormFields(marker)
    parser.feed(html)
    assert parser.fields, f"no form {marker!r} on the page"
    return parser.fields


def replace(fields: list[tuple[str, str]], **values: str) -> list[tuple[str, str]]:
    out = [(k, values.get(k, v)) for k, v in fields]
    out += [(k, v) for k, v in values.items() if k not in dict(fields)]
    return out


def _headers(message: Any) -> dict[str, str]:
    # Header names are case-insensitive (granian sends them in lower case): keep them so.
    return {k.lower(): v for k, v in message.items()}
