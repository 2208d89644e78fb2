"""A district at /steden/<stad>/wijken/<wijk>/."""

import re

import pytest
from django.core.management import call_command

from cities import maps
from cities.models import District
from editorial.models import Status
from tests.factories import make_city, make_district, make_source
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

# The district with its city and larger areas, which of those are visible, the areas within,
# the sources, and the map's districts.
DISTRICT_PAGE_QUERIES = 5


@pytest.fixture
def amsterdam():
    city = make_city(name="Amsterdam", slug="amsterdam")
    centrum = make_district(city, name="Centrum", slug="centrum", kind=District.Kind.STADSDEEL)
    west = make_district(
        city,
        name="Centrum-West",
        slug="centrum-west",
        kind=District.Kind.GEBIED,
        parent=centrum,
        cbs_code="WK036300",
        municipal_code="AA01",
        body=District.Body.STADSDEELCOMMISSIE,
        focus_area=District.Focus.YES,
        summary="De *oude* binnenstad aan de westkant.",
    )
    west.sources.add(make_source(title="Gebiedsindeling Amsterdam", publisher="Gemeente Amsterdam"))
    make_district(city, name="Jordaan", slug="jordaan", parent=west)
    return city


def test_the_district_page_shows_kind_area_codes_body_focus_summary_and_sources(client, amsterdam):
    response = client.get("/steden/amsterdam/wijken/centrum-west/")

    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "<h1>Centrum-West",
        "Gebied in stadsdeel Centrum, Amsterdam",
        'href="/steden/amsterdam/wijken/centrum/">Centrum</a>',
        'href="/steden/amsterdam/wijken/jordaan/">Jordaan</a>',
        "WK036300",
        "AA01",
        "Stadsdeelcommissie",
        "focuswijk van de aanpak van Amsterdam",
        "<em>oude</em>",
        "Gebiedsindeling Amsterdam, Gemeente Amsterdam",
        "Terug naar Amsterdam",
        "Pagina laatst bewerkt",
    ):
        assert text in page, text


def test_breadcrumbs_run_through_the_city_and_the_larger_area(client, amsterdam):
    page = client.get("/steden/amsterdam/wijken/jordaan/").content.decode()

    trail = page[
        page.index('aria-label="Kruimelpad"') : page.index("</nav>", page.index("Kruimelpad"))
    ]
    assert (
        trail.index(">Home<")
        < trail.index(">Steden<")
        < trail.index(">Amsterdam<")
        < trail.index(">Centrum<")
        < trail.index(">Centrum-West<")
    )
    assert 'aria-current="page">Jordaan</a>' in trail


def test_an_unknown_district_is_not_found(client, amsterdam):
    assert client.get("/steden/amsterdam/wijken/bestaat-niet/").status_code == 404


def test_a_district_is_not_found_under_another_city(client, amsterdam):
    make_city(slug="utrecht")

    assert client.get("/steden/utrecht/wijken/centrum-west/").status_code == 404


def test_a_draft_district_is_hidden_from_the_public_and_shown_to_staff(
    client, admin_client, amsterdam
):
    make_district(amsterdam, name="Conceptwijk", slug="conceptwijk", status=Status.DRAFT)

    assert client.get("/steden/amsterdam/wijken/conceptwijk/").status_code == 404
    response = admin_client.get("/steden/amsterdam/wijken/conceptwijk/")
    assert response.status_code == 200
    assert "badge-concept" in response.content.decode()


def test_a_district_of_a_draft_city_is_not_found_by_the_public(client, amsterdam):
    amsterdam.status = Status.DRAFT
    amsterdam.save()

    assert client.get("/steden/amsterdam/wijken/centrum-west/").status_code == 404


def test_a_draft_larger_area_is_left_out_for_the_public(client, amsterdam):
    District.objects.filter(slug="centrum").update(status=Status.DRAFT)

    page = client.get("/steden/amsterdam/wijken/centrum-west/").content.decode()

    assert "wijken/centrum/" not in page
    assert "stadsdeel <a" not in page


def test_draft_areas_within_are_left_out_for_the_public(client, amsterdam):
    District.objects.filter(slug="jordaan").update(status=Status.DRAFT)

    page = client.get("/steden/amsterdam/wijken/centrum-west/").content.decode()

    assert "Jordaan" not in page


def test_the_page_is_fetched_in_a_fixed_number_of_queries(
    client, amsterdam, django_assert_max_num_queries
):
    with django_assert_max_num_queries(DISTRICT_PAGE_QUERIES):
        assert client.get("/steden/amsterdam/wijken/centrum-west/").status_code == 200


def test_more_areas_within_do_not_mean_more_queries(client, amsterdam):
    small = District.objects.get(slug="jordaan")
    large = District.objects.get(slug="centrum-west")
    for _ in range(4):
        make_district(amsterdam, parent=small)
    for _ in range(49):
        make_district(amsterdam, parent=large)

    few = count_queries(client, small.get_absolute_url())
    many = count_queries(client, large.get_absolute_url())

    assert few == many


def test_posting_to_a_district_page_is_not_allowed(client, amsterdam):
    assert client.post("/steden/amsterdam/wijken/centrum-west/").status_code == 405


def test_every_district_of_the_real_content_has_a_page(client, content):
    for district in District.objects.select_related("city"):
        response = client.get(district.get_absolute_url())
        assert response.status_code == 200, district
        assert district.name in response.content.decode()


# --- what the real content and boundaries say, and only that ---------------------------------


@pytest.fixture
def with_boundaries(content):
    call_command("load_boundaries", verbosity=0)


def facts_of(page: str) -> str:
    return page[page.index('id="gegevens-kop"') : page.index("</dl>", page.index("gegevens-kop"))]


def test_a_den_haag_wijk_is_not_said_to_be_no_focus_area(client, with_boundaries):
    page = client.get("/steden/den-haag/wijken/schildersbuurt/").content.decode()
    facts = facts_of(page)

    assert "Nee" not in facts
    assert "Onbekend. De aanpak van Den Haag richt zich op 7 wijken" in facts
    assert "Geen: Den Haag houdt geen aparte verkiezingen voor wijken of gebieden." in facts
    assert "Ook bekend als Schilderswijk" in page


def test_feijenoord_says_its_wijken_elect_wijkraden(client, with_boundaries):
    page = client.get("/steden/rotterdam/wijken/feijenoord/").content.decode()
    facts = facts_of(page)

    assert "Geen eigen gekozen orgaan" not in page
    assert (
        "Geen eigen orgaan voor het hele gebied bekend; daarbinnen hebben 8 wijken elk een "
        "eigen wijkraad." in facts
    )


def test_noord_says_its_six_wijken_elect_wijkraden(client, with_boundaries):
    facts = facts_of(client.get("/steden/rotterdam/wijken/noord/").content.decode())

    assert "daarbinnen hebben 6 wijken elk een eigen wijkraad" in facts


def test_an_amsterdam_gebied_names_the_stadsdeelcommissie_of_its_stadsdeel(client, with_boundaries):
    facts = facts_of(client.get("/steden/amsterdam/wijken/noord-oost/").content.decode())

    assert 'stadsdeel <a href="/steden/amsterdam/wijken/noord/">Noord</a> heeft een eigen' in facts
    assert "Onbekend; de aanpak van Amsterdam geldt voor de hele stad." in facts
    # README of the boundary data: DX19 measures 46.48 km² (Opp_m2 of Gemeente Amsterdam).
    assert "ongeveer 46,5 km²" in facts


def test_a_wijk_lists_the_wijken_it_borders_with_links(client, with_boundaries):
    facts = facts_of(client.get("/steden/den-haag/wijken/schildersbuurt/").content.decode())

    border = facts[facts.index("Grenst aan") :]
    for slug in ("stationsbuurt", "centrum", "transvaalkwartier", "regentessekwartier"):
        assert f'href="/steden/den-haag/wijken/{slug}/"' in border, slug
    assert "wijken/moerwijk/" not in border


def test_every_fact_refers_to_a_numbered_source_in_the_list(client, with_boundaries):
    page = client.get("/steden/rotterdam/wijken/feijenoord/").content.decode()

    cited = set(re.findall(r'<sup class="ref">.*?</sup>', page))
    numbers = {int(n) for sup in cited for n in re.findall(r'href="#bron-(\d+)"', sup)}
    listed = {int(n) for n in re.findall(r'<li id="bron-(\d+)"', page)}
    assert numbers and numbers == listed == set(range(1, len(listed) + 1))
    assert "CBS Wijk- en Buurtkaart 2018" in page
    assert "Stand van de gegevens: " in page
    assert 'indeling 2018<sup class="ref">' in page


def test_the_date_of_the_facts_stands_apart_from_the_date_of_editing(client, with_boundaries):
    page = client.get("/steden/utrecht/wijken/overvecht/").content.decode()

    assert "Laatst bijgewerkt" not in page
    assert "Stand van de gegevens:" in page
    assert "Pagina laatst bewerkt op" in page


def test_the_real_district_page_keeps_its_query_count(
    client, with_boundaries, django_assert_max_num_queries
):
    maps.clear_cache()
    # Drawing the map reads the boundaries, the districts' and the city's: two queries more.
    with django_assert_max_num_queries(DISTRICT_PAGE_QUERIES + 2):
        assert client.get("/steden/rotterdam/wijken/feijenoord/").status_code == 200
    with django_assert_max_num_queries(DISTRICT_PAGE_QUERIES):
        assert client.get("/steden/rotterdam/wijken/feijenoord/").status_code == 200
