from __future__ import annotations

from django.db import models


class RateCounter(models.Model):
    """Hits of one key (scope, hashed identity, time window) while the window lasts."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
