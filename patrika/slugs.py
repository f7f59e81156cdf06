"""What a slug is: exactly what `patrika.text.slugify` makes, in every language.

Django's `validate_unicode_slug` allows only `\\w` and so refuses the vowel signs, nukta and
virama that slugify keeps (Hindi addresses made by Patrika itself failed in the admin). The
models, their admin forms, the services behind the importers and the data check
(`newsroom.checks`) all use the one validator below, so nothing refuses a slug that another
part of Patrika made.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from patrika.text import normalize, slugify


def slug_is_valid(value: str) -> bool:
    # slugify leaves its own output unchanged (lowercase letters and numbers of any script
    # with their combining marks, single inner hyphens, NFC) and changes anything else.
    return bool(value) and slugify(value, max_length=len(value)) == value


def validate_slug(value: str) -> None:
    if not slug_is_valid(value):
        raise ValidationError(
            _(
                "“%(value)s” is not a valid slug: use lowercase letters of any script (with "
                "their vowel signs), digits and single hyphens between words, with no spaces "
                "or punctuation."
            ),
            code="invalid",
            params={"value": value},
        )


class SlugFormField(forms.CharField):
    default_validators = [validate_slug]

    def __init__(self, *, allow_unicode: bool = True, **kwargs: Any) -> None:
        # `allow_unicode` comes from the model field's formfield(); every script is allowed.
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        # Some keyboards type decomposed (NFD) Devanagari; slugs are stored NFC.
        return normalize(super().to_python(value))


class SlugField(models.SlugField):
    """Django's SlugField checked by `validate_slug` instead of `validate_unicode_slug`."""

    default_validators = [validate_slug]

    def __init__(self, *args: Any, allow_unicode: bool = True, **kwargs: Any) -> None:
        # Not passed on: with it, Django's SlugField puts validate_unicode_slug in place of
        # validate_slug above. Every script is allowed either way.
        super().__init__(*args, **kwargs)
        self.allow_unicode = allow_unicode

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": SlugFormField, **kwargs})
