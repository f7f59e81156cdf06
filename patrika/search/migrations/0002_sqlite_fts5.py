"""SQLite only: an FTS5 table over the analysed columns, kept in step by triggers.

The `categories` option makes combining marks (Devanagari vowel signs and viramas) part of a
word. The default unicode61 tokenizer treats them as separators and shreds मोदी into म and द.
The terms written here are already analysed, so this is a second line of defence.
"""

from django.db import migrations

COLUMNS = "title_words, body_words, title_keys, body_keys"
NEW = "new.title_words, new.body_words, new.title_keys, new.body_keys"
OLD = "old.title_words, old.body_words, old.title_keys, old.body_keys"

FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS},
        content='search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'")""",
    # Title words weigh most, body keys (loose phonetic matches) least.
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 3.0, 0.25)')",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
        END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END""",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TABLE IF EXISTS search_fts",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
