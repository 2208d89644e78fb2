"""An editor in Chromium: log in, change Utrecht's summary, publish, see it on the public page."""

import pytest

from cities.models import City
from tests.editors import make_chief_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_SUMMARY = "Utrecht werkt wijkgericht in tien wijken, met een **wijkagenda** per wijk."


def test_an_editor_changes_utrechts_summary_and_publishes_it(live_server, desktop_page, content):
    make_chief_editor(username="hanna")
    City.objects.filter(slug="utrecht").update(status="concept")
    page = desktop_page

    page.goto(live_server.url + "/beheer/")
    page.get_by_label("Gebruikersnaam").fill("hanna")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Inhoud beheren").wait_for()

    page.get_by_role("link", name="Steden", exact=True).first.click()
    page.locator("#result_list").get_by_role("link", name="Utrecht", exact=True).click()
    page.get_by_label("Samenvatting").fill(NEW_SUMMARY)
    page.get_by_label("Status").select_option("gepubliceerd")
    page.get_by_role("button", name="Opslaan", exact=True).first.click()
    page.locator(".messagelist").wait_for()
    assert "met succes gewijzigd" in page.locator(".messagelist").inner_text()

    page.locator("#result_list").get_by_role("link", name="Utrecht", exact=True).click()
    page.get_by_role("link", name="Bekijk op de site").click()
    page.wait_for_url("**/steden/utrecht/")
    assert "wijkagenda" in page.locator(".summary").first.inner_html()
    assert "<strong>" in page.locator(".summary").first.inner_html()

    visitor = page.context.browser.new_context(locale="nl-NL")
    public = visitor.new_page()
    response = public.goto(live_server.url + "/steden/utrecht/")
    assert response.status == 200
    assert "met een wijkagenda per wijk" in public.locator(".summary").first.inner_text()
    visitor.close()
    assert City.objects.get(slug="utrecht").published_at is not None
