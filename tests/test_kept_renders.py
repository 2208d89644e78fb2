"""Readers' pages kept per scope version: a change re-renders the pages it reaches, no others."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cities.models import District, districts_scope
from editorial import renders
from editorial.bulk import bulk_change
from editorial.models import ScopeVersion, Status
from editorial.scopes import SITE, city_scope, latest_version, raise_versions
from tests.editors import make_editor
from tests.factories import (
    make_approach,
    make_city,
    make_district,
    make_period,
    make_role,
    make_source,
    make_term,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _kept_renders_on(settings):
    settings.KEPT_RENDERS_ENABLED = True


def version(scope: str) -> int | None:
    return ScopeVersion.objects.filter(scope=scope).values_list("value", flat=True).first()


class Moves:
    """Which scopes a block of code raised."""

    def __init__(self, *scopes: str):
        self.scopes = scopes

    def __enter__(self):
        self.before = {scope: version(scope) for scope in self.scopes}
        return self

    def __exit__(self, *exc):
        self.moved = {s for s in self.scopes if version(s) != self.before[s]}


def edit(obj, **fields):
    """A change that sets these fields and saves the object."""

    def change():
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()

    return change


def moved(change, *scopes: str) -> set[str]:
    with Moves(*scopes) as moves:
        change()
    return moves.moved


# --- Which scopes a change reaches ------------------------------------------------------------


def test_a_city_and_its_parts_reach_that_city_only():
    zwolle, deventer = make_city(name="Zwolle"), make_city(name="Deventer")
    approach = make_approach(zwolle)
    district = make_district(zwolle)
    source = make_source()
    scopes = (SITE, city_scope(zwolle.pk), city_scope(deventer.pk))

    assert moved(edit(zwolle, summary="Nieuw."), *scopes) == {city_scope(zwolle.pk)}
    assert moved(edit(district, name="Nieuwe wijk"), *scopes) == {city_scope(zwolle.pk)}
    assert moved(lambda: make_period(approach), *scopes) == {city_scope(zwolle.pk)}
    assert moved(lambda: approach.sources.add(source), *scopes) == {city_scope(zwolle.pk)}
    assert moved(district.delete, *scopes) == {city_scope(zwolle.pk)}


def test_what_every_page_shows_reaches_the_site():
    source, term = make_source(), make_term()
    city = make_city()

    assert moved(edit(source, title="Andere titel"), SITE, city_scope(city.pk)) == {SITE}
    assert moved(edit(term, definition="Andere omschrijving."), SITE, city_scope(city.pk)) == {SITE}


def test_a_district_moved_to_another_city_reaches_both():
    zwolle, deventer = make_city(name="Zwolle"), make_city(name="Deventer")
    district = make_district(zwolle)

    def move():
        district.city = deventer
        district.save()

    assert moved(move, city_scope(zwolle.pk), city_scope(deventer.pk)) == {
        city_scope(zwolle.pk),
        city_scope(deventer.pk),
    }


def test_a_neighbour_in_another_city_carries_a_change_there():
    zwolle, deventer = make_city(name="Zwolle"), make_city(name="Deventer")
    here, there = make_district(zwolle), make_district(deventer)
    here.neighbours.add(there)

    def rename():
        here.name = "Andere naam"
        here.save()

    assert moved(rename, city_scope(deventer.pk)) == {city_scope(deventer.pk)}


def test_a_role_reaches_every_city_it_plays_a_part_in_also_when_a_link_goes():
    zwolle, deventer = make_city(name="Zwolle"), make_city(name="Deventer")
    in_zwolle, in_deventer = make_approach(zwolle), make_approach(deventer)
    role = make_role()
    role.approaches.add(in_zwolle)
    scopes = (SITE, city_scope(zwolle.pk), city_scope(deventer.pk))

    def rename():
        role.description = "Anders."
        role.save()

    assert moved(lambda: role.approaches.add(in_deventer), *scopes) == {
        city_scope(zwolle.pk),
        city_scope(deventer.pk),
    }
    assert moved(rename, *scopes) == {city_scope(zwolle.pk), city_scope(deventer.pk)}
    assert moved(lambda: role.approaches.remove(in_deventer), *scopes) >= {city_scope(deventer.pk)}
    assert moved(role.approaches.clear, *scopes) == {city_scope(zwolle.pk)}


def test_a_bulk_change_reaches_the_site_once():
    city = make_city()
    with Moves(SITE, city_scope(city.pk)) as moves, bulk_change():
        city.summary = "In bulk."
        city.save()
    assert moves.moved == {SITE}


def test_a_number_is_never_handed_out_twice_not_even_after_a_rollback():
    raise_versions({SITE})
    before = version(SITE)
    with transaction.atomic():
        raise_versions({SITE})
        rolled_back = version(SITE)
        transaction.set_rollback(True)
    raise_versions({SITE})

    assert version(SITE) > rolled_back > before


def test_the_latest_version_is_the_highest_of_the_scopes_asked_for():
    zwolle, deventer = make_city(name="Zwolle"), make_city(name="Deventer")
    raise_versions({city_scope(deventer.pk)})

    assert latest_version([city_scope(zwolle.pk)]) < latest_version([city_scope(deventer.pk)])
    assert latest_version() == latest_version([city_scope(deventer.pk), SITE, "city:0"])
    assert latest_version(["nothing:here"]) is None


# --- Pages --------------------------------------------------------------------------------------


@pytest.fixture
def cities():
    zwolle = make_city(name="Zwolle", slug="zwolle", summary="Zwolle eerst.")
    make_approach(zwolle, name="Wijkgericht Zwolle")
    make_district(zwolle, name="Assendorp", slug="assendorp")
    deventer = make_city(name="Deventer", slug="deventer", summary="Deventer eerst.")
    make_approach(deventer, name="Wijkgericht Deventer")
    return zwolle, deventer


def test_a_page_seen_before_costs_two_queries_and_is_the_same_page(cities):
    client = Client()
    first = client.get("/steden/zwolle/")
    queries = count_queries(client, "/steden/zwolle/")
    again = client.get("/steden/zwolle/")

    assert first.wsgi_request.kept_render == "miss"
    assert again.wsgi_request.kept_render == "hit"
    # The city's number, and the latest version of its scopes.
    assert queries == 2
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


def test_a_change_shows_on_the_next_request_and_other_cities_stay_kept(cities):
    zwolle, deventer = cities
    client = Client()
    client.get("/steden/zwolle/")
    client.get("/steden/deventer/")

    deventer.summary = "Deventer daarna."
    deventer.save()

    assert "Deventer daarna." in client.get("/steden/deventer/").content.decode()
    zwolle_page = client.get("/steden/zwolle/")
    assert zwolle_page.wsgi_request.kept_render == "hit"
    assert "Zwolle eerst." in zwolle_page.content.decode()


def test_a_change_of_a_source_reaches_every_city_page(cities):
    zwolle, _ = cities
    source = make_source(title="Oude titel")
    zwolle.sources.add(source)
    client = Client()
    assert "Oude titel" in client.get("/steden/zwolle/").content.decode()

    source.title = "Nieuwe titel"
    source.save()

    page = client.get("/steden/zwolle/")
    assert page.wsgi_request.kept_render == "miss"
    assert "Nieuwe titel" in page.content.decode()


def test_a_district_page_follows_its_city(cities):
    zwolle, _ = cities
    client = Client()
    assert "Zwolle" in client.get("/steden/zwolle/wijken/assendorp/").content.decode()
    assert client.get("/steden/zwolle/wijken/assendorp/").wsgi_request.kept_render == "hit"

    zwolle.name = "Zwolle aan de IJssel"
    zwolle.save()

    assert "Zwolle aan de IJssel" in client.get("/steden/zwolle/wijken/assendorp/").content.decode()


def test_pages_that_show_every_city_follow_every_change(cities):
    _, deventer = cities
    client = Client()
    for path in ("/", "/steden/", "/vergelijk/"):
        client.get(path)

    deventer.name = "Deventer aan de IJssel"
    deventer.save()

    for path in ("/", "/steden/", "/vergelijk/"):
        page = client.get(path)
        assert page.wsgi_request.kept_render == "miss", path
        assert "Deventer aan de IJssel" in page.content.decode(), path


def test_what_a_page_reads_is_part_of_the_key_and_nothing_else(cities):
    client = Client()
    both = client.get("/vergelijk/?steden=zwolle&steden=deventer").content.decode()
    reversed_order = client.get("/vergelijk/?steden=deventer&steden=zwolle").content.decode()
    assert both != reversed_order
    assert both.index("Wijkgericht Zwolle") < both.index("Wijkgericht Deventer")
    assert reversed_order.index("Wijkgericht Deventer") < reversed_order.index("Wijkgericht Zwolle")

    csv = client.get("/vergelijk/?steden=zwolle&steden=deventer&formaat=csv")
    csv_again = client.get("/vergelijk/?steden=zwolle&steden=deventer&formaat=csv")
    assert csv_again.wsgi_request.kept_render == "hit"
    assert csv_again["Content-Type"].startswith("text/csv")
    assert csv_again["Content-Disposition"] == csv["Content-Disposition"]
    assert csv_again.content == csv.content

    kept = len(renders._renders)
    for n in range(20):
        assert client.get(f"/steden/zwolle/?utm_source=x{n}&fbclid={n}").status_code == 200
    assert len(renders._renders) == kept + 1


def test_staff_never_get_a_readers_page_nor_readers_a_staff_page(cities):
    zwolle, _ = cities
    make_district(zwolle, name="Conceptwijk", slug="conceptwijk", status=Status.DRAFT)
    reader, editor = Client(), Client()
    editor.force_login(make_editor())

    assert "Conceptwijk" not in reader.get("/steden/zwolle/").content.decode()
    staff_page = editor.get("/steden/zwolle/")
    assert "Conceptwijk" in staff_page.content.decode()
    assert getattr(staff_page.wsgi_request, "kept_render", None) is None
    assert "Conceptwijk" not in reader.get("/steden/zwolle/").content.decode()


@pytest.mark.parametrize(
    "path", ["/steden/nergens/", "/steden/concept/", "/steden/zwolle/wijken/nergens/"]
)
def test_a_page_that_is_not_there_is_a_404_in_dutch(cities, path):
    make_city(name="Concept", slug="concept", status=Status.DRAFT)
    client = Client()
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 404
        assert "Pagina niet gevonden" in response.content.decode()
    assert len(renders._renders) == 0


# --- A city's districts section, kept apart from the rest of its page --------------------------


def test_only_the_city_and_its_districts_reach_its_districts_section():
    zwolle, deventer = make_city(name="Zwolle"), make_city(name="Deventer")
    approach = make_approach(zwolle)
    district = make_district(zwolle)
    sections = (districts_scope(zwolle.pk), districts_scope(deventer.pk))

    assert moved(edit(approach, summary="Nieuw."), *sections) == set()
    assert moved(lambda: make_period(approach), *sections) == set()
    assert moved(edit(district, name="Nieuwe wijk"), *sections) == {districts_scope(zwolle.pk)}
    assert moved(edit(zwolle, slug="zwolle-nieuw"), *sections) == {districts_scope(zwolle.pk)}
    assert moved(edit(district, city=deventer), *sections) == set(sections)
    assert moved(district.delete, *sections) == {districts_scope(deventer.pk)}


def test_after_a_change_of_the_approach_the_districts_section_costs_one_query(cities):
    zwolle, _ = cities
    approach = zwolle.approaches.get()
    client = Client()
    client.get("/steden/zwolle/")
    edit(approach, summary="Een eerdere samenvatting.")()
    renders._parts.clear()
    whole = count_queries(client, "/steden/zwolle/")

    edit(approach, summary="Een nieuwe samenvatting.")()
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/steden/zwolle/")

    assert page.wsgi_request.kept_render == "miss"
    assert "Een nieuwe samenvatting." in page.content.decode()
    assert "Assendorp" in page.content.decode()
    # The district list and the boundaries are not read again.
    assert len(queries) == whole - 2
    assert not [q for q in queries.captured_queries if '"cities_district"' in q["sql"]]
    renders.clear()
    assert client.get("/steden/zwolle/").content == page.content


def test_a_change_of_a_district_or_its_city_shows_in_the_section_on_the_next_request(cities):
    zwolle, _ = cities
    assendorp = District.objects.get(slug="assendorp")
    client = Client()
    client.get("/steden/zwolle/")

    edit(assendorp, name="Assendorp-Zuid", focus_area=District.Focus.YES)()
    page = client.get("/steden/zwolle/").content.decode()
    assert ">Assendorp-Zuid</a>" in page
    assert "Focuswijk" in page

    edit(zwolle, slug="zwolle-stad")()
    assert (
        'href="/steden/zwolle-stad/wijken/assendorp/"'
        in client.get("/steden/zwolle-stad/").content.decode()
    )

    make_district(zwolle, name="Diezerpoort", slug="diezerpoort")
    assert ">Diezerpoort</a>" in client.get("/steden/zwolle-stad/").content.decode()
    assendorp.delete()
    assert ">Assendorp-Zuid</a>" not in client.get("/steden/zwolle-stad/").content.decode()


def test_staff_see_the_districts_drafts_and_held_back_changes_beside_a_kept_section(cities):
    zwolle, _ = cities
    reader, editor = Client(), Client()
    editor.force_login(make_editor())
    reader.get("/steden/zwolle/")
    make_district(zwolle, name="Conceptwijk", slug="conceptwijk", status=Status.DRAFT)
    District.objects.filter(slug="assendorp").update(pending_changes={"name": "Assendorp-Noord"})
    edit(zwolle.approaches.get(), summary="Alleen de aanpak veranderd.")()

    staff_page = editor.get("/steden/zwolle/").content.decode()
    reader_page = reader.get("/steden/zwolle/").content.decode()

    assert ">Conceptwijk</a>" in staff_page
    assert ">Assendorp-Noord</a>" in staff_page
    assert "Concept-wijzigingen" in staff_page
    assert "Conceptwijk" not in reader_page
    assert ">Assendorp</a>" in reader_page


def test_the_byte_budget_drops_the_least_recently_used():
    kept = renders.Renders(max_bytes=250)
    for n in range(4):
        kept.put(("page", n), 1, (b"x" * 100, {}))
    kept.get(("page", 2), 1)
    kept.put(("page", 4), 1, (b"x" * 100, {}))

    assert kept.get(("page", 2), 1) is not None
    assert kept.get(("page", 4), 1) is not None
    assert kept.get(("page", 0), 1) is None
    assert len(kept) == 2


def test_a_newer_version_of_a_page_takes_the_place_of_the_older():
    kept = renders.Renders(max_bytes=1000)
    kept.put("page", 1, (b"oud", {}))
    kept.put("page", 2, (b"nieuw", {}))

    assert kept.get("page", 1) is None
    assert kept.get("page", 2) == (b"nieuw", {})
    assert len(kept) == 1


def test_a_slower_render_of_an_older_version_never_replaces_a_newer():
    kept = renders.Renders(max_bytes=1000)
    kept.put("page", 2, (b"nieuw", {}))
    kept.put("page", 1, (b"oud", {}))

    assert kept.get("page", 2) == (b"nieuw", {})
    assert kept.latest("page") == (2, (b"nieuw", {}))


def test_an_answer_that_varies_on_what_the_key_leaves_out_is_not_kept(rf):
    request = rf.get("/steden/zwolle/")
    same_for_all = HttpResponse("<p>pagina</p>", headers={"Vary": "Cookie, HX-Request"})
    per_origin = HttpResponse("<p>pagina</p>", headers={"Vary": "Origin"})

    assert renders.is_shareable(request, same_for_all)
    assert not renders.is_shareable(request, per_origin)


def test_a_reader_the_page_cache_passes_by_still_gets_the_kept_page(cities, settings):
    settings.PAGE_CACHE_ENABLED = True
    reader = Client()
    reader.cookies["messages"] = "leeg"  # the page cache serves only readers without cookies
    first = reader.get("/steden/zwolle/")
    again = reader.get("/steden/zwolle/")

    assert getattr(again.wsgi_request, "page_cache", None) is None
    assert again.wsgi_request.kept_render == "hit"
    assert again.content == first.content


def test_the_api_keeps_its_answers_per_city_too(cities):
    zwolle, deventer = cities
    client = Client()
    first = client.get("/api/v1/steden/zwolle/")
    again = client.get("/api/v1/steden/zwolle/")
    assert again.wsgi_request.kept_render == "hit"
    assert again.json() == first.json()
    assert again["Content-Type"] == first["Content-Type"]

    deventer.summary = "Elders gewijzigd."
    deventer.save()
    assert client.get("/api/v1/steden/zwolle/").wsgi_request.kept_render == "hit"

    zwolle.name = "Zwolle aan de IJssel"
    zwolle.save()
    assert client.get("/api/v1/steden/zwolle/").json()["name"] == "Zwolle aan de IJssel"


def test_signed_in_editors_share_the_apis_answers_which_never_show_drafts(cities):
    make_city(name="Concept", slug="concept", status=Status.DRAFT)
    reader, editor = Client(), Client()
    editor.force_login(make_editor())
    first = reader.get("/api/v1/steden/")

    as_editor = editor.get("/api/v1/steden/")
    assert as_editor.wsgi_request.kept_render == "hit"
    assert as_editor.json() == first.json()
    assert "concept" not in as_editor.content.decode()
    assert editor.get("/api/v1/steden/concept/").status_code == 404


def test_the_api_keeps_each_page_of_a_list_apart_and_no_errors(cities):
    client = Client()
    one = client.get("/api/v1/steden/?per_pagina=1&pagina=1").json()
    two = client.get("/api/v1/steden/?per_pagina=1&pagina=2").json()
    assert one["items"] != two["items"]
    assert client.get("/api/v1/steden/?per_pagina=1&pagina=2").json() == two

    for _ in range(2):
        missing = client.get("/api/v1/steden/nergens/")
        assert missing.status_code == 404
        assert missing["Content-Type"].startswith("application/")
        wrong = client.get("/api/v1/steden/?pagina=nul")
        assert wrong.status_code == 400
    assert getattr(missing.wsgi_request, "kept_render", None) is None


# --- Search answers -----------------------------------------------------------------------


def test_a_search_asked_before_costs_one_query_until_any_content_changes(cities):
    zwolle, _ = cities
    client = Client()
    first = client.get("/zoeken/?q=zwolle")
    queries = count_queries(client, "/zoeken/?q=zwolle")
    again = client.get("/zoeken/?q=zwolle")
    assert again.wsgi_request.kept_render == "hit"
    assert again.content == first.content
    assert queries == 1  # the latest version of all scopes
    assert 'href="/steden/zwolle/"' in first.content.decode()
    assert "Bolwerk" not in first.content.decode()

    make_district(zwolle, name="Bolwerk Zwolle", slug="bolwerk")

    after = client.get("/zoeken/?q=zwolle")
    assert after.wsgi_request.kept_render == "miss"
    assert "Bolwerk" in after.content.decode()


def test_each_phrase_and_page_is_its_own_answer_and_misses_are_not_kept(cities):
    client = Client()
    zwolle = client.get("/zoeken/?q=zwolle").content.decode()
    deventer = client.get("/zoeken/?q=deventer").content.decode()
    assert 'href="/steden/zwolle/"' in zwolle and 'href="/steden/zwolle/"' not in deventer
    assert client.get("/zoeken/?q=zwolle&utm_source=x").wsgi_request.kept_render == "hit"
    htmx = client.get("/zoeken/?q=zwolle", headers={"HX-Request": "true"})
    assert htmx.wsgi_request.kept_render == "miss"
    assert "<html" not in htmx.content.decode()

    for _ in range(2):
        beyond = client.get("/zoeken/?q=zwolle&pagina=9")
        assert beyond.status_code == 404
        assert "pagina" in beyond.content.decode().lower()
    assert getattr(beyond.wsgi_request, "kept_render", None) is None


def test_search_answers_have_a_budget_of_their_own_apart_from_the_pages(cities):
    client = Client()
    client.get("/steden/zwolle/")

    for n in range(10):
        assert client.get(f"/zoeken/?q=zwolle+{n}").status_code == 200

    # A flood of phrases can fill only the searches' budget; the city page stays kept.
    assert len(renders.searches) == 10
    assert len(renders._renders) == 1
    assert client.get("/steden/zwolle/").wsgi_request.kept_render == "hit"


def test_rebuilding_the_search_index_moves_the_kept_and_cached_searches_on(cities, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_LISTEN = False  # the test's transaction never commits its NOTIFY
    reader = Client()
    reader.cookies["messages"] = "leeg"  # past the page cache, to the kept renders
    reader.get("/zoeken/?q=zwolle")
    Client().get("/zoeken/?q=zwolle")
    assert Client().get("/zoeken/?q=zwolle").wsgi_request.page_cache == "hit"
    out = io.StringIO()

    call_command("rebuild_search_index", stdout=out)

    assert reader.get("/zoeken/?q=zwolle").wsgi_request.kept_render == "miss"
    assert Client().get("/zoeken/?q=zwolle").wsgi_request.page_cache == "miss"
    assert "ingangen" in out.getvalue()
