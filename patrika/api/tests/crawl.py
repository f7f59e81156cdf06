"""Walk the API as a client would: from /api/, through every link and every next page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.test import Client

from .conftest import path


@dataclass
class Answer:
    path: str
    status: int
    body: Any


# Requests a client can get wrong: each must answer with the documented error shape.
BAD_REQUESTS = [
    "/api/v1/en/stories/?cursor=not-a-cursor",
    "/api/v1/en/stories/?limit=0",
    "/api/v1/en/stories/?limit=abc",
    "/api/v1/hi/search/",
    "/api/v1/en/stories/?section=no-such-section",
    "/api/v1/en/stories/?tag=no-such-tag",
    "/api/v1/en/stories/?author=no-such-author",
    "/api/v1/xx/stories/",
    "/api/v1/en/stories/999999/",
    "/api/v1/en/stories/abc/",
    "/api/v1/en/stories/999999/comments/",
    "/api/v1/tags/?cursor=x",
    "/api/v1/authors/?cursor=x",
    "/api/v1/hi/search/?q=x&cursor=x",
]


def _links(body: Any) -> list[str]:
    found: list[str] = []
    if isinstance(body, dict):
        for key, value in body.items():
            if key.endswith("_url") and isinstance(value, str) and "/api/" in value:
                found.append(value)
            elif key.endswith("_urls") and isinstance(value, dict):
                found += [v for v in value.values() if isinstance(v, str)]
            else:
                found += _links(value)
    elif isinstance(body, list):
        for item in body:
            found += _links(item)
    return found


def crawl(client: Client, *, extra: list[str] = (), limit: int = 2) -> list[Answer]:
    """Every answer reachable from /api/v1/ (with `limit` per page), plus `extra` paths."""
    start = [
        "/api/v1/",
        *(f"/api/v1/{lang}/stories/?limit={limit}" for lang in ("en", "hi")),
        f"/api/v1/tags/?limit={limit}",
        f"/api/v1/authors/?limit={limit}",
        *extra,
        *BAD_REQUESTS,
    ]
    queue = list(start)
    seen: set[str] = set()
    answers: list[Answer] = []
    while queue:
        url = queue.pop(0)
        if url in seen or url.endswith("/openapi.json"):
            continue
        seen.add(url)
        response = client.get(url)
        body = response.json()
        answers.append(Answer(url, response.status_code, body))
        queue += [path(link) for link in _links(body)]
    return answers
