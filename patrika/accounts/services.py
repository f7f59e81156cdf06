"""Writes about staff accounts: creating one in a role, lifting a login lock.

The counting itself is django-axes' (settings.AXES_*): each failed attempt is a row keyed by
username, address and user agent, and a lock is a count of rows over the limit, per username
and per address.
"""

from __future__ import annotations

import ipaddress
import secrets

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from .roles import ROLES


def login_unlock(*, username: str | None = None, ip_address: str | None = None) -> int:
    """Forget the failed attempts of an account, of an address, or of each when both are given
    (not only their combination: either alone keeps a lock). Returns how many records went."""
    if username is None and ip_address is None:
        raise ValueError("login_unlock needs a username or an address")
    removed = 0
    if username is not None:
        removed += reset(username=username)
    if ip_address is not None:
        # Stored in the canonical form client_ip() returns ("::1", not "0:0::1").
        removed += reset(ip=str(ipaddress.ip_address(ip_address.strip())))
    return removed


def login_attempts_delete_expired() -> int:
    """Delete failed-attempt records older than the cool-off (they no longer count towards a
    lock). With no cool-off every record still counts, so none is expired."""
    cooloff = get_cool_off()
    if cooloff is None:
        return 0
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=timezone.now() - cooloff).delete()
    return deleted


def user_create(*, username: str, role: str, email: str = "") -> tuple[User, str]:
    """A staff account in one role (patrika.accounts.roles), with a new random password, which
    is returned once and stored only hashed. An existing account is moved to the role and
    given a new password."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    password = secrets.token_urlsafe(12)
    with transaction.atomic():
        user = User.objects.filter(username=username).first() or User(username=username)
        user.email = email or user.email
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.groups.remove(*Group.objects.filter(name__in=ROLES))
        user.groups.add(Group.objects.get(name=role))
    return user, password
