# Slug fields are checked by patrika.slugs.validate_slug (what patrika.text.slugify makes)
# instead of Django's validate_unicode_slug, which refuses Devanagari vowel signs.

import patrika.slugs
from django.db import migrations

# Only the Python validator changes, not the column: state only, so that SQLite does not
# rebuild four tables for nothing.
FIELDS = [
    ("author", dict(allow_unicode=True, max_length=120, unique=True, verbose_name="slug")),
    ("section", dict(allow_unicode=True, max_length=80, unique=True, verbose_name="slug")),
    ("tag", dict(allow_unicode=True, max_length=120, unique=True, verbose_name="slug")),
    ("translation", dict(allow_unicode=True, blank=True, max_length=160, verbose_name="slug")),
]


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0002_story_meta"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name=model,
                    name="slug",
                    field=patrika.slugs.SlugField(**options),
                )
                for model, options in FIELDS
            ],
            database_operations=[],
        ),
    ]
