"""Whatever a visitor types ends up escaped, and never breaks a public page."""

import re
from urllib.parse import quote

import pytest

from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_district,
    make_source,
    make_term,
)
from tests.hostile_inputs import HOSTILE_INPUTS, HTML_SPECIAL

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/steden/",
    "/steden/utrecht/",
    "/steden/utrecht/wijken/overvecht/",
    "/vergelijk/",
    "/zoeken/",
    "/begrippen/",
    "/bronnen/",
    "/over/",
]
# Path segments a visitor can change: the city, the district, and anything after a page.
PATH_TEMPLATES = [
    "/steden/{}/",
    "/steden/utrecht/wijken/{}/",
    "/steden/utrecht/{}/",
    "/{}/",
    "/zoeken/{}",
]
SCRIPT_URL_IN_ATTRIBUTE = re.compile(
    r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I
)


@pytest.fixture
def published_content():
    city = make_city(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    make_district(city=city, name="Overvecht", slug="overvecht")
    make_assessment(approach=make_approach(city=city))
    make_city(name="Den Haag", slug="den-haag", cbs_code="GM0518")
    make_term(name="Wijkagenda")
    make_source(title="Wijkaanpak in Utrecht")


def assert_safe(response, hostile: str, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code}"
    body = response.content.decode(errors="replace")
    if HTML_SPECIAL & set(hostile):
        assert hostile not in body, f"{where}: reflected unescaped"
    assert not SCRIPT_URL_IN_ATTRIBUTE.search(body), f"{where}: javascript: URL in an attribute"
    for header, value in response.items():
        assert "gehackt" not in value and "\n" not in value, f"{where}: header {header} injected"
    assert "gehackt" not in response.cookies, f"{where}: cookie injected"


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_hostile_query_values_are_escaped_on_every_public_page(client, published_content, url):
    for hostile in HOSTILE_INPUTS:
        params = {"q": hostile, "steden": [hostile, "utrecht"], "pagina": hostile, hostile: "1"}
        response = client.get(url, params)
        assert_safe(response, hostile, f"{url}?{hostile[:40]!r}")


@pytest.mark.parametrize("url", ["/zoeken/", "/vergelijk/"])
def test_hostile_htmx_requests_are_escaped_too(client, published_content, url):
    for hostile in HOSTILE_INPUTS:
        response = client.get(
            url, {"q": hostile, "steden": hostile}, headers={"HX-Request": "true"}
        )
        assert_safe(response, hostile, f"htmx {url}?{hostile[:40]!r}")


@pytest.mark.parametrize("template", PATH_TEMPLATES)
def test_hostile_path_segments_give_a_clean_not_found(client, published_content, template):
    for hostile in HOSTILE_INPUTS:
        url = template.format(quote(hostile, safe=""))
        response = client.get(url)
        assert_safe(response, hostile, f"{template} {hostile[:40]!r}")
        assert response.status_code in {301, 400, 404}, f"{url}: {response.status_code}"


def test_the_corpus_reaches_the_page_and_comes_back_escaped(client, published_content):
    """Guards the test itself: a search page that echoes the query must escape it."""
    response = client.get("/zoeken/", {"q": "<script>alert(1)</script>"})
    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
