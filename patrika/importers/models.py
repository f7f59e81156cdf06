"""What an import brought in: one row per imported item, so a re-import can tell new, changed,
unchanged and locally edited stories apart without touching anything it did not create."""

from __future__ import annotations

from django.db import models

from patrika.newsroom.models import Story


class ImportRecord(models.Model):
    # The same key as Story.import_source, e.g. "wxr:example.com:post:12" or "text:3f2a…".
    key = models.CharField(max_length=300, unique=True)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="+")
    importer = models.CharField(max_length=20)
    # A hash of the source item as parsed: equal on re-import means nothing to do.
    checksum = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "import record"
        verbose_name_plural = "import records"

    def __str__(self) -> str:
        return self.key
