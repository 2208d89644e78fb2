"""`manage.py load_boundaries`: the open boundary data linked to cities and districts."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from buurtwijs.cache import current_version
from cities import boundaries as boundary_import
from cities.models import City, District
from editorial.models import Status
from search.models import Kind, SearchEntry
from tests.factories import make_city, make_district

NON_RESIDENTIAL = {
    "Waalhaven-Eemhaven",
    "Vondelingenplaat",
    "Botlek-Europoort-Maasvlakte",
    "Rivium",
    "Bedrijventerrein Schieveen",
    "Spaanse Polder",
    "Nieuw Mathenesse",
    "Rotterdam-Noord-West",
}


def load_boundaries(**options) -> str:
    out = StringIO()
    call_command("load_boundaries", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def boundaries(content):
    """The real initial content with the real boundaries, as `bin/start` loads them."""
    load_boundaries()


def cbs_wijken(city_slug: str):
    return District.objects.filter(city__slug=city_slug, geometry__isnull=False).exclude(
        cbs_code=""
    )


def test_the_import_links_every_boundary_to_the_initial_content(boundaries):
    assert cbs_wijken("utrecht").count() == 10
    assert cbs_wijken("den-haag").count() == 44
    assert cbs_wijken("rotterdam").count() == 22
    assert (
        set(cbs_wijken("rotterdam").filter(is_non_residential=True).values_list("name", flat=True))
        == NON_RESIDENTIAL
    )
    amsterdam_wijken = cbs_wijken("amsterdam").select_related("parent")
    assert amsterdam_wijken.count() == 99
    assert all(
        w.parent and re.fullmatch(r"DX\d\d", w.parent.municipal_code) for w in amsterdam_wijken
    )
    gebieden = District.objects.filter(city__slug="amsterdam", municipal_code__startswith="DX")
    assert gebieden.count() == 22
    assert not gebieden.filter(geometry__isnull=True).exists()
    assert not City.objects.filter(geometry__isnull=True).exists()
    # The content's own rows were used, not duplicated.
    assert District.objects.filter(city__slug="rotterdam", kind=District.Kind.GEBIED).count() == 14
    assert District.objects.filter(city__slug="utrecht").count() == 10
    assert District.objects.filter(city__slug="amsterdam", kind=District.Kind.GEBIED).count() == 22
    # The data's README: Westlandgracht has 71 % of its area in Slotervaart, the lowest share.
    assert District.objects.get(cbs_code="WK036387").parent.municipal_code == "DX09"
    assert District.objects.get(cbs_code="WK036300").parent.name == "Centrum-West"


def test_running_the_import_twice_changes_nothing(boundaries):
    def snapshot():
        return list(
            District.objects.order_by("pk").values_list(
                "pk", "name", "slug", "parent_id", "geometry", "updated_at", "version"
            )
        )

    before = snapshot()
    output = load_boundaries()

    assert snapshot() == before
    assert "0 aangemaakt, 0 grens bijgewerkt" in output


def test_an_existing_district_only_gets_its_boundary(db):
    city = make_city(cbs_code="GM0344", slug="utrecht")
    west = make_district(
        city, cbs_code="WK034401", name="Utrecht-West", slug="uw", summary="Eigen tekst."
    )
    stamp = west.updated_at

    load_boundaries()

    west.refresh_from_db()
    assert (west.name, west.slug, west.summary, west.updated_at) == (
        "Utrecht-West",
        "uw",
        "Eigen tekst.",
        stamp,
    )
    assert west.geometry["type"] == "Polygon"


def test_created_wijken_have_display_names_and_cite_the_cbs(db):
    city = make_city(cbs_code="GM0344", slug="utrecht")

    output = load_boundaries()

    west = District.objects.get(cbs_code="WK034401")
    assert (west.city, west.name, west.slug, west.kind) == (city, "West", "west", "wijk")
    assert west.status == Status.PUBLISHED
    assert list(west.sources.values_list("slug", flat=True)) == ["cbs-wijk-en-buurtkaart-2018"]
    assert "10 aangemaakt" in output
    assert "Overgeslagen (geen stad met deze CBS-code): GM0363, GM0518, GM0599." in output


def test_created_wijken_are_searchable_and_cached_pages_move_on(db):
    make_city(cbs_code="GM0344", slug="utrecht")
    version = current_version()

    load_boundaries()

    west = District.objects.get(cbs_code="WK034401")
    assert SearchEntry.objects.filter(kind=Kind.DISTRICT, object_id=west.pk).exists()
    assert current_version() != version


def test_a_second_run_on_the_same_files_leaves_the_cached_pages_alone(db):
    make_city(cbs_code="GM0344", slug="utrecht")
    load_boundaries()
    version = current_version()

    load_boundaries()

    assert current_version() == version


def square(west: float, south: float, size: float) -> dict:
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south + size]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def test_a_wijk_goes_to_the_area_holding_most_of_it_even_when_another_holds_its_corner():
    left = District(pk=1, name="Links")
    right = District(pk=2, name="Rechts")
    containers = [
        boundary_import.Container(
            d, boundary_import._rings(g), boundary_import._bounds(boundary_import._rings(g))
        )
        for d, g in [(left, square(0, 0, 10)), (right, square(10, 0, 10))]
    ]

    # 3 wide in the left square, 2 in the right one; then the other way round.
    assert boundary_import._largest_overlap(square(7, 2, 5), containers) == left
    assert boundary_import._largest_overlap(square(8, 2, 5), containers) == right
    assert boundary_import._largest_overlap(square(30, 30, 1), containers) is None


def test_a_created_wijk_never_takes_the_slug_of_another_district(db):
    city = make_city(cbs_code="GM0344", slug="utrecht")
    stadsdeel = make_district(city, name="West", slug="west", kind=District.Kind.STADSDEEL)

    load_boundaries()

    assert District.objects.get(cbs_code="WK034401").slug == "west-wijk"
    stadsdeel.refresh_from_db()
    assert (stadsdeel.slug, stadsdeel.geometry) == ("west", None)


def test_missing_data_with_if_present_is_skipped_in_one_line(db, tmp_path):
    output = load_boundaries(path=tmp_path, if_present=True)

    assert output.strip() == f"Geen kaartdata in {tmp_path}: kaarten worden overgeslagen."
    assert not District.objects.exists()


def test_missing_data_without_if_present_is_a_clear_error(db, tmp_path, settings):
    settings.BOUNDARY_DATA_DIR = tmp_path

    with pytest.raises(CommandError) as error:
        load_boundaries()

    assert str(tmp_path) in str(error.value)
    assert "wijken-2018.geojson" in str(error.value)
    assert "--path" in str(error.value)


def test_unreadable_data_is_a_clear_error_even_with_if_present(db, tmp_path):
    for name in ("wijken-2018.geojson", "gemeenten-2018.geojson", "amsterdam-gebieden.geojson"):
        (tmp_path / name).write_text("{niet af")

    with pytest.raises(CommandError, match="geen geldige GeoJSON"):
        load_boundaries(path=tmp_path, if_present=True)


def test_the_data_stays_outside_the_repository():
    assert not list(settings.BASE_DIR.glob("**/wijken-2018.geojson"))
    assert not Path(settings.BOUNDARY_DATA_DIR).resolve().is_relative_to(settings.BASE_DIR)
