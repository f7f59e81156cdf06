"""The search outbox: stories queued for indexing in the same transaction as their change."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0004_entry_url_text'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchOutbox',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('story_id', models.BigIntegerField(db_index=True)),
            ],
            options={
                'verbose_name': 'story waiting for the search index',
                'verbose_name_plural': 'stories waiting for the search index',
            },
        ),
    ]
