"""SQLite FTS5: the default backend.

The FTS5 table `search_fts` (migration 0002) has four columns: title words, body words, title
keys and body keys. A query term matches when its word is in a word column or its key in a key
column; the table's rank is bm25 weighted so that exact words outrank phonetic matches and
titles outrank bodies.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from ..analysis import QueryTerm
from .base import DatabaseBackend, Filters, Matches


def fts5_available() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        return any(row[0] == "ENABLE_FTS5" for row in cursor.fetchall())


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(terms: Sequence[QueryTerm]) -> str:
    """Every term, each as its word in a word column or its key in a key column."""
    parts = []
    for term in terms:
        alternatives = [f"{{title_words body_words}} : {_quote(term.word)}"]
        if term.key:
            alternatives.append(f"{{title_keys body_keys}} : {_quote(term.key)}")
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


class Backend(DatabaseBackend):
    vendor = "sqlite"

    def search(
        self,
        terms: Sequence[QueryTerm],
        *,
        filters: Filters,
        offset: int = 0,
        limit: int = 10,
        count_limit: int = 1000,
    ) -> Matches:
        if not terms:
            return Matches(0, [])
        where, params = self.filter_sql(filters)
        match = match_expression(terms)
        base = (
            "FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND {where}"
        )
        with connection.cursor() as cursor:
            # Counting stops at count_limit: nobody pages past it, and counting costs a row read.
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {base} LIMIT %s)", [match, *params, count_limit]
            )
            total = cursor.fetchone()[0]
            if not total or offset >= total or limit <= 0:
                return Matches(total, [])
            cursor.execute(
                f"SELECT {self.HIT_COLUMNS}, search_fts.rank {base} "
                "ORDER BY search_fts.rank, e.published_at DESC LIMIT %s OFFSET %s",
                [match, *params, limit, offset],
            )
            rows = cursor.fetchall()
        # bm25 is negative, better matches more so; hits carry a positive score.
        return Matches(total, [self.hit_from_row(row[:-1], -row[-1]) for row in rows])

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
