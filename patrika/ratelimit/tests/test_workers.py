"""The documented limit holds under the default server: granian with two worker processes."""

from __future__ import annotations

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from patrika.comments.tests.conftest import form_fields

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
STORY_SETUP = """
from patrika.newsroom.tests.factories import make_story
print(make_story(en="Rate limit story").translations.get(language="en").get_absolute_url())
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def two_worker_site(tmp_path):
    env = {**os.environ, "PATRIKA_VAR_DIR": str(tmp_path), "ALLOWED_HOSTS": "127.0.0.1"}
    # The default installation: SQLite, local-memory cache, two workers.
    for name in ("DATABASE_URL", "CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "PATRIKA_RATE_STORE"):
        env.pop(name, None)
    patrika = str(BIN / "patrika")
    subprocess.run([patrika, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    story_path = subprocess.run(
        [patrika, "shell", "--no-imports", "-c", STORY_SETUP],
        env=env, check=True, cwd=ROOT, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [patrika, "serve", "--port", str(port), "--workers", "2"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + story_path, timeout=2)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("the server did not start")
    yield base, story_path
    server.terminate()
    server.wait(timeout=20)


def _reader(base: str, story_path: str) -> tuple[urllib.request.OpenerDirector, dict[str, str]]:
    """A reader with their own cookies who opened the story page and its comment form."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(base + story_path, timeout=10) as response:
        return opener, form_fields(response.read().decode())


def _post(base: str, opener: urllib.request.OpenerDirector, data: dict[str, str]) -> int:
    request = urllib.request.Request(
        base + "/comments/post/",
        data=urllib.parse.urlencode(data).encode(),
        headers={"Referer": base + "/", "Connection": "close"},
    )
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_thirty_posts_from_one_address_get_ten_through(two_worker_site) -> None:
    base, story_path = two_worker_site
    readers = [_reader(base, story_path) for _ in range(30)]
    posts = []
    for n, (opener, fields) in enumerate(readers):
        fields.update(
            name=f"Reader {n}",
            email=f"reader{n}@example.org",
            body=f"Comment number {n} about the rate limit story.",
        )
        posts.append((opener, fields))
    time.sleep(3.2)  # the form's minimum fill time
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda post: _post(base, *post), posts))
    # 200 after the redirect to the story page; 429 for the refused ones.
    assert statuses.count(429) == 20, statuses
    assert statuses.count(200) == 10, statuses
