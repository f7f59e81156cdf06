"""One rule for every URL that comes into Patrika and every URL a page links to.

A public URL is an absolute http:// or https:// address with a real host name, no user name or
password, no spaces, quotes, angle brackets, backslashes or invisible characters, and at most
MAX_LENGTH characters. Every door checks it with `validate_public_url` (model and form fields
through `PublicURLField`, the importers through `patrika.importers.base.public_url_or_warn`,
`story_save` and `image_for_url` behind them), and every page checks it again when it renders
with `public_url_or_empty` (the `public_url` and `media_url` template filters, the JSON-LD
builder, the comment selectors): rows written before this rule, or by hand in SQL, render as
no link.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, URLValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# The longest URL column (sources, image origins); shorter columns add their own max_length.
MAX_LENGTH = 500
SCHEMES = ("http", "https")

MESSAGES = {
    "too_long": _("This address is too long: at most %(max)d characters (it has %(length)d)."),
    "characters": _(
        "A web address cannot contain spaces, quotes, angle brackets, backslashes or invisible "
        "characters."
    ),
    "scheme": _("Only web addresses that start with http:// or https:// are allowed."),
    "credentials": _("Remove the user name and password from this address."),
    "host": _("Enter a full web address with a real host name, such as https://example.com/page."),
}

# Django's host, port and path syntax (IDN hosts such as समाचार.भारत included).
_syntax = URLValidator(schemes=list(SCHEMES), message=MESSAGES["host"], code="host")
# Unicode categories a browser drops or a reader cannot see: controls, format characters
# (bidi overrides, zero-width space), separators. ZWNJ and ZWJ shape Indic conjuncts (क्‍ष)
# and may stand in a Hindi path, as in comment text (patrika.comments.text).
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_KEEP = {"\u200c", "\u200d"}
# Never part of a URL (RFC 3986): they break out of markup or, as "\", make browsers read
# another host than the one checked.
_FORBIDDEN = set('"<>`\\')


def _has_bad_characters(value: str) -> bool:
    return any(
        c in _FORBIDDEN
        or (c not in _KEEP and (c.isspace() or unicodedata.category(c) in _INVISIBLE))
        for c in value
    )


def _error(code: str, **params: Any) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def validate_public_url(value: Any, *, max_length: int = MAX_LENGTH) -> None:
    """Raise ValidationError unless `value` is a public URL (see the module docstring).

    The value is judged exactly as given: callers trim surrounding whitespace first (form
    fields do), so a stored value never differs from the one that was checked. `max_length`:
    a shorter column's limit (never more than MAX_LENGTH).
    """
    if not isinstance(value, str):
        raise _error("host")
    limit = min(max_length, MAX_LENGTH)
    if len(value) > limit:
        raise _error("too_long", max=limit, length=len(value))
    if _has_bad_characters(value):
        raise _error("characters")
    scheme, colon, rest = value.partition(":")
    # Exactly "http:" or "https:" followed by "//": "javascript:", "data:", "http:alert(1)"
    # and scheme-relative "//host" all stop here, whatever their case.
    if not colon or scheme.lower() not in SCHEMES or not rest.startswith("//"):
        raise _error("scheme")
    try:
        netloc = urlsplit(value).netloc
    except ValueError:
        raise _error("host") from None
    if "@" in netloc:
        raise _error("credentials")
    _syntax(value)


@lru_cache(maxsize=4096)
def is_public_url(value: str) -> bool:
    try:
        validate_public_url(value)
    except ValidationError:
        return False
    return True


def _is_local_path(value: str) -> bool:
    # A path on this site ("/media/images/…"): no scheme, no host ("//host" is another host;
    # backslashes are refused with the other forbidden characters).
    return (
        value.startswith("/")
        and not value.startswith("//")
        and len(value) <= MAX_LENGTH
        and not _has_bad_characters(value)
    )


def public_url_or_empty(value: Any, *, allow_local: bool = False) -> str:
    """`value` if it may be rendered as a link or image source, else "" (render no link).

    `allow_local`: a path on this site is accepted too (stored images are served from
    MEDIA_URL). Checked on every render because the database may hold anything.
    """
    if not isinstance(value, str) or not value:
        return ""
    if is_public_url(value) or (allow_local and _is_local_path(value)):
        return value
    return ""


@deconstructible
class PublicURLValidator:
    """`validate_public_url` with a column's own length limit."""

    def __init__(self, max_length: int = MAX_LENGTH) -> None:
        self.max_length = max_length

    def __call__(self, value: Any) -> None:
        validate_public_url(value, max_length=self.max_length)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PublicURLValidator) and other.max_length == self.max_length


class PublicURLFormField(forms.URLField):
    """A form URL field that accepts public URLs only (an address typed without a scheme, such
    as news.example.org/a, gets https://), with this module's error messages."""

    # The one rule replaces URLValidator; it checks the field's length too, so a long address
    # gets one message, not two that disagree.
    default_validators: list[Any] = []

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)
        self.validators = [
            *(v for v in self.validators if not isinstance(v, MaxLengthValidator)),
            PublicURLValidator(self.max_length or MAX_LENGTH),
        ]

    def to_python(self, value: Any) -> str:
        if isinstance(value, str) and value.strip().startswith("//"):
            # A scheme-relative reference is refused by the validator, not given https:.
            return value.strip()
        try:
            return super().to_python(value)
        except ValidationError:
            raise _error("host") from None


class PublicURLField(models.URLField):
    """A URL column that holds public URLs only: the admin's forms refuse anything else."""

    # In place of URLValidator and MaxLengthValidator: one rule, with the column's length.
    default_validators: list[Any] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.validators[:] = [
            *(v for v in self.validators if not isinstance(v, MaxLengthValidator)),
            PublicURLValidator(self.max_length or MAX_LENGTH),
        ]

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": PublicURLFormField, **kwargs})
