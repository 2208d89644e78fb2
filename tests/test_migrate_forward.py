"""A database made before sources and terms moved to the library app migrates forward intact.

The test takes the test database back to the migrations of that time, writes rows the way that
code did (content, links between them, the publish permission on Source, a history version),
then migrates forward and reads everything back through today's models.
"""

import json

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from reversion.models import Version

from cities.models import City
from editorial.registry import PUBLISH_PERMISSION
from library.models import Source, Term

BEFORE = [
    ("buurtwijs", "0006_pending_changes"),
    ("cities", "0003_pending_changes"),
    ("approaches", "0003_pending_changes"),
    ("library", None),
    ("editorial", None),
]

# Apps whose models the old rows need beside the moved ones.
UNMOVED_APPS = {"auth", "contenttypes", "reversion"}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    applied = [target for target in targets if target[1] is not None]
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] in UNMOVED_APPS]
    return executor.loader.project_state([*applied, *others]).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def write_old_rows(old):
    Source = old.get_model("buurtwijs", "Source")
    Term = old.get_model("buurtwijs", "Term")
    City = old.get_model("cities", "City")
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    User = old.get_model("auth", "User")
    Revision = old.get_model("reversion", "Revision")
    Version = old.get_model("reversion", "Version")

    source = Source.objects.create(title="Oude bron", slug="oude-bron", status="gepubliceerd")
    term = Term.objects.create(name="Kanteling", slug="kanteling", definition="Omslag.")
    term.sources.add(source)
    city = City.objects.create(
        name="Oudstad",
        official_name="Oudstad",
        slug="oudstad",
        cbs_code="GM9999",
        inhabitants_source=source,
    )
    city.sources.add(source)

    source_type, _ = ContentType.objects.get_or_create(app_label="buurtwijs", model="source")
    publish, _ = Permission.objects.get_or_create(
        content_type=source_type, codename="publish_content", defaults={"name": "publiceren"}
    )
    chief, _ = Group.objects.get_or_create(name="Hoofdredacteur")
    chief.permissions.add(publish)
    user = User.objects.create(username="oud-hoofd", is_staff=True)
    user.groups.add(chief)

    revision = Revision.objects.create(comment="Eerste versie.", date_created=timezone.now())
    data = [{"model": "buurtwijs.source", "pk": source.pk, "fields": {"title": "Eerste titel"}}]
    Version.objects.create(
        revision=revision,
        object_id=str(source.pk),
        content_type=source_type,
        db="default",
        format="json",
        serialized_data=json.dumps(data),
        object_repr="Eerste titel",
    )
    return source_type.pk


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_every_row_and_link():
    old = migrate(BEFORE)
    source_type_pk = write_old_rows(old)

    migrate(latest())

    source = Source.objects.get(slug="oude-bron")
    assert Term.objects.get(slug="kanteling").sources.get() == source
    city = City.objects.get(slug="oudstad")
    assert city.inhabitants_source == source
    assert list(city.sources.all()) == [source]
    # The content type is the same row, now of the library app: history and log stay attached.
    assert ContentType.objects.get_for_model(Source).pk == source_type_pk
    assert not ContentType.objects.filter(app_label="buurtwijs", model="source").exists()


@pytest.mark.django_db(transaction=True)
def test_chief_editors_keep_the_right_to_publish_and_old_versions_still_open():
    old = migrate(BEFORE)
    write_old_rows(old)

    migrate(latest())

    assert User.objects.get(username="oud-hoofd").has_perm(PUBLISH_PERMISSION)
    assert (
        Group.objects.get(name="Hoofdredacteur")
        .permissions.filter(codename="publish_content", content_type__app_label="editorial")
        .exists()
    )
    version = Version.objects.get(object_repr="Eerste titel")
    assert version.field_dict["title"] == "Eerste titel"
    assert isinstance(version._object_version.object, Source)
