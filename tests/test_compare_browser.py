"""The comparison and search pages in a real browser: htmx swaps, the address bar, the back
button, without JavaScript, on a phone, in print, and axe."""

import re

import pytest
from playwright.sync_api import expect

from approaches.models import Trait
from tests.conftest import assert_no_axe_violations
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_role,
    make_term,
    make_trait,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CITIES = [
    ("Amsterdam", "amsterdam"),
    ("Den Haag", "den-haag"),
    ("Rotterdam", "rotterdam"),
    ("Utrecht", "utrecht"),
]


@pytest.fixture
def cities():
    """Four cities on three dimensions; they chose the same category on "Schaal" only."""
    dimensions = [
        make_dimension(name="Schaal", slug="schaal", order=1),
        make_dimension(name="Sturing en organisatie", slug="sturing", order=2),
        make_dimension(name="Bewonersparticipatie", slug="participatie", order=3),
    ]
    role = make_role(name="Gebiedsmakelaar", description="Werkt in een gebied.")
    make_term(name="Wijkagenda", slug="wijkagenda")
    for name, slug in CITIES:
        approach = make_approach(city=make_city(name=name, slug=slug), name=f"Aanpak {name}")
        make_assessment(
            approach=approach,
            dimension=dimensions[0],
            category="Wijk",
            value="Wijk",
            text="Wijken.",
        )
        for dimension in dimensions[1:]:
            make_assessment(
                approach=approach,
                dimension=dimension,
                value=f"{dimension.name} in {name}, met een eigen wijkagenda per wijk",
                text=f"Een langere toelichting over {dimension.name.lower()} in {name}. " * 4,
            )
        make_trait(approach=approach, kind=Trait.Kind.STRENGTH, text=f"Sterk punt van {name}.")
        approach.roles.add(role)


def tick(page, name):
    page.get_by_role("checkbox", name=name, exact=True).check()


def city_headers(page) -> list[str]:
    return page.locator(".compare-table thead th").all_inner_texts()[1:]


def test_ticking_cities_swaps_the_table_and_the_back_button_restores_it(
    live_server, desktop_page, cities
):
    page = desktop_page
    page.goto(f"{live_server.url}/vergelijk/")
    # A full page load would lose this; htmx swaps keep it.
    page.evaluate("window.stillTheSamePage = true")

    tick(page, "Utrecht")
    expect(page).to_have_url(re.compile(r"/vergelijk/\?steden=utrecht$"))
    expect(page.locator("#vergelijk-status")).to_contain_text("Kies nog minstens één stad")

    tick(page, "Den Haag")
    expect(page).to_have_url(re.compile(r"\?steden=den-haag&steden=utrecht$"))
    expect(page.locator(".compare-table caption")).to_have_text("Den Haag en Utrecht naast elkaar")
    assert city_headers(page) == ["Den Haag", "Utrecht"]

    tick(page, "Amsterdam")
    expect(page).to_have_url(re.compile(r"\?steden=amsterdam&steden=den-haag&steden=utrecht$"))
    expect(page.locator(".compare-table thead th")).to_have_count(4)
    assert page.evaluate("window.stillTheSamePage") is True

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?steden=den-haag&steden=utrecht$"))
    expect(page.locator(".compare-table thead th")).to_have_count(3)
    expect(page.get_by_role("checkbox", name="Amsterdam", exact=True)).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="Utrecht", exact=True)).to_be_checked()

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?steden=utrecht$"))
    expect(page.locator(".compare-table")).to_have_count(0)

    page.go_forward()
    expect(page.locator(".compare-table caption")).to_have_text("Den Haag en Utrecht naast elkaar")
    # htmx restored each state from the server's full page, without reloading the document.
    assert page.evaluate("window.stillTheSamePage") is True


def test_hiding_equal_rows_updates_the_table_and_the_address(live_server, desktop_page, cities):
    page = desktop_page
    page.goto(f"{live_server.url}/vergelijk/?steden=utrecht&steden=den-haag")
    expect(page.locator("#rij-dimensie-schaal")).to_be_visible()

    page.get_by_label("Verberg rijen die gelijk zijn").check()

    expect(page.locator("#rij-dimensie-schaal")).to_have_count(0)
    expect(page.locator("#rij-dimensie-sturing")).to_be_visible()
    expect(page).to_have_url(re.compile(r"verberg_gelijk=1"))
    expect(page.get_by_role("link", name="Download deze tabel als CSV")).to_have_attribute(
        "href", re.compile(r"verberg_gelijk=1&formaat=csv$")
    )


def test_without_javascript_the_form_submits_to_the_same_table(live_server, browser, cities):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/vergelijk/")
        tick(page, "Rotterdam")
        tick(page, "Utrecht")
        page.get_by_role("button", name="Vergelijk").click()

        expect(page).to_have_url(re.compile(r"\?steden=rotterdam&steden=utrecht$"))
        assert city_headers(page) == ["Rotterdam", "Utrecht"]
        page.locator("#rij-dimensie-sturing summary").first.click()
        expect(page.locator("#rij-dimensie-sturing details").first).to_have_attribute("open", "")
    finally:
        context.close()


def test_on_a_phone_the_cities_stack_under_each_topic_without_sideways_scrolling(
    live_server, browser, cities
):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/vergelijk/?steden=amsterdam&steden=den-haag&steden=utrecht")
        region = page.get_by_role("region", name="Amsterdam, Den Haag en Utrecht naast elkaar")
        # Neither the page nor the table scrolls sideways: each city sits under the topic.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert region.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
        row = page.locator("#rij-dimensie-sturing")
        names = row.locator(".cell-city")
        expect(names).to_have_count(3)
        tops = [box["y"] for box in (names.nth(i).bounding_box() for i in range(3))]
        assert tops == sorted(tops) and len(set(tops)) == 3
        assert_no_axe_violations(page)
    finally:
        context.close()


def test_four_cities_fit_on_a_landscape_a4_page_when_printed(live_server, browser, cities):
    # A4 landscape less 10 mm margins is 277 mm, about 1047 CSS pixels.
    context = browser.new_context(viewport={"width": 1047, "height": 740}, locale="nl-NL")
    page = context.new_page()
    try:
        slugs = "&".join(f"steden={slug}" for _, slug in CITIES)
        page.goto(f"{live_server.url}/vergelijk/?{slugs}")
        page.emulate_media(media="print")

        table = page.locator(".compare-table")
        assert table.evaluate("el => el.scrollWidth") <= 1047
        expect(page.locator(".compare-form")).to_be_hidden()
        # The explanations are opened out on paper.
        expect(
            page.get_by_text(
                "Een langere toelichting over sturing en organisatie in Utrecht."
            ).first
        ).to_be_visible()
        pdf = page.pdf(prefer_css_page_size=True)
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()


def test_the_comparison_passes_axe(live_server, page, cities):
    page.goto(f"{live_server.url}/vergelijk/?steden=utrecht&steden=den-haag&steden=amsterdam")
    page.locator("#rij-dimensie-sturing summary").first.click()

    assert_no_axe_violations(page)


def test_the_comparison_with_a_problem_passes_axe(live_server, page, cities):
    page.goto(f"{live_server.url}/vergelijk/?steden=utrecht&steden=%3Cscript%3E")

    expect(page.locator("#vergelijk-status")).to_contain_text("Deze stad kennen we niet")
    assert_no_axe_violations(page)


def test_search_shows_results_as_you_type_and_updates_the_address(live_server, page, cities):
    page.goto(f"{live_server.url}/zoeken/")
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_label("Zoek in steden, wijken, aanpakken, rollen, begrippen en bronnen").fill(
        "makelaars"
    )

    expect(page.locator("#zoekresultaten")).to_contain_text("Gebiedsmakelaar")
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=makelaars$"))
    expect(page.locator("#zoekstatus")).to_contain_text("voor ‘makelaars’")
    assert page.evaluate("window.stillTheSamePage") is True
    assert_no_axe_violations(page)


def test_search_offers_the_term_it_thinks_was_meant(live_server, desktop_page, cities):
    desktop_page.goto(f"{live_server.url}/zoeken/?q=wijkagnda")

    suggestion = desktop_page.get_by_role("link", name="Wijkagenda", exact=True).first
    expect(desktop_page.get_by_text("Bedoelde u")).to_be_visible()
    suggestion.click()
    expect(desktop_page).to_have_url(re.compile(r"q=Wijkagenda"))
    assert_no_axe_violations(desktop_page)
