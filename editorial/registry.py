"""Which apps hold the editors' content, and the one permission to publish it.

The page cache, the backup and the editor roles all read this: a model added to one of these
apps is watched by the cache, included in the backup and editable by both roles without any
further wiring (``tests/test_content_registry.py`` checks that nothing escapes it).
"""

from django.apps import apps
from django.db import models

CONTENT_APPS = ("library", "cities", "approaches")

PUBLISH_CODENAME = "publish_content"
PUBLISH_PERMISSION = f"editorial.{PUBLISH_CODENAME}"


def content_models(include_auto_created: bool = False) -> list[type[models.Model]]:
    """Every model of the content apps; with ``include_auto_created``, their link tables too."""
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(
            include_auto_created=include_auto_created
        )
    ]
