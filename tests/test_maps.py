"""The server-drawn maps on the home, city and district pages, drawn from the real boundaries."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cities import maps
from cities.models import City, District
from editorial.models import Status
from tests.queries import count_queries
from tests.test_city_page import CITY_PAGE_QUERIES
from tests.test_district_page import DISTRICT_PAGE_QUERIES
from tests.test_home import HOME_QUERIES
from tests.test_load_boundaries import NON_RESIDENTIAL, load_boundaries

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def boundaries_per_module(content_per_module, django_db_blocker):
    """The real boundaries on top of the real content, once per module (rolled back with it)."""
    with django_db_blocker.unblock():
        load_boundaries()


@pytest.fixture
def boundaries(boundaries_per_module, db):
    """Each test runs in a savepoint, so its changes vanish after it."""
    maps.clear_cache()


def cbs_wijken(city_slug: str):
    return District.objects.filter(city__slug=city_slug, geometry__isnull=False).exclude(
        cbs_code=""
    )


def map_svg(response, css_class: str = "map--city") -> ET.Element:
    html = response.content.decode()
    match = re.search(rf'<svg [^>]*class="map {css_class}".*?</svg>', html, re.S)
    assert match, f"no map with class {css_class} on the page"
    return ET.fromstring(match.group(0))


def expected_map_districts(city_slug: str) -> set[str]:
    """Independently of the code: districts with a boundary not inside an area that has one."""
    return {
        d.get_absolute_url()
        for d in District.objects.filter(city__slug=city_slug, geometry__isnull=False)
        .select_related("city", "parent")
        .published()
        if d.parent is None or d.parent.geometry is None
    }


# --- the city map -------------------------------------------------------------------------


def test_every_district_with_a_boundary_is_a_working_link_on_its_city_map(client, boundaries):
    counts = {"utrecht": 10, "den-haag": 44, "rotterdam": 22, "amsterdam": 22}
    for city_slug, count in counts.items():
        svg = map_svg(client.get(f"/steden/{city_slug}/"))

        links = svg.findall(f".//{SVG}a")
        hrefs = {a.get("href") for a in links}
        assert len(links) == count, city_slug
        assert hrefs == expected_map_districts(city_slug)
        assert all(a.get("aria-label") and a.find(f"{SVG}path") is not None for a in links)
        for href in hrefs:
            assert client.get(href).status_code == 200, href


def test_the_city_map_is_well_formed_small_and_labelled(client, boundaries):
    for city in City.objects.all():
        response = client.get(city.get_absolute_url())
        html = response.content.decode()
        svg = map_svg(response)

        size = len(re.search(r'<svg [^>]*class="map map--city".*?</svg>', html, re.S).group(0))
        assert size < 20_000, f"{city}: {size} bytes"
        title_id, desc_id = svg.get("aria-labelledby"), svg.get("aria-describedby")
        assert svg.find(f"{SVG}title").get("id") == title_id
        assert svg.find(f"{SVG}title").text.startswith(f"Kaart van {city.name}")
        assert svg.find(f"{SVG}desc").get("id") == desc_id
        assert "Lijst van" in html and "op de kaart</summary>" in html


def test_the_map_credits_its_sources(client, boundaries):
    utrecht = client.get("/steden/utrecht/").content.decode()
    amsterdam = client.get("/steden/amsterdam/").content.decode()

    assert "Kaart: Kadaster / Centraal Bureau voor de Statistiek, 2018" in utrecht
    assert "Kaart: Gemeente Amsterdam" in amsterdam


def test_port_areas_are_patterned_and_named_in_the_legend(client, boundaries):
    response = client.get("/steden/rotterdam/")
    svg = map_svg(response)

    patterned = [
        a.get("aria-label")
        for a in svg.iter(f"{SVG}a")
        if "map-area--non-residential" in a.find(f"{SVG}path").get("class")
    ]
    assert {
        label.removesuffix(" (haven- of bedrijfsgebied)") for label in patterned
    } == NON_RESIDENTIAL
    assert all(
        a.find(f"{SVG}path").get("fill") == "url(#kaart-rotterdam-non-residential)"
        for a in svg.iter(f"{SVG}a")
        if a.get("aria-label") in patterned
    )
    assert "Haven- of bedrijfsgebied (gestippeld)" in response.content.decode()


def test_focus_areas_are_hatched_outlined_and_named_in_the_legend(client, boundaries):
    District.objects.filter(cbs_code="WK051829").update(focus_area=District.Focus.YES)
    name = District.objects.get(cbs_code="WK051829").name

    response = client.get("/steden/den-haag/")
    svg = map_svg(response)

    focus = [
        a for a in svg.iter(f"{SVG}a") if a.get("aria-label") == f"{name} (focuswijk van de aanpak)"
    ]
    assert len(focus) == 1
    assert focus[0].find(f"{SVG}path").get("fill") == "url(#kaart-den-haag-focus)"
    assert svg.find(f"{SVG}path[@class='map-focus-border']") is not None
    assert "Focuswijk van de aanpak (gearceerd)" in response.content.decode()


def test_draft_districts_are_left_off_the_public_map(client, boundaries):
    draft = District.objects.filter(city__slug="utrecht").first()
    District.objects.filter(pk=draft.pk).update(status=Status.DRAFT)

    svg = map_svg(client.get("/steden/utrecht/"))

    assert draft.get_absolute_url() not in {a.get("href") for a in svg.iter(f"{SVG}a")}
    assert len(svg.findall(f".//{SVG}a")) == 9


def test_an_edited_name_shows_on_the_map_at_once(client, boundaries):
    client.get("/steden/utrecht/")
    District.objects.filter(cbs_code="WK034401").update(name="Nieuw-West")

    svg = map_svg(client.get("/steden/utrecht/"))

    assert "Nieuw-West" in {a.get("aria-label") for a in svg.iter(f"{SVG}a")}


def test_the_map_costs_a_fixed_number_of_queries_whatever_it_draws(client, boundaries):
    district = District.objects.select_related("city").get(cbs_code="WK036387").get_absolute_url()
    paths = ("/steden/den-haag/", district, "/")
    for path in paths:
        client.get(path)  # what pages work out once per content version, apart from maps
    maps.clear_cache()
    drawing = [count_queries(client, path) for path in paths]
    drawn_before = [count_queries(client, path) for path in paths]

    District.objects.update(geometry=None)
    City.objects.update(geometry=None)
    without_maps = [count_queries(client, path) for path in paths]

    # Drawing reads the boundaries: the districts' in one query, the city's in another (the home
    # page reads all outlines in one). A map drawn before needs only its digests.
    assert drawing == [drawn_before[0] + 2, drawn_before[1] + 2, drawn_before[2] + 1]
    # The map's own query runs either way (and finds nothing): the counts stay the same.
    assert drawn_before == without_maps
    count_queries(client, "/steden/utrecht/")
    assert count_queries(client, "/steden/utrecht/") == drawn_before[0]


def test_a_map_drawn_before_reads_no_boundary(client, boundaries, django_assert_num_queries):
    client.get("/steden/amsterdam/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/steden/amsterdam/")
    # Only PostgreSQL's digest of each boundary, never the GeoJSON itself.
    assert not [q for q in queries.captured_queries if re.search(r'"geometry"(,| FROM)', q["sql"])]


def test_a_changed_boundary_is_drawn_anew(client, boundaries):
    # Changed behind the application's back (no signal, no new content version): the map's key
    # holds the boundary's digest, so the map is drawn again all the same.
    area = District.objects.filter(city__slug="amsterdam", parent__isnull=True)[0]
    before = map_svg(client.get("/steden/amsterdam/"))
    square = [[[4.9, 52.37], [4.91, 52.37], [4.91, 52.38], [4.9, 52.38], [4.9, 52.37]]]
    District.objects.filter(pk=area.pk).update(geometry={"type": "Polygon", "coordinates": square})

    after = map_svg(client.get("/steden/amsterdam/"))

    assert ET.tostring(before) != ET.tostring(after)
    assert after.find(f".//{SVG}a[@aria-label='{area.name}']") is not None


def test_pages_with_maps_keep_their_pinned_query_counts(
    client, boundaries, django_assert_max_num_queries
):
    district = District.objects.select_related("city").get(cbs_code="WK036387").get_absolute_url()
    for path, pinned in [
        ("/steden/amsterdam/", CITY_PAGE_QUERIES),
        (district, DISTRICT_PAGE_QUERIES),
        ("/", HOME_QUERIES),
    ]:
        client.get(path)  # draws the map; pages drawn before read no boundaries
        with django_assert_max_num_queries(pinned):
            assert client.get(path).status_code == 200


# --- the district map ---------------------------------------------------------------------


def highlighted(svg: ET.Element) -> list[ET.Element]:
    return [p for p in svg.iter(f"{SVG}path") if "map-area--highlighted" in (p.get("class") or "")]


def test_a_district_page_shows_its_city_with_the_district_highlighted(client, boundaries):
    westlandgracht = District.objects.get(cbs_code="WK036387")

    response = client.get(westlandgracht.get_absolute_url())
    svg = map_svg(response, "map--district")

    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Ligging van Westlandgracht in Amsterdam"
    assert len(highlighted(svg)) == 1
    assert len([p for p in svg.iter(f"{SVG}path") if p.get("class") == "map-area"]) == 22
    # The gebieden come from the municipality, the highlighted wijk and the outline from CBS.
    assert (
        "Kaart: Gemeente Amsterdam; Kadaster / Centraal Bureau voor de Statistiek, 2018"
        in response.content.decode()
    )


def test_every_amsterdam_wijk_page_shows_its_map(client, boundaries):
    for wijk in cbs_wijken("amsterdam").select_related("city"):
        svg = map_svg(client.get(wijk.get_absolute_url()), "map--district")
        assert len(highlighted(svg)) == 1, wijk


def test_a_stadsdeel_without_a_boundary_highlights_its_gebieden(client, boundaries):
    stadsdeel = District.objects.get(
        city__slug="amsterdam", kind=District.Kind.STADSDEEL, name="Zuidoost"
    )

    svg = map_svg(client.get(stadsdeel.get_absolute_url()), "map--district")

    assert len(highlighted(svg)) == 3  # Bijlmer-Centrum, Bijlmer-Oost, Gaasperdam


# --- the home page ------------------------------------------------------------------------


def test_the_home_page_shows_each_city_as_a_link(client, boundaries):
    html = client.get("/").content.decode()
    section = re.search(r'<section class="map-section map-section--home".*?</section>', html, re.S)

    assert section
    links = re.findall(r'<a href="([^"]+)"><svg ', section.group(0))
    assert links == [
        reverse("cities:detail", args=[slug])
        for slug in ["amsterdam", "den-haag", "rotterdam", "utrecht"]
    ]
    assert "Kaart: Kadaster / Centraal Bureau voor de Statistiek, 2018" in section.group(0)


# --- without boundaries -------------------------------------------------------------------


def test_pages_without_boundaries_show_no_map(client, boundaries):
    District.objects.update(geometry=None)
    City.objects.update(geometry=None)
    district = District.objects.select_related("city").get(cbs_code="WK036387")

    for url in ["/", "/steden/amsterdam/", district.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "map-section" not in html, url
        assert 'class="map ' not in html, url


# --- drawing ------------------------------------------------------------------------------


def test_simplification_drops_points_on_a_line_but_keeps_tiny_areas():
    square = [(0, 0), (5, 0.1), (10, 0), (10, 10), (0, 10), (0, 0)]
    simplified = maps.simplify_ring(square, 0.5)
    assert len(simplified) == 4
    assert set(simplified) == {(0, 0), (10, 0), (10, 10), (0, 10)}

    sliver = [(0, 0), (0.1, 0), (0.1, 0.1), (0, 0)]
    assert len(maps.simplify_ring(sliver, 0.5)) == 3


def test_path_data_is_relative_and_closes_every_ring():
    assert maps.ring_path([(1, 2), (11, 2), (11, 12.56)]) == "M1 2l10 0 0 10.6z"
    assert maps.ring_path([(5, 5), (3, 4.5), (3, 4.5), (4, 6)]) == "M5 5l-2-.5 1 1.5z"


def test_the_projection_fits_the_city_inside_its_view_box():
    geometry = {
        "type": "Polygon",
        "coordinates": [[[4.7, 52.3], [5.0, 52.3], [5.0, 52.4], [4.7, 52.4], [4.7, 52.3]]],
    }
    project = maps.Projection([geometry], 600, 560)

    xs, ys = zip(*(project(lon, lat) for lon, lat in geometry["coordinates"][0]), strict=True)
    assert min(xs) >= 0 and max(xs) <= project.width and max(xs) > 590
    assert min(ys) >= 0 and max(ys) <= project.height
    # 0.3° of longitude at 52.35° N is 3 cos(52.35°) = 1.83 times as long as 0.1° of latitude;
    # the drawing is 592 units wide inside a padding of 4 on every side.
    assert project.height == pytest.approx(8 + 592 / 1.833, abs=1.5)


SVG = "{http://www.w3.org/2000/svg}"


def test_larger_areas_carry_their_name_and_small_ones_do_not(client, boundaries):
    svg = map_svg(client.get("/steden/utrecht/"))
    labels = svg.find(f"{SVG}g[@class='map-labels']")

    assert labels.get("aria-hidden") == "true"
    names = {text.text for text in labels.iter(f"{SVG}text")}
    assert {"West", "Oost", "Zuid"} <= names
    rotterdam = map_svg(client.get("/steden/rotterdam/"))
    texts = {t.text for t in rotterdam.iter(f"{SVG}text")}
    assert "Pernis" not in texts and "Rivium" not in texts


def test_a_label_lies_inside_its_area():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]]}
    project = maps.Projection([square], 600, 600)

    x, y = maps.label_spot(maps.MapArea("Vierkant", "", square, label="Vierkant"), project)
    assert 4 < x < 596 and 4 < y < 596
    too_long = maps.MapArea("x", "", square, label="Een naam die nooit in dit vierkant past" * 3)
    assert maps.label_spot(too_long, project) is None


def test_a_name_too_long_for_full_size_letters_gets_small_ones_where_it_fits():
    wide = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 0.1], [0, 0.1], [0, 0]]]}
    project = maps.Projection([wide], 600, 600)
    width = 592  # inside the padding
    # Just too long at 20 units, short enough at 15.
    name = "x" * int((width - 8) / (maps.LABEL_SIZE * maps.LABEL_CHAR_WIDTH) + 1)
    area = maps.MapArea(name, "", wide, label=name)

    labels = maps._labels([area], project)
    svg = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{labels}</svg>')

    groups = svg.findall(f"{SVG}g")
    assert [g.get("class") for g in groups] == ["map-labels map-labels--small"]
    assert groups[0].get("font-size") == str(maps.SMALL_LABEL_SIZE)
    assert maps.label_spot(area, project) is None


def test_the_map_says_that_small_districts_are_in_the_list_and_speaks_of_tapping(
    client, boundaries
):
    page = client.get("/steden/rotterdam/").content.decode()

    assert "klik voor de pagina" in page and "tik of klik" in page
    assert "zijn op de kaart lastig aan te tikken" in page
    listing = page[page.index('class="map-list"') :]
    for name in ("Rivium", "Pernis"):
        assert f">{name}</a>" in listing, name
