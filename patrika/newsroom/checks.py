"""Checks of stored data, run by `patrika check --database default` (and before `migrate`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Tags, register
from django.core.checks import Warning as CheckWarning
from django.db import connections, models
from django.utils.translation import gettext as _

from patrika.slugs import slug_is_valid

from .models import Author, Section, Tag, Translation

SLUGGED = (Section, Tag, Author, Translation)


def _invalid_slugs(alias: str) -> Iterator[tuple[type[models.Model], int, str]]:
    tables = set(connections[alias].introspection.table_names())
    for model in SLUGGED:
        if model._meta.db_table not in tables:  # `migrate` checks before the first migration
            continue
        rows = model.objects.using(alias).order_by("pk").values_list("pk", "slug")
        for pk, slug in rows.iterator():
            if not slug_is_valid(slug):
                yield model, pk, slug


@register(Tags.database)
def slugs_check(
    app_configs: Sequence[AppConfig] | None = None,
    databases: Iterable[str] | None = None,
    **kwargs: Any,
) -> list[CheckMessage]:
    """Every stored slug passes `validate_slug`; rows written before the validator existed,
    or around the services (raw SQL, a restored dump), are reported by id.

    Warnings, not errors: `migrate` runs database checks first, and an error would stop the
    very migration an upgrade needs."""
    if app_configs is not None and not any(c.label == "newsroom" for c in app_configs):
        return []
    return [
        CheckWarning(
            _("The row with id %(id)s has the slug “%(slug)s”, which is not a valid slug.")
            % {"id": pk, "slug": slug},
            hint=_(
                "Change it in the admin to lowercase letters, digits and single hyphens; "
                "the old address stops working."
            ),
            obj=model,
            id="newsroom.W001",
        )
        for alias in databases or ()
        for model, pk, slug in _invalid_slugs(alias)
    ]
