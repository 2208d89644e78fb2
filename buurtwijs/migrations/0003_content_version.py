import time

from django.core.management import call_command
from django.db import migrations, models


def create_version_row(apps, schema_editor):
    # Microseconds since 1970: a row made again later starts higher, so versions only grow.
    ContentVersion = apps.get_model("buurtwijs", "ContentVersion")
    ContentVersion.objects.using(schema_editor.connection.alias).get_or_create(
        pk=1, defaults={"value": int(time.time() * 1_000_000)}
    )


def create_cache_table(apps, schema_editor):
    """The database cache's table (a no-op when CACHES points at Redis)."""
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("buurtwijs", "0002_search_extensions")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.BigIntegerField(verbose_name="versie")),
                ("changed_at", models.DateTimeField(auto_now=True, verbose_name="gewijzigd")),
            ],
            options={"verbose_name": "inhoudsversie", "verbose_name_plural": "inhoudsversie"},
        ),
        migrations.RunPython(create_version_row, migrations.RunPython.noop),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
