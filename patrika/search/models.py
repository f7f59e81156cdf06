"""The search index: one row per searchable (live story, ready translation).

The analysed columns hold space-separated terms from `patrika.search.analysis`; each database
backend indexes them its own way (an FTS5 table kept in step by triggers on SQLite, a generated
tsvector column with a GIN index on PostgreSQL: see the migrations), so matching is identical.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    translation = models.OneToOneField(
        "newsroom.Translation", on_delete=models.CASCADE, related_name="+"
    )
    story = models.ForeignKey("newsroom.Story", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=12)
    section = models.ForeignKey(
        "newsroom.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Copied from the story (every change to it goes through a service that re-indexes it);
    # kept here so filters and the "is it out yet" test need no join.
    published_at = models.DateTimeField(_("published at"))
    title = models.CharField(_("title"), max_length=300)
    url = models.TextField()
    # Plain text (summary and body without markup) that snippets are cut from.
    body = models.TextField(blank=True)
    title_words = models.TextField(blank=True)
    body_words = models.TextField(blank=True)
    title_keys = models.TextField(blank=True)
    body_keys = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["language", "published_at"], name="search_lang_pub")]

    def __str__(self) -> str:
        return self.title


class SearchTerm(models.Model):
    """Every indexed word once, with its phonetic key: the vocabulary of "did you mean"."""

    term = models.CharField(max_length=100, unique=True)
    key = models.CharField(max_length=100, db_index=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return self.term


class SearchOutbox(models.Model):
    """A story whose index entries may be out of date: the search outbox.

    A row is written in the transaction that changes (or deletes) the story, and deleted in the
    transaction that indexes it, so whatever stops in between, the story stays queued. One row
    per change rather than per story: a change made while the story is being indexed keeps its
    own row, and the story is indexed again.
    """

    # No foreign key: a deleted story is queued too (to be removed from the index).
    story_id = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("story waiting for the search index")
        verbose_name_plural = _("stories waiting for the search index")

    def __str__(self) -> str:
        return str(self.story_id)
