"""The maps in Chromium at phone and desktop width: visible, keyboard-usable and axe-clean.

Screenshots land in test-artifacts/maps/ (git-ignored) for a person to look at.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from cities import maps
from cities.models import District
from tests.conftest import PHONE, assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "maps"


@pytest.fixture
def boundaries(content):
    call_command("load_boundaries", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    District.objects.filter(cbs_code="WK051829").update(focus_area=District.Focus.YES)
    maps.clear_cache()


def screenshot(page, name: str) -> None:
    """The map with its legend and attribution, as a reader sees it."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.locator(".map-section").first.screenshot(path=ARTIFACTS / f"{name}-{width}.png")


def assert_visible_with_size(locator) -> None:
    assert locator.is_visible()
    box = locator.bounding_box()
    assert box["width"] > 100 and box["height"] > 50, box


def test_the_city_maps_show_at_phone_and_desktop_width(live_server, page, boundaries):
    for city in ["amsterdam", "den-haag", "rotterdam", "utrecht"]:
        page.goto(f"{live_server.url}/steden/{city}/")

        assert_visible_with_size(page.locator("svg.map--city"))
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        screenshot(page, f"stad-{city}")
        assert_no_axe_violations(page)


def test_the_district_map_shows_at_phone_and_desktop_width(live_server, page, boundaries):
    district = District.objects.select_related("city").get(cbs_code="WK036387")
    page.goto(live_server.url + district.get_absolute_url())

    assert_visible_with_size(page.locator("svg.map--district"))
    screenshot(page, "wijk-westlandgracht")
    assert_no_axe_violations(page)


def test_the_home_page_shows_the_four_cities(live_server, page, boundaries):
    page.goto(live_server.url + "/")

    outlines = page.locator(".map-multiples svg")
    assert outlines.count() == 4
    for index in range(4):
        assert_visible_with_size(outlines.nth(index))
    screenshot(page, "home")
    assert_no_axe_violations(page)


def test_a_keyboard_user_sees_focus_on_a_district_and_can_follow_it(
    live_server, desktop_page, boundaries
):
    desktop_page.goto(live_server.url + "/steden/utrecht/")
    link = desktop_page.locator("svg.map--city a").first
    path = link.locator("path")
    fill_before = path.evaluate("p => getComputedStyle(p).fill")

    link.focus()
    desktop_page.keyboard.press("Shift+Tab")
    desktop_page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies

    assert desktop_page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        link.get_attribute("aria-label")
    )
    assert path.evaluate("p => getComputedStyle(p).fill") != fill_before
    assert link.evaluate("a => getComputedStyle(a).outlineStyle") == "solid"
    screenshot(desktop_page, "stad-utrecht-focus")
    href = link.get_attribute("href")
    desktop_page.keyboard.press("Enter")
    desktop_page.wait_for_url(f"**{href}")


@pytest.mark.parametrize("page", [PHONE], indirect=True, ids=["telefoon"])
def test_on_a_phone_labels_are_readable_and_small_districts_are_reachable_by_the_list(
    live_server, page, boundaries
):
    page.goto(f"{live_server.url}/steden/utrecht/")
    svg_box = page.locator("svg.map--city").bounding_box()
    labels = page.locator("svg.map--city .map-labels text:visible")
    assert labels.count() >= 3
    # Names that fit only in small letters are left to wider screens.
    assert page.locator("svg.map--city .map-labels--small text").count() >= 1
    assert page.locator("svg.map--city .map-labels--small text:visible").count() == 0
    for n in range(labels.count()):
        box = labels.nth(n).bounding_box()
        assert box["height"] >= 10, box  # about 11 px letters on a 360 px screen
        assert svg_box["x"] <= box["x"]
        assert box["x"] + box["width"] <= svg_box["x"] + svg_box["width"]
    screenshot(page, "stad-utrecht-labels")

    page.goto(f"{live_server.url}/steden/rotterdam/")
    assert page.get_by_text("lastig aan te tikken").is_visible()
    page.locator(".map-list summary").click()
    page.locator(".map-list").get_by_role("link", name="Rivium").click()
    page.wait_for_url("**/wijken/rivium/")
    assert page.locator("h1").inner_text().startswith("Rivium")
    assert_no_axe_violations(page)
