"""Both editor roles work through the readers' messages: they may view and handle them.

Feedback is not content (it is never published), so the editor roles of ``editorial.roles``
do not cover it by themselves; this adds the two permissions after every ``migrate``/``flush``.
"""

from django.contrib.auth.management import create_permissions
from django.db import connections

from editorial.roles import CHIEF_EDITOR, EDITOR

ACTIONS = ("view", "change")


def grant_editors(sender, app_config=None, using="default", apps=None, **kwargs) -> None:
    if app_config is None or app_config.label != "feedback":
        return
    if "auth_group" not in connections[using].introspection.table_names():
        return
    from django.apps import apps as global_apps
    from django.contrib.auth.models import Group, Permission

    create_permissions(global_apps.get_app_config("feedback"), verbosity=0, using=using)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="feedback", codename__regex=rf"^({'|'.join(ACTIONS)})_"
    )
    for name in (EDITOR, CHIEF_EDITOR):
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*permissions)
