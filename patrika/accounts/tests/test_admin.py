"""Login attempts in the admin: an administrator sees them and clears the expired ones."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

pytestmark = pytest.mark.django_db

ATTEMPTS = "/admin/axes/accessattempt/"


def _attempt(username: str, age: timedelta) -> AccessAttempt:
    attempt = AccessAttempt.objects.create(
        username=username,
        ip_address="203.0.113.5",
        user_agent="curl",
        get_data="",
        post_data="",
        failures_since_start=4,
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=timezone.now() - age)
    return attempt


@pytest.mark.parametrize(
    ("cooloff", "kept"), [(timedelta(minutes=30), {"fresh"}), (None, {"old", "fresh"})]
)
def test_clean_up_removes_only_attempts_past_the_cooloff(
    admin_client, settings, cooloff, kept
) -> None:
    settings.AXES_COOLOFF_TIME = cooloff
    old, fresh = _attempt("old", timedelta(hours=2)), _attempt("fresh", timedelta(minutes=5))
    assert "203.0.113.5" in admin_client.get(ATTEMPTS).content.decode()
    response = admin_client.post(
        ATTEMPTS,
        {
            "action": "cleanup_expired_attempts",
            "_selected_action": [old.pk, fresh.pk],
            "index": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    removed = 2 - len(kept)
    assert f"{removed} expired login attempt record" in response.content.decode()
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == kept
