"""Avatars without Gravatar: a symmetric 5×5 pattern drawn from a keyed hash of the email.

Gravatar's URL carries an unkeyed hash of the address, which anyone can match against a list
of addresses; this hash is keyed with the site's secret, so the picture reveals nothing, and
no request leaves the site.
"""

from __future__ import annotations

from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString, mark_safe

_SALT = "patrika.comments.avatar"


def avatar_digest(*, email: str) -> bytes:
    return salted_hmac(_SALT, email.strip().lower(), algorithm="sha256").digest()


def avatar_svg(*, email: str, size: int = 40) -> SafeString:
    """An inline SVG (no data URI, no external request); decorative, so hidden from AT."""
    digest = avatar_digest(email=email)
    hue = int.from_bytes(digest[:2], "big") % 360
    cells = []
    for row in range(5):
        for col in range(3):
            if digest[2 + row * 3 + col] & 1:
                for x in {col, 4 - col}:
                    cells.append(f'<rect x="{x}" y="{row}" width="1" height="1"/>')
    return mark_safe(  # only numbers are interpolated
        f'<svg class="avatar" width="{size}" height="{size}" viewBox="-0.5 -0.5 6 6" '
        f'aria-hidden="true" focusable="false"><rect x="-0.5" y="-0.5" width="6" height="6" '
        f'fill="hsl({hue} 30% 92%)"/><g fill="hsl({hue} 55% 40%)">{"".join(cells)}</g></svg>'
    )
