"""The two editor roles and their permissions.

- Redacteur: view, add and change all content; saves drafts. Cannot publish, delete, revert or
  recover.
- Hoofdredacteur: as Redacteur, and also publish (``buurtwijs.publish_content``) and delete.

Created by a data migration and again after every ``migrate`` or ``flush`` (post_migrate), so the
groups are always there. Only missing permissions are added: what an administrator added to a
group by hand stays.
"""

from django.apps import apps as global_apps

EDITOR = "Redacteur"
CHIEF_EDITOR = "Hoofdredacteur"
ROLES = {"redacteur": EDITOR, "hoofdredacteur": CHIEF_EDITOR}

CONTENT_MODELS = {
    "buurtwijs": ["source", "term"],
    "cities": ["city", "district"],
    "approaches": ["dimension", "approach", "period", "assessment", "trait", "role"],
}
PUBLISH_CODENAME = "publish_content"
PUBLISH_NAME = "Mag inhoud publiceren en terugzetten"


def _content_permissions(Permission, actions):
    permissions = Permission.objects.none()
    for app_label, models in CONTENT_MODELS.items():
        permissions |= Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions for model in models],
        )
    return permissions


def ensure_editor_roles(apps=global_apps, using: str = "default") -> None:
    """Create the groups and the publish permission where missing (queries)."""
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")

    # On Source's content type only because a permission needs one; it covers all content.
    source_type, _ = ContentType.objects.using(using).get_or_create(
        app_label="buurtwijs", model="source"
    )
    publish, _ = Permission.objects.using(using).get_or_create(
        content_type=source_type, codename=PUBLISH_CODENAME, defaults={"name": PUBLISH_NAME}
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
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        if app_config.label not in CONTENT_MODELS:
            continue
        app_config.models_module = getattr(app_config, "models_module", None) or True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)


def on_post_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """Keep the roles complete after ``migrate`` and after a test database ``flush``."""
    from django.db import connections

    if "auth_group" not in connections[using].introspection.table_names():
        return  # auth is not migrated (yet) in this database
    create_permissions_now(using=using)
    ensure_editor_roles(using=using)
