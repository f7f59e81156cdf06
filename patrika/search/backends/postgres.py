"""PostgreSQL full-text search over the same analysed terms.

The generated `vector` column (migration 0003) holds title words with weight A, body words B,
title keys C and body keys D. The query is built as a tsquery literal (no text-search parser
involved, so no locale can cut a Devanagari word): each term is `'word':AB | 'key':CD`.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from ..analysis import QueryTerm
from .base import DatabaseBackend, Filters, Matches

# ts_rank_cd weights for {D, C, B, A}: exact title words first, phonetic body matches last.
WEIGHTS = "{0.025, 0.3, 0.1, 1.0}"


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(terms: Sequence[QueryTerm]) -> str:
    """Every term, each as its word with weight A/B or its key with weight C/D."""
    parts = []
    for term in terms:
        alternatives = [f"{_lexeme(term.word)}:AB"]
        if term.key:
            alternatives.append(f"{_lexeme(term.key)}:CD")
        parts.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(parts)


class Backend(DatabaseBackend):
    vendor = "postgresql"

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
        query = tsquery(terms)
        with connection.cursor() as cursor:
            # Counting stops at count_limit: nobody pages past it.
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_searchentry e "
                f"WHERE e.vector @@ %s::tsquery AND {where} LIMIT %s) AS found",
                [query, *params, count_limit],
            )
            total = cursor.fetchone()[0]
            if not total or offset >= total or limit <= 0:
                return Matches(total, [])
            # Normalisation 1: divide by 1 + log(length), so long bodies do not win by size.
            cursor.execute(
                f"SELECT {self.HIT_COLUMNS}, "
                "ts_rank_cd(CAST(%s AS float4[]), e.vector, q, 1) AS score "
                "FROM search_searchentry e, CAST(%s AS tsquery) q "
                f"WHERE e.vector @@ q AND {where} "
                "ORDER BY score DESC, e.published_at DESC LIMIT %s OFFSET %s",
                [WEIGHTS, query, *params, limit, offset],
            )
            rows = cursor.fetchall()
        return Matches(total, [self.hit_from_row(row[:-1], row[-1]) for row in rows])

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
