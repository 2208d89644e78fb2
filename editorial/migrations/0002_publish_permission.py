"""The one publish permission moves to editorial.EditorialRights, keeping who holds it.

It used to hang on the content type of Source (the first content model); groups and accounts
that hold it keep it, because the permission row itself moves.
"""

from django.db import migrations

CODENAME = "publish_content"


def _move(apps, schema_editor, to_app, to_model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    using = schema_editor.connection.alias
    target, _ = ContentType.objects.using(using).get_or_create(app_label=to_app, model=to_model)
    kept = Permission.objects.using(using).filter(codename=CODENAME, content_type=target).first()
    for permission in Permission.objects.using(using).filter(codename=CODENAME).exclude(
        content_type=target
    ):
        if kept is None:
            permission.content_type = target
            permission.save(update_fields=["content_type"])
            kept = permission
            continue
        for group in permission.group_set.all():
            group.permissions.add(kept)
        for user in permission.user_set.all():
            user.user_permissions.add(kept)
        permission.delete()


def forwards(apps, schema_editor):
    _move(apps, schema_editor, "editorial", "editorialrights")


def backwards(apps, schema_editor):
    # Source lives in library once library 0002 has run, and in buurtwijs before it.
    _move(apps, schema_editor, "library", "source")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("buurtwijs", "0004_editor_roles"),
        ("library", "0002_history_of_moved_models"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
