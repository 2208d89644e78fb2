"""Sources and terms keep their permissions, admin log and history under their new app.

Everything that points at them goes through their content type, so renaming the content type's
app keeps the permissions, the groups that hold them, the admin log and the history attached.
The history also stores each version as JSON naming the model ("buurtwijs.source"); those
names are rewritten, or old versions could no longer be shown, compared or put back.
"""

import json

from django.db import migrations

MOVED = ["source", "term"]
OLD_APP, NEW_APP = "buurtwijs", "library"


def _relabel(apps, schema_editor, old_app, new_app):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    using = schema_editor.connection.alias
    for model in MOVED:
        old = ContentType.objects.using(using).filter(app_label=old_app, model=model).first()
        if old is None:
            continue  # a new database: nothing was made under the old name
        # Made by an earlier start of this code before the rename ran: the old one wins.
        ContentType.objects.using(using).filter(app_label=new_app, model=model).delete()
        old.app_label = new_app
        old.save(update_fields=["app_label"])
        _rename_in_history(Version.objects.using(using).filter(content_type=old), old_app, new_app)


def _rename_in_history(versions, old_app, new_app) -> None:
    for version in versions.iterator():
        if version.format != "json":
            continue
        data = json.loads(version.serialized_data)
        for item in data:
            app, _, model = item.get("model", "").partition(".")
            if app == old_app:
                item["model"] = f"{new_app}.{model}"
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, OLD_APP, NEW_APP)


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, NEW_APP, OLD_APP)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("buurtwijs", "0007_sources_and_terms_moved_to_library"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
