"""PostgreSQL only: a generated tsvector column over the analysed columns, with a GIN index.

The vector is built from the space-separated terms directly (lexeme and position), never through
PostgreSQL's text-search parser: depending on the locale, that parser cuts Devanagari words at
their vowel signs. Weights tell the columns apart: A title words, B body words, C title keys,
D body keys; queries ask for words in AB and keys in CD.
"""

from django.db import migrations

FORWARD = [
    """CREATE FUNCTION search_terms_vector(terms text, weight "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(coalesce(string_agg(
            quote_literal(tok) || ':' || least(pos, 16383), ' ')::tsvector, ''::tsvector), weight)
        FROM unnest(string_to_array(terms, ' ')) WITH ORDINALITY AS t(tok, pos)
        WHERE tok <> ''
    $$""",
    """ALTER TABLE search_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        search_terms_vector(title_words, 'A') || search_terms_vector(body_words, 'B')
        || search_terms_vector(title_keys, 'C') || search_terms_vector(body_keys, 'D')
    ) STORED""",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector",
    "DROP FUNCTION IF EXISTS search_terms_vector(text, \"char\")",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_sqlite_fts5")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
