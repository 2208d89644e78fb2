"""A reader's path through the portal in Chromium at phone and desktop width, checked by axe."""

import pytest

from cities.models import District
from tests.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_clicks_from_home_to_a_city_to_a_district(live_server, page, content):
    page.goto(live_server.url + "/")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Amsterdam", exact=True).first.click()
    page.wait_for_url("**/steden/amsterdam/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Amsterdam")
    assert_no_axe_violations(page)

    district = District.objects.filter(city__slug="amsterdam", kind=District.Kind.GEBIED).first()
    page.locator("#wijken").get_by_role("link", name=district.name, exact=True).click()
    page.wait_for_url(f"**{district.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text().startswith(district.name)
    assert_no_axe_violations(page)

    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Amsterdam").click()
    page.wait_for_url("**/steden/amsterdam/")


@pytest.mark.parametrize(
    "path",
    [
        "/steden/",
        "/begrippen/",
        "/bronnen/",
        "/over/",
        "/data/",
        "/api/v1/docs/",
        "/vergelijk/insluiten/?steden=utrecht&steden=den-haag",
        "/steden/bestaat-niet/",
    ],
)
def test_every_other_page_type_has_no_axe_violations(live_server, page, content, path):
    response = page.goto(live_server.url + path)

    assert response.status == (404 if "bestaat-niet" in path else 200)
    assert_no_axe_violations(page)


def test_the_city_page_fits_a_phone_without_sideways_scrolling(live_server, page, content):
    page.goto(live_server.url + "/steden/rotterdam/")

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_the_skip_link_moves_focus_to_the_content(live_server, desktop_page, content):
    desktop_page.goto(live_server.url + "/steden/utrecht/")

    desktop_page.keyboard.press("Tab")
    assert desktop_page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    desktop_page.keyboard.press("Enter")
    assert desktop_page.evaluate("document.activeElement.id") == "inhoud"
