"""What a content backup holds, shared by the backup_content and restore_content commands."""

from django.db import models

from editorial.registry import content_models

# The content apps' rows are the editors' work (editorial.registry). Accounts are not content;
# search entries and caches are derived and rebuilt after a restore.

# Models that moved to another app since older backups were made: old name -> current name.
MOVED_MODELS = {"buurtwijs.source": "library.source", "buurtwijs.term": "library.term"}


def content_tables() -> list[type[models.Model]]:
    """The content models and their many-to-many link tables: every table a backup covers."""
    tables = []
    for model in content_models():
        tables.append(model)
        tables.extend(
            field.remote_field.through
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        )
    return tables


def model_labels() -> list[str]:
    return [model._meta.label for model in content_models()]


def count_rows() -> int:
    return sum(model._base_manager.count() for model in content_tables())
