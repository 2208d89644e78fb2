from django.db import migrations


class Migration(migrations.Migration):
    """Source and Term belong to the library app now (library 0001); their tables stay."""

    dependencies = [
        ("buurtwijs", "0006_pending_changes"),
        ("library", "0001_initial"),
        ("cities", "0004_sources_in_library"),
        ("approaches", "0004_sources_in_library"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="term", name="term_recent_idx"),
                migrations.RemoveField(model_name="term", name="sources"),
                migrations.DeleteModel(name="Term"),
                migrations.DeleteModel(name="Source"),
            ],
            database_operations=[],
        ),
    ]
