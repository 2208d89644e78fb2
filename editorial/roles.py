"""The two editor roles and their permissions.

- Redacteur: view, add and change all content; saves drafts. Cannot publish, delete, revert or
  recover.
- Hoofdredacteur: as Redacteur, and also publish (``editorial.publish_content``) and delete.

"All content" is every model of the apps in ``editorial.registry.CONTENT_APPS``. Created by a
data migration and again after every ``migrate`` or ``flush`` (post_migrate), so the groups are
always there. Only missing permissions are added: what an administrator added to a group by hand
stays.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import connections

from editorial.registry import CONTENT_APPS, PUBLISH_CODENAME

EDITOR = "Redacteur"
CHIEF_EDITOR = "Hoofdredacteur"
ROLES = {"redacteur": EDITOR, "hoofdredacteur": CHIEF_EDITOR}

PUBLISH_NAME = "Mag inhoud publiceren en terugzetten"
# The model that carries the publish permission (editorial.models.EditorialRights).
RIGHTS_MODEL = ("editorial", "editorialrights")


def _content_permissions(Permission, actions):
    return Permission.objects.filter(
        content_type__app_label__in=CONTENT_APPS,
        codename__regex=rf"^({'|'.join(actions)})_",
    )


def ensure_editor_roles(apps=global_apps, using: str = "default") -> None:
    """Create the groups and the publish permission where missing (queries)."""
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")

    app_label, model = RIGHTS_MODEL
    rights_type, _ = ContentType.objects.using(using).get_or_create(
        app_label=app_label, model=model
    )
    publish, _ = Permission.objects.using(using).get_or_create(
        content_type=rights_type, codename=PUBLISH_CODENAME, defaults={"name": PUBLISH_NAME}
    )
    editor, _ = Group.objects.using(using).get_or_create(name=EDITOR)
    editor.permissions.add(
        *_content_permissions(Permission, ["view", "add", "change"]).using(using)
    )
    chief, _ = Group.objects.using(using).get_or_create(name=CHIEF_EDITOR)
    chief.permissions.add(
        *_content_permissions(Permission, ["view", "add", "change", "delete"]).using(using), publish
    )


def create_permissions_now(apps=global_apps, using: str = "default") -> None:
    """Django makes model permissions after migrating; the roles need them before that."""
    for app_config in apps.get_app_configs():
        if app_config.label not in CONTENT_APPS:
            continue
        app_config.models_module = getattr(app_config, "models_module", None) or True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)


def on_post_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """Keep the roles complete after ``migrate`` and after a test database ``flush``."""
    if "auth_group" not in connections[using].introspection.table_names():
        return  # auth is not migrated (yet) in this database
    create_permissions_now(using=using)
    ensure_editor_roles(using=using)
