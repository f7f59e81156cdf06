"""SQLite FTS5: the default backend.

The FTS5 table `search_fts` (migration 0002) has four columns: title words, body words, title
keys and body keys. A query term matches when its word is in a word column or its key in a key
column; the table's rank is bm25 weighted so that exact words outrank phonetic matches and
titles outrank bodies. Two terms are adjacent when they make a phrase (`"a" + "b"`) in one
column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection

from ..analysis import QueryTerm
from .base import DatabaseBackend, Filters, Matches


def fts5_available() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        return any(row[0] == "ENABLE_FTS5" for row in cursor.fetchall())


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


WORDS = "{title_words body_words}"
KEYS = "{title_keys body_keys}"


def match_expression(terms: Sequence[QueryTerm]) -> str:
    """Every term, each as its word in a word column or its key in a key column."""
    parts = []
    for term in terms:
        alternatives = [f"{WORDS} : {_quote(w)}" for w in term.word_terms()]
        alternatives += [f"{KEYS} : {_quote(k)}" for k in term.key_terms()]
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def adjacent_expression(first: QueryTerm, second: QueryTerm) -> str:
    """`first` right before `second`: their words in a word column or their keys in a key one."""
    phrases = [
        f"{WORDS} : ({_quote(a)} + {_quote(b)})"
        for a in first.word_terms()
        for b in second.word_terms()
    ]
    phrases += [
        f"{KEYS} : ({_quote(a)} + {_quote(b)})"
        for a in first.key_terms()
        for b in second.key_terms()
    ]
    return " OR ".join(phrases)


FROM = "FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid"
# Whether entry e has a term: FTS5 looks the one row up by rowid.
HAS_TERM = (
    "EXISTS (SELECT 1 FROM search_fts one WHERE one.rowid = e.id AND one.search_fts MATCH %s)"
)


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
        everywhere, some_languages = self.split_required(terms)
        match = match_expression(everywhere)
        required, required_params = self.required_in_sql(
            some_languages, HAS_TERM, lambda t: match_expression([t])
        )
        total = self._count(
            match, filters=filters, count_limit=count_limit, extra=(required, required_params)
        )
        if not total or offset >= total or limit <= 0:
            return Matches(total, [])
        where, params = self.filter_sql(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {self.HIT_COLUMNS}, search_fts.rank {FROM} "
                f"WHERE search_fts MATCH %s AND {where}{required} "
                "ORDER BY search_fts.rank, e.published_at DESC LIMIT %s OFFSET %s",
                [match, *params, *required_params, limit, offset],
            )
            rows = cursor.fetchall()
        # bm25 is negative, better matches more so; hits carry a positive score.
        return Matches(total, [self.hit_from_row(row[:-1], -row[-1]) for row in rows])

    def count_adjacent(
        self, first: QueryTerm, second: QueryTerm, *, filters: Filters, count_limit: int = 1000
    ) -> int:
        return self._count(
            adjacent_expression(first, second), filters=filters, count_limit=count_limit
        )

    def _count(
        self,
        match: str,
        *,
        filters: Filters,
        count_limit: int,
        extra: tuple[str, list[Any]] = ("", []),
    ) -> int:
        """Entries matching `match` (and the `extra` WHERE clause), counted no further than
        `count_limit`: nobody pages past it, and counting costs a row read."""
        where, params = self.filter_sql(filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {FROM} "
                f"WHERE search_fts MATCH %s AND {where}{extra[0]} LIMIT %s)",
                [match, *params, *extra[1], count_limit],
            )
            return int(cursor.fetchone()[0])

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
