"""Behind the documented proxy, a reader cannot choose the address their comments count under."""

from __future__ import annotations

import pytest
from django.test import Client

from patrika.comments.models import Comment

from .conftest import comment_data

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
READER = "198.51.100.7"


def test_forged_forwarded_addresses_neither_stored_nor_dodging_the_limit(settings, en) -> None:
    settings.PATRIKA_TRUSTED_PROXIES = 1
    settings.PATRIKA_COMMENTS_RATE_PER_IP = (10, 600)
    statuses = []
    for n in range(30):
        client = Client()
        data = comment_data(client, en, email=f"r{n}@example.org", body=f"Comment {n} here.")
        forged = f"203.0.113.{n}, {READER}"  # the proxy appended the real address
        response = client.post(
            "/comments/post/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forged
        )
        statuses.append(response.status_code)
    assert statuses.count(429) == 20
    assert set(Comment.objects.values_list("ip_address", flat=True)) == {READER}


def test_legacy_header_setting_means_one_trusted_proxy() -> None:
    import os
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.PATRIKA_TRUSTED_PROXIES)"
    env = {**os.environ, "PATRIKA_COMMENTS_IP_HEADER": "HTTP_X_FORWARDED_FOR"}
    env.pop("PATRIKA_TRUSTED_PROXIES", None)
    result = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "patrika"), "shell", "--no-imports",
         "-c", code],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == "1"
