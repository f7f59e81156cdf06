"""URLs of Devanagari slugs, percent-encoded, outgrow 400 characters: make `url` a text field.

On SQLite, altering a column remakes the table, which drops its triggers: they are created again
here (the same statements as in 0002) and the FTS5 table is rebuilt from the content table.
"""

from django.db import migrations, models

COLUMNS = "title_words, body_words, title_keys, body_keys"
NEW = "new.title_words, new.body_words, new.title_keys, new.body_keys"
OLD = "old.title_words, old.body_words, old.title_keys, old.body_keys"

TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
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


def recreate_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in TRIGGERS:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_vector")]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="url",
            field=models.TextField(),
        ),
        migrations.RunPython(recreate_triggers, migrations.RunPython.noop, elidable=False),
    ]
