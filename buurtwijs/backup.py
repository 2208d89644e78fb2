"""What a content backup holds, shared by the backup_content and restore_content commands."""

from django.apps import apps
from django.db import models

# The apps whose rows are the editors' work. Accounts are not content; search entries and
# caches are derived and rebuilt after a restore.
CONTENT_APPS = ("buurtwijs", "cities", "approaches")
# Bookkeeping inside those apps that a fresh database creates itself.
NOT_CONTENT = {"buurtwijs.contentversion"}


def content_models() -> list[type[models.Model]]:
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.label_lower not in NOT_CONTENT
    ]


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
