# Translations kept in step with their source (newsroom.instep): text versions, and what each
# translation was made from.

from django.db import migrations, models

from patrika.newsroom.instep import text_digest, text_snapshot

FIELDS = ["text_digest", "source_language", "source_version", "source_text"]


def record_versions(apps, schema_editor) -> None:
    """Every text as version 1, and every translation as made from its story's original
    language as it is now: a later change of the source is then seen."""
    Story = apps.get_model("newsroom", "Story")
    Translation = apps.get_model("newsroom", "Translation")
    stories = Story.objects.only("pk", "original_language").prefetch_related("translations")
    batch = []
    for story in stories.iterator(chunk_size=500):
        translations = list(story.translations.all())
        source = next((t for t in translations if t.language == story.original_language), None)
        for translation in translations:
            translation.text_digest = text_digest(translation)
            if source is not None and translation is not source:
                translation.source_language = source.language
                translation.source_version = 1
                translation.source_text = text_snapshot(source)
            batch.append(translation)
        if len(batch) >= 500:
            Translation.objects.bulk_update(batch, FIELDS)
            batch = []
    Translation.objects.bulk_update(batch, FIELDS)


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0005_public_url_fields'),
    ]

    operations = [
        migrations.AddField(
            model_name='translation',
            name='source_changed_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='translation',
            name='source_language',
            field=models.CharField(blank=True, editable=False, max_length=12),
        ),
        migrations.AddField(
            model_name='translation',
            name='source_text',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name='translation',
            name='source_version',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='translation',
            name='text_digest',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name='translation',
            name='text_version',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.RunPython(record_versions, migrations.RunPython.noop),
    ]
