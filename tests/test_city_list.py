"""The list of cities at /steden/."""

import pytest

from editorial.models import Status
from tests.factories import make_approach, make_city, make_district
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

CITY_LIST_QUERIES = 2  # cities with their district count, their approaches


def test_the_list_links_every_published_city_with_its_summary_and_district_count(client):
    utrecht = make_city(name="Utrecht", slug="utrecht", summary="Tien wijken.")
    make_approach(utrecht, name="Wijkgericht werken")
    for _ in range(3):
        make_district(utrecht)
    make_district(utrecht, status=Status.DRAFT)

    response = client.get("/steden/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="/steden/utrecht/">Utrecht</a>' in page
    assert "Tien wijken." in page
    assert "Wijkgericht werken" in page
    assert "<dt>Wijken en gebieden</dt><dd>3</dd>" in page


def test_draft_cities_are_left_out_for_the_public_and_marked_for_staff(client, admin_client):
    make_city(name="Conceptstad", status=Status.DRAFT)

    assert "Conceptstad" not in client.get("/steden/").content.decode()
    staff = admin_client.get("/steden/").content.decode()
    assert "Conceptstad" in staff
    assert "badge-concept" in staff


def test_breadcrumbs_mark_the_list_as_the_current_page(client):
    page = client.get("/steden/").content.decode()

    assert '<a href="/">Home</a>' in page
    assert '<a href="/steden/" aria-current="page">Steden</a>' in page


def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(4):
        city = make_city()
        make_approach(city)
        make_district(city)

    with django_assert_max_num_queries(CITY_LIST_QUERIES):
        assert client.get("/steden/").status_code == 200


def test_more_districts_do_not_mean_more_queries(client):
    city = make_city()
    make_district(city)
    few = count_queries(client, "/steden/")
    for _ in range(50):
        make_district(city)
    many = count_queries(client, "/steden/")

    assert few == many


def test_the_list_shows_the_four_cities_of_the_real_content(client, content):
    page = client.get("/steden/").content.decode()

    for slug in ("utrecht", "den-haag", "amsterdam", "rotterdam"):
        assert f'href="/steden/{slug}/"' in page, slug
