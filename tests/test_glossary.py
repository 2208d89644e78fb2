"""The glossary at /begrippen/."""

import pytest

from editorial.models import Status
from library.models import Term
from tests.factories import make_source, make_term

pytestmark = pytest.mark.django_db

GLOSSARY_QUERIES = 2  # terms, their sources


def test_terms_are_listed_alphabetically_with_anchors_and_rendered_definitions(client):
    make_term(name="wijkagenda", slug="wijkagenda", definition="Een **agenda** per wijk.")
    make_term(name="Kanteling", slug="kanteling")
    make_term(name="doorzettingsmacht", slug="doorzettingsmacht")

    response = client.get("/begrippen/")

    assert response.status_code == 200
    page = response.content.decode().split("<main", 1)[1]
    assert page.index("doorzettingsmacht") < page.index("Kanteling") < page.index("wijkagenda")
    assert 'id="begrip-kanteling"' in page
    assert "<strong>agenda</strong>" in page


def test_a_letter_index_links_to_each_initial(client):
    make_term(name="Opwaartse kracht")
    make_term(name="Éénloket")
    make_term(name="ervaringsdeskundige")

    page = client.get("/begrippen/").content.decode()

    assert 'href="#letter-o"' in page
    assert 'id="letter-o"' in page
    assert page.count('href="#letter-e"') == 1  # É and e share one letter


def test_a_term_names_its_sources(client):
    term = make_term(name="Wmo")
    term.sources.add(make_source(title="Wet maatschappelijke ondersteuning 2015", slug="wmo-2015"))

    page = client.get("/begrippen/").content.decode()

    assert '<a href="/bronnen/#bron-wmo-2015">Wet maatschappelijke ondersteuning 2015</a>' in page


def test_draft_terms_are_hidden_from_the_public_and_marked_for_staff(client, admin_client):
    make_term(name="Conceptbegrip", status=Status.DRAFT)

    assert "Conceptbegrip" not in client.get("/begrippen/").content.decode()
    staff = admin_client.get("/begrippen/").content.decode()
    assert "Conceptbegrip" in staff
    assert "badge-concept" in staff


def test_the_glossary_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(10):
        make_term().sources.add(make_source())

    with django_assert_max_num_queries(GLOSSARY_QUERIES):
        assert client.get("/begrippen/").status_code == 200


def test_the_glossary_has_breadcrumbs(client):
    page = client.get("/begrippen/").content.decode()

    assert '<a href="/begrippen/" aria-current="page">Begrippen</a>' in page


def test_the_real_glossary_explains_the_articles_terms(client, content):
    page = client.get("/begrippen/").content.decode()

    for term in Term.objects.all():
        assert f'id="begrip-{term.slug}"' in page, term
    for name in ("Kanteling", "Doorzettingsmacht", "Opwaartse kracht", "Wmo", "Wijkagenda"):
        assert name.lower() in page.lower(), name
