"""The sources at /bronnen/, each with what it backs."""

import pytest

from approaches.models import Trait
from editorial.models import Status
from library.models import Source
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_district,
    make_role,
    make_source,
    make_term,
    make_trait,
)

pytestmark = pytest.mark.django_db

SOURCES_QUERIES = 12  # sources, 8 kinds of citing content, underlying and compiled, inhabitants


def test_each_source_has_an_anchor_its_citation_and_its_address(client):
    make_source(
        title="Typering van de drie steden",
        slug="typering",
        author="Henk Krijnen",
        publisher="Buurtwijs",
        url="https://example.org/typering",
        description="Een *slotbeschouwing*.",
    )

    response = client.get("/bronnen/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="bron-typering"' in page
    assert "Henk Krijnen, Typering van de drie steden, Buurtwijs" in page
    assert 'href="https://example.org/typering"' in page
    assert "<em>slotbeschouwing</em>" in page


def test_a_source_summarises_what_it_backs_per_city(client):
    article = make_source(title="Artikel", slug="artikel")
    city = make_city(name="Utrecht", slug="utrecht")
    approach = make_approach(city)
    approach.sources.add(article)
    for _ in range(3):
        make_assessment(approach).sources.add(article)
    make_trait(approach, kind=Trait.Kind.RISK).sources.add(article)
    make_district(city).sources.add(article)
    make_term(name="Kanteling", slug="kanteling").sources.add(article)
    make_role(name="Sociaal makelaar").sources.add(article)

    page = client.get("/bronnen/").content.decode()

    assert (
        '<a href="/steden/utrecht/">Utrecht</a>: aanpak, 3 typeringen, 1 kenmerk, 1 wijk of gebied'
        in page
    )
    assert '<a href="/begrippen/#begrip-kanteling">Kanteling</a>' in page
    assert "Rollen: Sociaal makelaar" in page


def test_the_inhabitants_source_counts_as_cited(client):
    census = make_source(title="CBS", slug="cbs")
    make_city(name="Utrecht", slug="utrecht", inhabitants=343038, inhabitants_source=census)

    page = client.get("/bronnen/").content.decode()

    assert '<a href="/steden/utrecht/">Utrecht</a>: inwonertal' in page


def test_draft_sources_and_draft_citing_content_are_hidden_from_the_public(client, admin_client):
    make_source(title="Conceptbron", status=Status.DRAFT)
    article = make_source(title="Artikel")
    make_city(name="Conceptstad", status=Status.DRAFT).sources.add(article)

    public = client.get("/bronnen/").content.decode()
    staff = admin_client.get("/bronnen/").content.decode()

    assert "Conceptbron" not in public
    assert "Conceptstad" not in public
    assert "Conceptbron" in staff
    assert "Conceptstad" in staff
    assert "badge-concept" in staff


def test_the_sources_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(3):
        source = make_source()
        city = make_city()
        city.sources.add(source)
        make_district(city).sources.add(source)
        make_assessment(make_approach(city)).sources.add(source)

    with django_assert_max_num_queries(SOURCES_QUERIES):
        assert client.get("/bronnen/").status_code == 200


def test_the_sources_page_has_breadcrumbs(client):
    page = client.get("/bronnen/").content.decode()

    assert '<a href="/bronnen/" aria-current="page">Bronnen</a>' in page


def test_every_real_source_is_listed_and_the_article_backs_all_four_cities(client, content):
    page = client.get("/bronnen/").content.decode()

    for source in Source.objects.all():
        assert f'id="bron-{source.slug}"' in page, source
    assert "Henk Krijnen" in page
