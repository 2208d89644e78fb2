"""The JSON API with made-up content: published only, bad input, headers and query counts."""

import pytest

from cities.models import City
from editorial.models import Status
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_district,
    make_source,
    make_term,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def test_geometry_only_on_request(client, db):
    square = {"type": "Polygon", "coordinates": [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52]]]}
    district = make_district(slug="overvecht", geometry=square)
    url = f"/api/v1/steden/{district.city.slug}/wijken/"

    assert "geometry" not in get_json(client, url)["items"][0]
    with_geometry = get_json(client, url, geometrie="true")
    assert with_geometry["items"][0]["geometry"] == square
    assert "geometrie=true" in with_geometry["links"]["self"]
    one = get_json(client, f"{url}overvecht/", geometrie="true")
    assert one["geometry"] == square


def test_the_index_links_to_every_resource(client, db):
    body = get_json(client, "/api/v1/")
    for name, url in body["links"].items():
        if name == "comparison":
            continue  # needs ?steden=
        if name == "search":
            url += "?q=wijk"
        assert client.get(url).status_code == 200, name


# --- Published only -----------------------------------------------------------------------------


def test_drafts_never_appear(client, db):
    city = make_city(slug="utrecht", name="Utrecht")
    make_city(slug="geheim", status=Status.DRAFT)
    make_district(city=city, slug="concept-wijk", status=Status.DRAFT)
    make_district(city=city, slug="zichtbaar")
    make_approach(city=city, slug="concept-aanpak", name="Aaa concept", status=Status.DRAFT)
    make_term(slug="concept-begrip", status=Status.DRAFT)
    make_source(slug="concept-bron", status=Status.DRAFT)

    assert [c["slug"] for c in get_json(client, "/api/v1/steden/")["items"]] == ["utrecht"]
    get_json(client, "/api/v1/steden/geheim/", status=404)
    districts = get_json(client, "/api/v1/steden/utrecht/wijken/")["items"]
    assert [d["slug"] for d in districts] == ["zichtbaar"]
    get_json(client, "/api/v1/steden/utrecht/wijken/concept-wijk/", status=404)
    assert get_json(client, "/api/v1/steden/utrecht/")["approaches"] == []
    assert get_json(client, "/api/v1/begrippen/")["count"] == 0
    assert get_json(client, "/api/v1/bronnen/")["count"] == 0


def test_drafts_stay_hidden_from_editors_too(client, admin_user, db):
    make_city(slug="geheim", status=Status.DRAFT)
    client.force_login(admin_user)
    get_json(client, "/api/v1/steden/geheim/", status=404)


def test_a_district_in_a_draft_area_has_no_parent(client, db):
    city = make_city(slug="utrecht")
    area = make_district(city=city, slug="gebied", status=Status.DRAFT)
    make_district(city=city, slug="wijk", parent=area)

    body = get_json(client, "/api/v1/steden/utrecht/wijken/wijk/")
    assert body["parent"] is None
    assert body["links"]["parent"] is None


def test_pending_changes_never_appear(client, db):
    city = make_city(slug="utrecht", name="Utrecht", summary="Gepubliceerd.")
    City.objects.filter(pk=city.pk).update(
        pending_changes={"summary": "Nog niet gepubliceerd.", "name": "Geheim"}
    )
    make_assessment(approach=make_approach(city=city), value="Openbaar")

    body = get_json(client, "/api/v1/steden/utrecht/")
    assert body["summary"] == "Gepubliceerd."
    assert body["name"] == "Utrecht"
    assert "Nog niet gepubliceerd" not in str(body)
    assert "pending" not in str(body)


def test_a_draft_dimension_leaves_the_assessments_out(client, db):
    city = make_city(slug="utrecht")
    approach = make_approach(city=city)
    make_assessment(approach=approach, dimension=make_dimension(status=Status.DRAFT))

    assert get_json(client, "/api/v1/steden/utrecht/")["approaches"][0]["assessments"] == []
    assert get_json(client, "/api/v1/dimensies/")["count"] == 0


# --- Bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/steden/?pagina=0", "pagina"),
        ("/api/v1/steden/?pagina=abc", "pagina"),
        ("/api/v1/steden/?per_pagina=101", "per_pagina"),
        ("/api/v1/steden/?per_pagina=-1", "per_pagina"),
        ("/api/v1/vergelijking/?steden=utrecht", "steden"),
        ("/api/v1/vergelijking/", "steden"),
        ("/api/v1/vergelijking/?steden=a&steden=b&steden=c&steden=d&steden=e", "steden"),
        ("/api/v1/vergelijking/?steden=utrecht&steden=utrecht", "steden"),
        ("/api/v1/zoeken/", "q"),
        ("/api/v1/zoeken/?q=" + "a" * 201, "q"),
        ("/api/v1/steden/utrecht/wijken/?geometrie=misschien", "geometrie"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_parameter(client, db, url, parameter):
    make_city(slug="utrecht")
    body = get_json(client, url, status=400)
    assert body["parameter"] == parameter
    assert parameter in body["message"]
    assert body["status"] == 400


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/steden/bestaat-niet/",
        "/api/v1/steden/utrecht/wijken/bestaat-niet/",
        "/api/v1/steden/bestaat-niet/wijken/",
        "/api/v1/rollen/bestaat-niet/",
        "/api/v1/vergelijking/?steden=utrecht&steden=bestaat-niet",
        "/api/v1/steden/?pagina=2",
        "/api/v1/bestaat-niet/",
        "/api/v1/steden/utrecht/iets/anders",
    ],
)
def test_unknown_things_get_a_404_in_json(client, db, url):
    make_city(slug="utrecht")
    body = get_json(client, url, status=404)
    assert body["status"] == 404
    assert body["message"]


def test_other_methods_are_refused(client, db):
    response = client.post("/api/v1/steden/")
    assert response.status_code == 405
    assert response["Allow"] == "GET"


# --- Headers ------------------------------------------------------------------------------------


def test_any_site_may_read_the_api(client, db):
    for url in ("/api/v1/", "/api/v1/steden/bestaat-niet/", "/api/v1/steden/?pagina=x"):
        response = client.get(url, headers={"Origin": "https://example.org"})
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"


# --- Queries ------------------------------------------------------------------------------------


def test_city_in_full_costs_a_fixed_number_of_queries(client, db):
    few, many = make_city(slug="weinig"), make_city(slug="veel")
    for city, parts in ((few, 1), (many, 6)):
        for _ in range(parts):
            approach = make_approach(city=city)
            make_assessment(approach=approach).sources.add(make_source())
            make_district(city=city)
    assert count_queries(client, "/api/v1/steden/weinig/") == count_queries(
        client, "/api/v1/steden/veel/"
    )
    assert count_queries(client, "/api/v1/steden/veel/") == 10


def test_lists_cost_a_fixed_number_of_queries(client, db):
    city = make_city(slug="utrecht")
    for _ in range(5):
        make_district(city=city, parent=make_district(city=city))
        make_city(inhabitants_source=make_source())
    assert count_queries(client, "/api/v1/steden/utrecht/wijken/") == 3
    assert count_queries(client, "/api/v1/steden/") == 3


def test_each_operation_names_the_query_parameters_it_reads():
    from api.v1 import query_parameters

    assert query_parameters("/api/v1/steden/") == {"pagina", "per_pagina"}
    assert query_parameters("/api/v1/steden/utrecht/") == set()
    assert query_parameters("/api/v1/steden/utrecht/wijken/") == {
        "pagina",
        "per_pagina",
        "geometrie",
    }
    assert query_parameters("/api/v1/steden/utrecht/wijken/oost/") == {"geometrie"}
    assert query_parameters("/api/v1/vergelijking/") == {"steden"}
    assert query_parameters("/api/v1/zoeken/") == {"q"}
    assert query_parameters("/steden/utrecht/") == set()
    assert query_parameters("/bestaat/niet/") == set()
