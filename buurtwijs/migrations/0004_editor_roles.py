from django.db import migrations

from editorial.roles import create_permissions_now, ensure_editor_roles


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    create_permissions_now(apps, using)
    ensure_editor_roles(apps, using)


class Migration(migrations.Migration):
    """The groups Redacteur and Hoofdredacteur with their permissions (see editorial.roles)."""

    dependencies = [
        ("buurtwijs", "0003_content_version"),
        ("cities", "0001_initial"),
        ("approaches", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
