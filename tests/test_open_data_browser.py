"""A researcher in Chromium: home, the data page, Utrecht's files, the API reference, JSON."""

import csv
import io
import json

import pytest

from tests.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_researcher_gets_utrecht_s_districts_and_the_four_cities(
    live_server, desktop_page, content
):
    page = desktop_page
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Open data").first.click()
    page.wait_for_url("**/data/")
    assert_no_axe_violations(page)

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Utrecht: wijken als CSV").click()
    text = csv_download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert any(row["slug"] == "overvecht" for row in rows)

    with page.expect_download() as geojson_download:
        page.get_by_role("link", name="Utrecht: wijken als GeoJSON").click()
    collection = json.loads(geojson_download.value.path().read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(rows)

    page.get_by_role("link", name="API-referentie").click()
    page.wait_for_url("**/api/v1/docs/")
    assert page.get_by_role("heading", level=1).inner_text() == "API-referentie"
    page.get_by_role("link", name="Probeer /api/v1/steden/").click()
    page.wait_for_url("**/api/v1/steden/")
    cities = json.loads(page.locator("body").inner_text())
    assert [c["name"] for c in cities["items"]] == ["Amsterdam", "Den Haag", "Rotterdam", "Utrecht"]


def test_the_embedded_comparison_works_inside_an_iframe(live_server, desktop_page, content):
    embed = f"{live_server.url}/vergelijk/insluiten/?steden=utrecht&steden=den-haag"
    blocked = f"{live_server.url}/vergelijk/?steden=utrecht&steden=den-haag"
    # A page of "another site", answered by the browser itself: any framing page is refused by
    # frame-ancestors 'none', its own origin included, so this tells the two pages apart.
    host_page = f"{live_server.url}/elders.html"
    desktop_page.route(
        host_page,
        lambda route: route.fulfill(
            content_type="text/html",
            body=f'<!doctype html><title>x</title><iframe id="goed" src="{embed}"></iframe>'
            f'<iframe id="fout" src="{blocked}"></iframe>',
        ),
    )
    desktop_page.goto(host_page)
    framed = desktop_page.frame_locator("#goed")
    framed.get_by_role("heading", level=1).wait_for()
    assert "Utrecht en Den Haag" in framed.get_by_role("heading", level=1).inner_text()
    assert (
        framed.get_by_role("link", name="Buurtwijs, platform voor buurtontwikkeling").count() == 1
    )
    refused = desktop_page.frame_locator("#fout")
    assert refused.get_by_role("heading", level=1).count() == 0
