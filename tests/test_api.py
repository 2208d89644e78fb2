"""The read-only JSON API: what it returns, what it never shows, and how it answers bad input."""

import pytest

from approaches.models import Approach
from cities.models import District
from editorial.models import Status

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


@pytest.fixture
def real_content(content_per_module, db):
    """The initial content (loaded once for the module)."""


def test_the_four_cities_come_as_json_with_their_approach(client, real_content):
    body = get_json(client, "/api/v1/steden/")

    assert body["count"] == 4
    slugs = [city["slug"] for city in body["items"]]
    assert slugs == ["amsterdam", "den-haag", "rotterdam", "utrecht"]
    utrecht = body["items"][3]
    assert utrecht["cbs_code"] == "GM0344"
    assert utrecht["approach"]["scope"] in {s.value for s in Approach.Scope}
    assert utrecht["links"]["self"] == "/api/v1/steden/utrecht/"
    assert utrecht["links"]["html"] == "/steden/utrecht/"
    assert utrecht["links"]["districts_csv"] == "/data/steden/utrecht/wijken.csv"


def test_one_city_in_full_has_approaches_with_their_parts(client, real_content):
    body = get_json(client, "/api/v1/steden/den-haag/")

    approach = body["approaches"][0]
    assert approach["assessments"], "assessments per dimension"
    assert all(a["dimension"] and a["value"] for a in approach["assessments"])
    assert approach["traits"] and approach["roles"] and approach["sources"]
    assert body["district_count"] == District.objects.filter(city__slug="den-haag").count()
    for role in approach["roles"]:
        assert get_json(client, role["link"])["slug"] == role["slug"]


def test_every_link_in_a_city_leads_somewhere(client, real_content):
    body = get_json(client, "/api/v1/steden/amsterdam/")
    for name, url in body["links"].items():
        assert client.get(url).status_code == 200, (name, url)


def test_districts_come_in_pages_with_totals_and_links(client, real_content):
    total = District.objects.filter(city__slug="amsterdam", status=Status.PUBLISHED).count()
    first = get_json(client, "/api/v1/steden/amsterdam/wijken/", per_pagina=10)

    assert first["count"] == total
    assert first["pages"] == -(-total // 10)
    assert len(first["items"]) == 10
    assert first["links"]["previous"] is None
    second = get_json(client, first["links"]["next"])
    assert second["page"] == 2
    assert {d["slug"] for d in first["items"]}.isdisjoint(d["slug"] for d in second["items"])
    last = get_json(client, first["links"]["last"])
    assert last["links"]["next"] is None


def test_a_district_names_its_larger_area_and_city(client, real_content):
    wijk = District.objects.filter(city__slug="amsterdam", parent__isnull=False).first()
    body = get_json(client, f"/api/v1/steden/amsterdam/wijken/{wijk.slug}/")

    assert body["parent"] == wijk.parent.slug
    assert body["links"]["parent"] == f"/api/v1/steden/amsterdam/wijken/{wijk.parent.slug}/"
    assert body["kind"] == wijk.kind
    assert "geometry" not in body


def test_the_comparison_is_the_table_of_the_compare_page(client, real_content):
    body = get_json(client, "/api/v1/vergelijking/?steden=utrecht&steden=rotterdam")

    assert [c["slug"] for c in body["cities"]] == ["utrecht", "rotterdam"]
    keys = [row["key"] for row in body["rows"]]
    assert keys[0] == "aanpak"
    assert "dimensie-reikwijdte" in keys
    page = client.get(body["html"]).content.decode()
    for key in keys:
        assert f'id="rij-{key}"' in page
    assert all(len(row["cells"]) == 2 for row in body["rows"])
    assert client.get(body["csv"]).status_code == 200


def test_dimensions_roles_terms_and_sources_are_listed(client, real_content):
    for url in ("/api/v1/dimensies/", "/api/v1/rollen/", "/api/v1/begrippen/", "/api/v1/bronnen/"):
        body = get_json(client, url, per_pagina=100)
        assert body["count"] > 0, url
        assert len(body["items"]) == min(body["count"], 100), url


def test_search_finds_what_the_search_page_finds(client, real_content):
    body = get_json(client, "/api/v1/zoeken/", q="makelaars")

    assert body["count"] > 0
    titles = [r["title"] for r in body["results"]]
    assert any("makelaar" in title.lower() for title in titles)
    assert all("<mark>" not in r["snippet"] for r in body["results"])
