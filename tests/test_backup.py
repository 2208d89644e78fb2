"""backup_content and restore_content bring back every row of the content, exactly."""

import gzip
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from buurtwijs.backup import content_tables
from cities.models import City, District
from editorial.registry import content_models
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_district,
    make_period,
    make_role,
    make_source,
    make_term,
    make_trait,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_content():
    source = make_source(title="Wijkaanpak Utrecht", url="https://example.nl/bron")
    source.based_on.add(make_source(title="Wijkwijzer", slug="wijkwijzer"))
    city = make_city(name="Utrecht", slug="utrecht", inhabitants_source=source)
    city.sources.add(source)
    area = make_district(city=city, name="Noordoost", slug="noordoost")
    district = make_district(
        city=city, parent=area, name="Overvecht", slug="overvecht", focus_area=District.Focus.YES
    )
    district.sources.add(source)
    district.neighbours.add(make_district(city=city, parent=area, name="Voordorp", slug="voordorp"))
    approach = make_approach(city=city, body="Een *lange* beschrijving met ümlauts en “quotes”.")
    approach.sources.add(source)
    make_assessment(approach=approach, category="Hele stad").sources.add(source)
    make_trait(approach=approach).sources.add(source)
    make_period(approach=approach).sources.add(source)
    role = make_role()
    role.approaches.add(approach)
    role.sources.add(source)
    make_term(name="Wijkagenda").sources.add(source)
    make_city(name="Concept-stad", status="concept")


def every_row() -> dict[str, list[dict]]:
    """Every row of every content table; link tables without their meaningless own id."""
    return {model._meta.label: rows_of(model) for model in content_tables()}


def rows_of(model) -> list:
    rows = model._base_manager.order_by("pk").values()
    if not model._meta.auto_created:
        return list(rows)
    return sorted(tuple(sorted((k, v) for k, v in row.items() if k != "id")) for row in rows)


def empty_the_content() -> None:
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in content_tables())
    with connection.cursor() as cursor:
        # Django's foreign keys are deferred; TRUNCATE wants their checks done first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {tables} CASCADE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_a_backup_restored_into_an_empty_database_gives_back_every_row(some_content, tmp_path):
    before = every_row()
    backup = tmp_path / "inhoud.json.gz"

    call_command("backup_content", str(backup), verbosity=0)
    empty_the_content()
    assert all(rows == [] for rows in every_row().values())
    call_command("restore_content", str(backup), verbosity=0)

    assert every_row() == before


def test_the_round_trip_covers_every_content_model_and_link_table(some_content):
    rows = every_row()
    empty = [label for label, table_rows in rows.items() if not table_rows]
    assert not empty, f"some_content leaves these tables empty, so they go untested: {empty}"


def test_the_backup_is_readable_json(some_content, tmp_path):
    backup = tmp_path / "inhoud.json.gz"
    call_command("backup_content", str(backup), verbosity=0)

    objects = json.loads(gzip.decompress(backup.read_bytes()))

    models_in_backup = {obj["model"] for obj in objects}
    assert models_in_backup == {m._meta.label_lower for m in content_models()}


def test_new_content_can_be_added_after_a_restore(some_content, tmp_path):
    backup = tmp_path / "inhoud.json"
    call_command("backup_content", str(backup), verbosity=0)
    empty_the_content()
    call_command("restore_content", str(backup), verbosity=0)

    city = make_city(name="Zwolle", slug="zwolle")

    assert city.pk > max(City.objects.exclude(pk=city.pk).values_list("pk", flat=True))


def test_restore_refuses_a_database_that_has_content(some_content, tmp_path):
    backup = tmp_path / "inhoud.json"
    call_command("backup_content", str(backup), verbosity=0)
    City.objects.filter(slug="utrecht").update(name="Utrecht (bewerkt)")

    with pytest.raises(CommandError, match="bevat al inhoud"):
        call_command("restore_content", str(backup), verbosity=0)

    assert City.objects.filter(name="Utrecht (bewerkt)").exists()


def test_restore_with_force_replaces_the_content(some_content, tmp_path):
    before = every_row()
    backup = tmp_path / "inhoud.json"
    call_command("backup_content", str(backup), verbosity=0)
    City.objects.filter(slug="utrecht").update(name="Utrecht (bewerkt)")
    make_city(name="Na de back-up", slug="na-de-back-up")

    call_command("restore_content", str(backup), force=True, verbosity=0)

    assert every_row() == before


def test_the_commands_say_what_they_did(some_content, tmp_path, capsys):
    backup = tmp_path / "inhoud.json"
    call_command("backup_content", str(backup))
    assert "Back-up geschreven" in capsys.readouterr().out
    call_command("restore_content", str(backup), force=True)
    assert "teruggezet" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["inhoud.txt", "inhoud"])
def test_backup_wants_a_json_file_name(tmp_path, name):
    with pytest.raises(CommandError, match=r"\.json"):
        call_command("backup_content", str(tmp_path / name))


def test_restore_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Geen back-up gevonden"):
        call_command("restore_content", str(tmp_path / "bestaat-niet.json"))


def test_a_backup_from_before_sources_moved_to_the_library_restores(some_content, tmp_path):
    before = every_row()
    backup = tmp_path / "inhoud.json"
    call_command("backup_content", str(backup), verbosity=0)
    rows = json.loads(backup.read_text())
    for row in rows:  # as the backup of that time named them
        row["model"] = row["model"].replace("library.", "buurtwijs.")
    assert any(row["model"] == "buurtwijs.source" for row in rows)
    backup.write_text(json.dumps(rows))

    empty_the_content()
    call_command("restore_content", str(backup), verbosity=0)

    assert every_row() == before
