"""The about page at /over/, with the accessibility statement."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_about_page_explains_buurtwijs_and_where_its_content_comes_from(client):
    response = client.get("/over/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Over Buurtwijs</h1>" in page
    assert "Henk Krijnen" in page
    assert 'href="/bronnen/"' in page


def test_the_accessibility_statement_names_the_target_and_what_is_and_is_not_tested(client):
    page = client.get("/over/").content.decode()

    statement = page[page.index('id="toegankelijkheid"') :]
    assert "WCAG" in statement and "2.2" in statement and "AA" in statement
    assert "axe-core" in statement
    assert "Niet automatisch getest" in statement
    assert "Een probleem melden" in statement


def test_problems_can_be_reported_to_the_configured_address(client, settings):
    settings.CONTACT_EMAIL = "toegankelijk@example.org"

    page = client.get("/over/").content.decode()

    assert 'href="mailto:toegankelijk@example.org"' in page


def test_the_footer_links_to_the_accessibility_statement(client):
    page = client.get("/").content.decode()

    assert 'href="/over/#toegankelijkheid"' in page


def test_the_about_page_needs_no_database_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        assert client.get("/over/").status_code == 200
