"""One list of the content apps (editorial.registry), and nothing that escapes it.

The page cache, the backup and the editor roles all work from that list. A content model
outside it would be edited without refreshing the cache, left out of the backup, or be
uneditable for the roles; these tests name the model that slipped through.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from buurtwijs.backup import content_tables
from buurtwijs.cache import watched_models
from editorial.models import Publishable
from editorial.registry import CONTENT_APPS, PUBLISH_PERMISSION, content_models
from editorial.roles import CHIEF_EDITOR, EDITOR


def publishable_models() -> set:
    return {model for model in apps.get_models() if issubclass(model, Publishable)}


def test_every_publishable_model_belongs_to_a_content_app():
    assert publishable_models() - set(content_models()) == set()


def test_every_model_of_a_content_app_is_publishable():
    assert set(content_models()) - publishable_models() == set()


def test_the_page_cache_watches_every_content_model_and_link_table():
    assert set(content_models(include_auto_created=True)) - set(watched_models()) == set()


def test_the_backup_covers_every_content_model_and_link_table():
    assert set(content_models(include_auto_created=True)) - set(content_tables()) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group", "actions"),
    [(EDITOR, ["view", "add", "change"]), (CHIEF_EDITOR, ["view", "add", "change", "delete"])],
)
def test_each_role_may_work_on_every_content_model(group, actions):
    held = set(
        Group.objects.get(name=group).permissions.values_list("content_type__app_label", "codename")
    )
    wanted = {
        (model._meta.app_label, f"{action}_{model._meta.model_name}")
        for model in content_models()
        for action in actions
    }
    assert wanted - held == set()


@pytest.mark.django_db
def test_there_is_one_publish_permission_and_only_chief_editors_hold_it():
    app_label, codename = PUBLISH_PERMISSION.split(".")
    assert Permission.objects.filter(codename=codename).count() == 1
    permission = Permission.objects.get(codename=codename)
    assert permission.content_type.app_label == app_label
    assert list(permission.group_set.values_list("name", flat=True)) == [CHIEF_EDITOR]


def test_the_content_apps_are_installed():
    assert all(apps.is_installed(label) for label in CONTENT_APPS)
