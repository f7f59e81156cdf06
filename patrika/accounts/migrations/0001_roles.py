"""The roles as groups. The permission lists are frozen here, as a migration must be; a later
model that a role should reach is granted by that model's own migration."""

from django.db import migrations

CONTRIBUTOR = {
    "newsroom": [
        "view_story",
        "add_story",
        "change_story",
        "view_translation",
        "add_translation",
        "change_translation",
        "delete_translation",
        "view_sourceattribution",
        "add_sourceattribution",
        "change_sourceattribution",
        "delete_sourceattribution",
        "view_section",
        "view_sectionname",
        "view_tag",
        "add_tag",
        "view_author",
        "view_image",
        "add_image",
        "change_image",
    ],
}
# Editors: every permission of these apps (publish_story and moderate_comment included).
EDITOR_APPS = ["newsroom", "comments", "editorial"]


def _create_permissions(apps, schema_editor) -> None:
    # Permissions are normally made after all migrations (post_migrate); the groups need them
    # now, so they are made here the same way.
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for app_config in global_apps.get_app_configs():
        # create_permissions skips an app whose models_module is unset: set it for the call
        # and put the real value back (post_migrate skips apps without one too).
        original = app_config.models_module
        app_config.models_module = original or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = original


def create_roles(apps, schema_editor) -> None:
    _create_permissions(apps, schema_editor)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    contributor, _ = Group.objects.get_or_create(name="contributor")
    for app_label, codenames in CONTRIBUTOR.items():
        contributor.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
    editor, _ = Group.objects.get_or_create(name="editor")
    editor.permissions.add(*Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    admin, _ = Group.objects.get_or_create(name="admin")
    admin.permissions.add(*Permission.objects.all())


def remove_roles(apps, schema_editor) -> None:
    apps.get_model("auth", "Group").objects.filter(
        name__in=["contributor", "editor", "admin"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("newsroom", "0008_story_created_by_and_approved"),
        ("comments", "0005_author_notification"),
        ("editorial", "0001_review_comment"),
        ("django_tasks_database", "__latest__"),
        ("axes", "__latest__"),
        ("search", "__latest__"),
        ("ratelimit", "__latest__"),
        ("sessions", "__latest__"),
        ("admin", "__latest__"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
