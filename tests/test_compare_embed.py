"""The comparison for other sites' iframes: the only page that may be framed."""

import pytest

from editorial.models import Status
from tests.factories import make_approach, make_assessment, make_city
from tests.test_security_headers import directives

pytestmark = pytest.mark.django_db


@pytest.fixture
def cities():
    for name, slug in (("Utrecht", "utrecht"), ("Den Haag", "den-haag")):
        make_assessment(approach=make_approach(city=make_city(name=name, slug=slug)), value=name)


def test_the_embed_shows_the_table_with_a_link_back(client, cities):
    response = client.get("/vergelijk/insluiten/?steden=utrecht&steden=den-haag")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Utrecht en Den Haag naast elkaar" in page
    assert 'href="http://testserver/vergelijk/?steden=utrecht&amp;steden=den-haag"' in page
    assert "Buurtwijs, platform voor buurtontwikkeling" in page
    assert 'class="site-header"' not in page


def test_only_the_embed_may_be_framed(client, cities):
    embed = client.get("/vergelijk/insluiten/?steden=utrecht&steden=den-haag")
    assert "X-Frame-Options" not in embed
    policy = directives(embed["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["*"]
    assert policy["script-src"][0] == "'self'" and policy["default-src"] == ["'self'"]

    for url in ("/vergelijk/?steden=utrecht&steden=den-haag", "/", "/data/", "/api/v1/docs/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


def test_bad_choices_are_explained_in_the_embed(client, cities):
    page = client.get("/vergelijk/insluiten/?steden=utrecht&steden=<b>x</b>").content.decode()
    assert "Kies 2 tot 4 bekende steden" in page
    assert "<b>x</b>" not in page


def test_a_draft_city_is_never_embedded_even_for_editors(client, admin_user, cities):
    make_city(slug="geheim", name="Geheimstad", status=Status.DRAFT)
    client.force_login(admin_user)
    page = client.get("/vergelijk/insluiten/?steden=utrecht&steden=geheim").content.decode()
    assert "Geheimstad" not in page
