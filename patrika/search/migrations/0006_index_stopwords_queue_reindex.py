"""Stopwords are now indexed (marked, in their place) and Devanagari words have more than one
key: every indexed story is queued in the search outbox, so that the next `patrika serve` (or
`patrika reindex --pending`) indexes it again; the old entries answer until then.

PostgreSQL only: the vector is made again with a gap between its columns (positions start at 2
in each), so that a phrase, two adjacent terms, cannot run from the end of the title into the
start of the body, as in FTS5, whose columns are apart.
"""

from django.db import migrations

OLD_FUNCTION = """CREATE OR REPLACE FUNCTION search_terms_vector(terms text, weight "char")
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(coalesce(string_agg(
            quote_literal(tok) || ':' || least(pos, 16383), ' ')::tsvector, ''::tsvector), weight)
        FROM unnest(string_to_array(terms, ' ')) WITH ORDINALITY AS t(tok, pos)
        WHERE tok <> ''
    $$"""
# tsvector || tsvector shifts the right-hand positions by the largest on the left: starting
# each column at 2 leaves position 1 of the next one empty.
NEW_FUNCTION = OLD_FUNCTION.replace("least(pos, 16383)", "least(pos + 1, 16383)")
VECTOR = [
    """ALTER TABLE search_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        search_terms_vector(title_words, 'A') || search_terms_vector(body_words, 'B')
        || search_terms_vector(title_keys, 'C') || search_terms_vector(body_keys, 'D')
    ) STORED""",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (vector)",
]
DROP_VECTOR = [
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector",
]


def _postgres(function):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        # A generated column cannot be altered in place (before PostgreSQL 17): remade.
        for sql in [*DROP_VECTOR, function, *VECTOR]:
            schema_editor.execute(sql)

    return run


def queue_indexed_stories(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    SearchOutbox = apps.get_model("search", "SearchOutbox")
    story_ids = SearchEntry.objects.values_list("story_id", flat=True).distinct().order_by()
    SearchOutbox.objects.bulk_create(
        [SearchOutbox(story_id=pk) for pk in story_ids.iterator()], batch_size=1000
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_search_outbox")]

    operations = [
        migrations.RunPython(_postgres(NEW_FUNCTION), _postgres(OLD_FUNCTION), elidable=False),
        migrations.RunPython(queue_indexed_stories, migrations.RunPython.noop, elidable=False),
    ]
