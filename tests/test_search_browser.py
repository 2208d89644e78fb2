"""The search page in Chromium at phone and desktop width: pages, namesakes, axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/zoeken/?q=wijk&pagina=2", "/zoeken/?q=Feijenoord"])
def test_search_pages_have_no_axe_violations_and_fit_a_phone(live_server, page, content, path):
    response = page.goto(live_server.url + path)

    assert response.status == 200
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_a_missing_page_has_no_axe_violations(live_server, page, content):
    response = page.goto(live_server.url + "/zoeken/?q=wijk&pagina=999")

    assert response.status == 404
    expect(page.locator("#zoekstatus")).to_contain_text("Er is geen pagina ‘999’")
    assert_no_axe_violations(page)


def test_a_reader_pages_through_the_results_and_back(live_server, page, content):
    page.goto(live_server.url + "/zoeken/?q=wijk")
    expect(page.locator("#zoekstatus")).to_contain_text("Resultaten 1–20 van")

    page.get_by_role("link", name="Volgende pagina").click()

    expect(page).to_have_url(re.compile(r"q=wijk&pagina=2$"))
    expect(page.locator("#zoekstatus")).to_contain_text("Resultaten 21–40 van")
    page.get_by_role("link", name="Vorige pagina").click()
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=wijk$"))


def test_namesakes_are_told_apart_by_their_link_text(live_server, desktop_page, content):
    desktop_page.goto(live_server.url + "/zoeken/?q=Feijenoord")

    results = desktop_page.locator("#zoekresultaten")
    expect(results.get_by_role("link", name="Feijenoord — gebied in Rotterdam")).to_be_visible()
    expect(
        results.get_by_role("link", name="Feijenoord — wijk in Rotterdam, gebied Feijenoord")
    ).to_be_visible()


def test_typing_a_new_query_after_paging_starts_on_page_one(live_server, desktop_page, content):
    desktop_page.goto(live_server.url + "/zoeken/?q=wijk&pagina=3")

    desktop_page.get_by_label(
        "Zoek in steden, wijken, aanpakken, rollen, begrippen en bronnen"
    ).fill("Schilderswijk")

    expect(desktop_page).to_have_url(re.compile(r"/zoeken/\?q=Schilderswijk$"))
    expect(desktop_page.locator("#zoekresultaten")).to_contain_text(
        "Schildersbuurt (ook: Schilderswijk) — wijk in Den Haag"
    )
    expect(desktop_page.locator("#zoekstatus")).to_contain_text("1 resultaat voor ‘Schilderswijk’")
