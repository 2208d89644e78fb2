"""The 404 and 500 pages, and methods a page does not accept."""

import pytest
from django.template import loader
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_portals_404_page(client):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Pagina niet gevonden</h1>" in page
    assert 'aria-label="Hoofdmenu"' in page
    assert '<span aria-current="page">Pagina niet gevonden</span>' in page
    assert 'href="/steden/"' in page


@pytest.mark.parametrize(
    "url",
    [
        "/steden/bestaat-niet/",
        "/steden/bestaat-niet/wijken/ook-niet/",
        "/steden/%F0%9F%98%80/",
        "/steden/a.b/",
        "/steden/" + "x" * 500 + "/",
    ],
)
def test_unknown_or_malformed_slugs_are_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/", "/steden/", "/begrippen/", "/bronnen/", "/over/"])
def test_pages_refuse_methods_that_would_change_something(client, url):
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405


@pytest.mark.parametrize(
    "url", ["/?x=%00", "/steden/?steden=<script>", "/begrippen/?q=" + "a" * 3000]
)
def test_odd_query_strings_are_ignored(client, url):
    assert client.get(url).status_code == 200


def test_the_500_page_renders_without_a_request_or_the_database(django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        html = loader.get_template("500.html").render()

    assert "<h1>Er ging iets mis</h1>" in html
    assert 'lang="nl"' in html


def test_a_failing_view_gets_the_500_page(settings):
    settings.ROOT_URLCONF = "tests.failing_urls"
    client = Client(raise_request_exception=False)

    response = client.get("/kapot/")

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
