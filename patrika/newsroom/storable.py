"""Text is stored exactly as given; only what cannot be stored at all is refused.

Every model with text inherits `StorableText`: the admin's forms (through `full_clean`) and every
`save()` refuse a value holding NUL, a lone surrogate or another character PostgreSQL or the
XML export cannot hold, with a message that names the field and the character. Nothing is
normalised on the way in: comparisons and slugs normalise for themselves (`patrika.text`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from patrika.text import check_storable


class StorableText(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.check_storable()
        super().save(*args, **kwargs)

    def storable_errors(self, exclude: Collection[str] = ()) -> dict[str, list[ValidationError]]:
        errors: dict[str, list[ValidationError]] = {}
        for field in self._meta.concrete_fields:
            if field.name in exclude or not isinstance(field, models.CharField | models.TextField):
                continue
            value = getattr(self, field.attname)
            if not isinstance(value, str):
                continue
            try:
                check_storable(value, field=str(field.verbose_name))
            except ValidationError as error:
                errors[field.name] = [error]
        return errors

    def check_storable(self) -> None:
        """Raise ValidationError when a text field holds what cannot be stored (rows written
        with bulk_create skip save(): their writers call this)."""
        errors = self.storable_errors()
        if errors:
            raise ValidationError(errors)

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        errors: dict[str, Any] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, found in self.storable_errors(exclude or ()).items():
            errors.setdefault(name, []).extend(found)
        if errors:
            raise ValidationError(errors)
