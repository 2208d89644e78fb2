"""The city profile at /steden/<stad>/."""

import pytest

from approaches.models import Approach, Trait
from cities.models import City, DemocracyLink, District
from editorial.models import Status
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_district,
    make_period,
    make_role,
    make_source,
    make_trait,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

# city, approaches, assessments, traits, roles, periods, districts, sources, which claim cites
# which source (one query for all claims), the map's districts, the glossary terms that link
# from the text
CITY_PAGE_QUERIES = 11


def full_city():
    """A city with one of everything its profile shows."""
    census = make_source(title="Gebieden in Nederland", publisher="CBS")
    city = make_city(
        name="Utrecht",
        official_name="Utrecht",
        slug="utrecht",
        inhabitants=343038,
        inhabitants_year=2017,
        inhabitants_source=census,
        democracy_link=DemocracyLink.NONE,
        democracy_text="Geen eigen verkiezingen voor de wijk.",
    )
    article = make_source(title="Typering van de drie steden", author="Henk Krijnen")
    approach = make_approach(
        city=city,
        name="Wijkgericht werken",
        scope=Approach.Scope.WHOLE_CITY,
        focus_area_count=7,
        body="Elke wijk heeft een **wijkbureau**.",
    )
    approach.sources.add(article)
    second = make_dimension(name="Sturing", order=2)
    first = make_dimension(name="Reikwijdte", order=1)
    make_assessment(approach, second, value="Centraal", text="Het college stuurt.")
    make_assessment(approach, first, value="Hele stad", text="Alle tien de wijken.")
    make_trait(approach, kind=Trait.Kind.STRENGTH, text="Dicht bij de bewoner.")
    make_trait(approach, kind=Trait.Kind.RISK, text="Versnippering.")
    make_trait(approach, kind=Trait.Kind.OPEN_QUESTION, text="Wat na 2018?")
    make_role(name="Wijkregisseur").approaches.add(approach)
    make_period(approach, label="jaren tachtig", title="Stadsvernieuwing")
    return city


def test_the_profile_shows_approach_dimensions_traits_roles_democracy_and_sources(client):
    city = full_city()
    make_district(city, name="Overvecht", focus_area=District.Focus.YES)

    response = client.get("/steden/utrecht/")

    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Wijkgericht werken",
        "De hele stad",
        "Aantal focuswijken",
        "<strong>wijkbureau</strong>",
        "Sturing",
        "Centraal",
        "Het college stuurt.",
        "Sterke punten",
        "Dicht bij de bewoner.",
        "Risico&#x27;s",
        "Open vragen",
        "Wijkregisseur",
        "Geen koppeling met de lokale democratie",
        "Geen eigen verkiezingen voor de wijk.",
        "Overvecht",
        "Focuswijk",
        "Stadsvernieuwing",
        "Henk Krijnen, Typering van de drie steden",
        "343.038 inwoners (2017)",
        "Gebieden in Nederland, CBS",
        "Laatst bijgewerkt",
    ):
        assert text in page, text


def test_the_page_says_when_its_facts_are_from_apart_from_when_it_was_edited(client):
    city = make_city(name="Utrecht", slug="utrecht")
    approach = make_approach(city=city)
    approach.sources.add(
        make_source(title="Typering", published_on_note="geschreven vóór 21 maart 2018")
    )

    page = client.get("/steden/utrecht/").content.decode()

    assert (
        "Stand van de gegevens: geschreven vóór 21 maart 2018"
        '<sup class="ref"><a href="#bron-1" aria-label="bron 1">1</a></sup>.'
    ) in page
    assert "Laatst bijgewerkt op de site: <time" in page


def test_dimensions_follow_the_editors_order(client):
    full_city()

    page = client.get("/steden/utrecht/").content.decode()

    assert page.index("Reikwijdte") < page.index("Sturing")


def test_an_incomplete_approach_says_so(client):
    city = make_city(slug="rotterdam")
    make_approach(city, is_incomplete=True, incomplete_note="Over de rollen is niets bekend.")

    page = client.get("/steden/rotterdam/").content.decode()

    assert "Onvolledig profiel" in page
    assert "Over de rollen is niets bekend." in page


def test_a_complete_approach_has_no_incomplete_notice(client):
    full_city()

    assert "Onvolledig profiel" not in client.get("/steden/utrecht/").content.decode()


def test_districts_are_nested_under_their_larger_area(client):
    city = make_city(slug="amsterdam")
    centrum = make_district(city, name="Centrum", kind=District.Kind.STADSDEEL)
    make_district(city, name="Centrum-West", kind=District.Kind.GEBIED, parent=centrum)
    make_district(city, name="Noord", kind=District.Kind.STADSDEEL)

    page = client.get("/steden/amsterdam/").content.decode()

    tree = page[page.index('id="wijken"') :]
    centrum_at = tree.index(">Centrum<")
    nested_list_at = tree.index('<ul class="district-tree">', centrum_at)
    assert centrum_at < nested_list_at < tree.index(">Centrum-West<") < tree.index(">Noord<")
    assert 'href="/steden/amsterdam/wijken/' in tree


def test_the_city_page_links_to_the_comparison_with_this_city_chosen(client):
    full_city()

    page = client.get("/steden/utrecht/").content.decode()

    assert 'href="/vergelijk/?steden=utrecht"' in page
    assert "Vergelijk Utrecht met andere steden" in page


def test_breadcrumbs_lead_from_home_to_the_city(client):
    full_city()

    page = client.get("/steden/utrecht/").content.decode()

    assert 'aria-label="Kruimelpad"' in page
    assert '<a href="/steden/">Steden</a>' in page
    assert '<a href="/steden/utrecht/" aria-current="page">Utrecht</a>' in page


def test_an_unknown_city_is_not_found(client):
    response = client.get("/steden/bestaat-niet/")

    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_posting_to_a_city_page_is_not_allowed(client):
    full_city()

    assert client.post("/steden/utrecht/").status_code == 405


def test_a_draft_city_is_not_found_by_the_public_but_shown_to_staff(client, admin_client):
    make_city(slug="concept-stad", name="Conceptstad", status=Status.DRAFT)

    assert client.get("/steden/concept-stad/").status_code == 404
    response = admin_client.get("/steden/concept-stad/")
    assert response.status_code == 200
    assert "Concept</span>" in response.content.decode()


def test_draft_parts_of_a_profile_are_hidden_from_the_public_and_marked_for_staff(
    client, admin_client
):
    city = full_city()
    approach = city.approaches.get()
    make_trait(approach, text="Nog niet gepubliceerd punt.", status=Status.DRAFT)
    make_district(city, name="Conceptwijk", status=Status.DRAFT)
    make_assessment(approach, make_dimension(name="Conceptdimensie", status=Status.DRAFT))
    make_role(name="Conceptrol", status=Status.DRAFT).approaches.add(approach)
    make_period(approach, title="Conceptperiode", status=Status.DRAFT)
    approach.sources.add(make_source(title="Conceptbron", status=Status.DRAFT))
    hidden = [
        "Nog niet gepubliceerd punt.",
        "Conceptwijk",
        "Conceptdimensie",
        "Conceptrol",
        "Conceptperiode",
        "Conceptbron",
    ]

    public = client.get("/steden/utrecht/").content.decode()
    staff = admin_client.get("/steden/utrecht/").content.decode()

    for text in hidden:
        assert text not in public, text
        assert text in staff, text
    assert "badge-concept" not in public
    assert "badge-concept" in staff


def test_the_page_is_fetched_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    full_city()

    with django_assert_max_num_queries(CITY_PAGE_QUERIES):
        assert client.get("/steden/utrecht/").status_code == 200


def test_more_districts_do_not_mean_more_queries(client):
    small = make_city(slug="klein")
    large = make_city(slug="groot")
    for city, count in ((small, 5), (large, 50)):
        make_approach(city)
        area = make_district(city, kind=District.Kind.STADSDEEL)
        for _ in range(count - 1):
            make_district(city, parent=area)

    few = count_queries(client, "/steden/klein/")
    many = count_queries(client, "/steden/groot/")

    assert few == many
    assert District.objects.filter(city=large).count() == 50


def test_every_city_of_the_real_content_shows_its_approach_districts_and_sources(client, content):
    for city in City.objects.prefetch_related("approaches", "districts"):
        page = client.get(city.get_absolute_url()).content.decode()
        assert f"<h1>{city.name}" in page, city
        for approach in city.approaches.all():
            assert approach.name in page, approach
        for district in city.districts.all():
            assert f'href="{district.get_absolute_url()}"' in page, district
        assert "Henk Krijnen, Typering van de drie steden" in page, city
