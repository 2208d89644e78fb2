"""The hostile corpus against every API endpoint, download, feed and the embed: never a 500,
never reflected, and the API always answers in JSON."""

from urllib.parse import quote

import pytest

from api.v1 import api
from tests.hostile_inputs import HOSTILE_INPUTS
from tests.test_hostile_input import assert_safe, published_content  # noqa: F401

pytestmark = pytest.mark.django_db

API_PARAMETERS = {"pagina", "per_pagina", "geometrie", "steden", "q"}
API_PATHS = [
    "/api/v1/",
    "/api/v1/steden/",
    "/api/v1/steden/{}/",
    "/api/v1/steden/{}/wijken/",
    "/api/v1/steden/utrecht/wijken/{}/",
    "/api/v1/dimensies/",
    "/api/v1/vergelijking/",
    "/api/v1/rollen/",
    "/api/v1/rollen/{}/",
    "/api/v1/begrippen/",
    "/api/v1/bronnen/",
    "/api/v1/zoeken/",
    "/api/v1/{}",
]
OTHER_PATHS = [
    "/data/",
    "/data/steden/{}/wijken.csv",
    "/data/steden/{}/wijken.geojson",
    "/data/begrippen.csv",
    "/data/bronnen.csv",
    "/api/v1/docs/",
    "/feeds/wijzigingen/",
    "/feeds/steden/{}/",
    "/sitemap.xml",
    "/vergelijk/insluiten/",
]


def test_every_api_operation_is_covered_here():
    schema = api.get_openapi_schema()
    covered = {path.replace("{}", "x") for path in API_PATHS}
    for path, methods in schema["paths"].items():
        parameters = {p["name"] for spec in methods.values() for p in spec.get("parameters", [])}
        assert parameters - {"stad", "wijk", "rol"} <= API_PARAMETERS, path
        example = path.replace("{stad}", "x").replace("{wijk}", "x").replace("{rol}", "x")
        assert (
            example in covered
            or example.replace("/steden/x/wijken/", "/steden/utrecht/wijken/") in covered
        ), path


def hostile_requests(template: str):
    for hostile in HOSTILE_INPUTS:
        segment = quote(hostile, safe="")
        url = template.format(segment) if "{}" in template else template
        params = {name: hostile for name in API_PARAMETERS} | {"steden": [hostile, "utrecht"]}
        yield hostile, url, params | {hostile: "1"}


@pytest.mark.parametrize("template", API_PATHS)
def test_the_api_answers_hostile_input_with_json(client, published_content, template):  # noqa: F811
    for hostile, url, params in hostile_requests(template):
        response = client.get(url, params)
        where = f"{template} {hostile[:40]!r}"
        assert_safe(response, hostile, where)
        assert response.status_code in {200, 400, 404}, f"{where}: {response.status_code}"
        assert response["Content-Type"] == "application/json; charset=utf-8", where
        body = response.json()
        if response.status_code != 200:
            assert body["message"], where


@pytest.mark.parametrize("template", OTHER_PATHS)
def test_files_feeds_and_the_embed_survive_hostile_input(client, published_content, template):  # noqa: F811
    for hostile, url, params in hostile_requests(template):
        response = client.get(url, params)
        assert_safe(response, hostile, f"{template} {hostile[:40]!r}")
        assert response.status_code in {200, 404}, f"{url}: {response.status_code}"
