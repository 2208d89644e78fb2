"""The /data/ page and the files it offers: districts as CSV and GeoJSON, glossary, sources."""

import csv
import io
import json

import pytest

from cities.models import District

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_content(content_per_module, db):
    """The initial content (loaded once for the module)."""


def read_csv(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "a byte order mark for Excel"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_a_researcher_finds_the_data_page_from_home_and_about(client, real_content):
    for page in ("/", "/over/"):
        assert 'href="/data/"' in client.get(page).content.decode(), page
    page = client.get("/data/").content.decode()
    for url in (
        "/data/steden/utrecht/wijken.csv",
        "/data/steden/utrecht/wijken.geojson",
        "/data/begrippen.csv",
        "/data/bronnen.csv",
        "/api/v1/docs/",
        "/api/v1/steden/",
        "/api/v1/openapi.json",
    ):
        assert f'href="{url}"' in page, url
        assert client.get(url).status_code == 200, url
    assert "CC BY 4.0" in page
    assert "Kadaster / Centraal Bureau voor de Statistiek, 2018" in page


def test_the_data_dictionary_explains_every_field(client, real_content):
    from api.columns import DISTRICT_COLUMNS, SOURCE_COLUMNS, TERM_COLUMNS

    page = client.get("/data/").content.decode()
    for column in (*DISTRICT_COLUMNS, *TERM_COLUMNS, *SOURCE_COLUMNS):
        assert f"<code>{column.name}</code>" in page, column.name
        assert column.description.replace("'", "&#x27;") in page, column.name


def test_utrecht_s_districts_download_as_csv_for_dutch_excel(client, real_content):
    response = client.get("/data/steden/utrecht/wijken.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="buurtwijs-utrecht-wijken-'
    )
    rows = read_csv(response)
    published = District.objects.published().filter(city__slug="utrecht")
    assert len(rows) == published.count()
    overvecht = next(row for row in rows if row["slug"] == "overvecht")
    assert overvecht["city"] == "utrecht"
    assert overvecht["focus_area"] in {"ja", "nee", "onbekend"}
    assert overvecht["url"] == "/steden/utrecht/wijken/overvecht/"


def test_the_city_page_offers_its_districts_beside_the_list(client, real_content):
    page = client.get("/steden/utrecht/").content.decode()
    assert 'href="/data/steden/utrecht/wijken.csv"' in page
    assert 'href="/data/steden/utrecht/wijken.geojson"' in page


def test_the_geojson_carries_the_map_attribution_and_the_licence(client, real_content):
    response = client.get("/data/steden/utrecht/wijken.geojson")

    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    assert "CC BY 4.0" in collection["licence"]
    features = collection["features"]
    assert len(features) == District.objects.published().filter(city__slug="utrecht").count()
    assert {f["properties"]["slug"] for f in features} >= {"overvecht"}
    # The test content has no boundaries (they come from ../shared/data/, see README).
    assert all(f["geometry"] is None for f in features)
    assert collection["attribution"] == "Dit bestand bevat geen grenzen."


def test_amsterdam_s_gebieden_credit_the_municipality(client, db):
    from tests.factories import make_city, make_district

    city = make_city(name="Hoofdstad", slug="hoofdstad")
    square = {"type": "Polygon", "coordinates": [[[4.9, 52.3], [5, 52.3], [5, 52.4], [4.9, 52.3]]]}
    make_district(city=city, kind=District.Kind.GEBIED, geometry=square)
    make_district(city=city, cbs_code="WK036301", geometry=square)

    collection = client.get("/data/steden/hoofdstad/wijken.geojson").json()
    assert collection["attribution"] == (
        "Grenzen: Gemeente Hoofdstad; Kadaster / Centraal Bureau voor de Statistiek, 2018"
    )
    assert [f["geometry"] for f in collection["features"]] == [square, square]


def test_glossary_and_sources_download_as_csv(client, real_content):
    terms = read_csv(client.get("/data/begrippen.csv"))
    assert any(row["slug"] == "kanteling" for row in terms)
    sources = read_csv(client.get("/data/bronnen.csv"))
    assert sources and all(row["title"] for row in sources)
    for page, url in (("/begrippen/", "/data/begrippen.csv"), ("/bronnen/", "/data/bronnen.csv")):
        assert f'href="{url}"' in client.get(page).content.decode()


def test_a_cell_that_looks_like_a_formula_is_made_inert(client, db):
    from tests.factories import make_term

    make_term(name='=HYPERLINK("http://x")', slug="formule")
    rows = read_csv(client.get("/data/begrippen.csv"))
    assert next(row for row in rows if row["slug"] == "formule")["name"].startswith("'=")


def test_drafts_stay_out_of_the_files(client, db):
    from editorial.models import Status
    from tests.factories import make_city, make_district, make_term

    city = make_city(slug="zonnestad")
    make_district(city=city, slug="concept", status=Status.DRAFT)
    make_term(slug="geheim", status=Status.DRAFT)
    make_city(slug="verborgen", status=Status.DRAFT)

    assert read_csv(client.get("/data/steden/zonnestad/wijken.csv")) == []
    assert client.get("/data/steden/zonnestad/wijken.geojson").json()["features"] == []
    assert not any(row["slug"] == "geheim" for row in read_csv(client.get("/data/begrippen.csv")))
    assert client.get("/data/steden/verborgen/wijken.csv").status_code == 404
    assert client.get("/data/steden/verborgen/wijken.geojson").status_code == 404
    assert "verborgen" not in client.get("/data/").content.decode()


def test_the_comparison_page_offers_json_and_an_embed(client, real_content):
    page = client.get("/vergelijk/?steden=utrecht&steden=den-haag").content.decode()
    assert 'href="/api/v1/vergelijking/?steden=utrecht&amp;steden=den-haag"' in page
    assert '&lt;iframe src="http://testserver/vergelijk/insluiten/?steden=utrecht' in page


def test_the_api_reference_lists_every_operation_of_the_schema(client, real_content):
    schema = client.get("/api/v1/openapi.json").json()
    page = client.get("/api/v1/docs/").content.decode()
    for path in schema["paths"]:
        assert f"<code>GET {path}</code>" in page, path
    for name in schema["components"]["schemas"]:
        assert f'id="model-{name}"' in page, name
