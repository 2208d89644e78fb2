"""The reader forms in Chromium on a phone (360 px), checked by axe, and as valid HTML."""

import pytest

from feedback.models import Correction
from tests.conftest import PHONE, assert_no_axe_violations
from tests.test_html_valid import check_with_vnu


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reader_on_a_phone_sends_a_correction_from_the_utrecht_page(
    live_server, phone, content, settings
):
    settings.FEEDBACK_FORM_MIN_SECONDS = 0
    phone.goto(live_server.url + "/steden/utrecht/")
    phone.get_by_role("link", name="Geef een correctie of aanvulling door").click()
    phone.wait_for_url("**/reactie/**")
    assert_no_axe_violations(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    phone.get_by_label("Wat klopt er niet, of wat ontbreekt?").fill("Er zijn tien wijken.")
    phone.get_by_label("Uw e-mailadres (niet verplicht)").fill("lezer@example.org")
    phone.get_by_role("button", name="Versturen").click()
    phone.wait_for_url("**/reactie/bedankt/**")

    assert phone.get_by_role("heading", level=1).inner_text() == "Dank u wel"
    assert_no_axe_violations(phone)
    assert Correction.objects.get().message == "Er zijn tien wijken."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_proposal_form_and_a_refused_correction_pass_axe_on_a_phone(
    live_server, phone, content, settings
):
    settings.FEEDBACK_FORM_MIN_SECONDS = 600  # every send is "too fast": the error state
    phone.goto(live_server.url + "/uw-stad/")
    assert_no_axe_violations(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    phone.goto(live_server.url + "/reactie/?pagina=/steden/utrecht/")
    phone.get_by_label("Wat klopt er niet, of wat ontbreekt?").fill("Mijn tekst")
    phone.get_by_role("button", name="Versturen").click()
    phone.get_by_role("alert").first.wait_for()
    assert phone.get_by_label("Wat klopt er niet, of wat ontbreekt?").input_value() == "Mijn tekst"
    assert_no_axe_violations(phone)


def test_every_feedback_page_is_valid_html(client, content, tmp_path, settings):
    settings.FEEDBACK_FORM_MIN_SECONDS = 600
    pages = {
        "form": client.get("/reactie/?pagina=/steden/utrecht/"),
        "proposal": client.get("/uw-stad/"),
        "thanks": client.get("/reactie/bedankt/?pagina=/steden/utrecht/"),
        "proposal-thanks": client.get("/uw-stad/bedankt/"),
        "errors": client.post("/reactie/?pagina=/steden/utrecht/", {"message": "", "token": "x"}),
        "proposal-errors": client.post("/uw-stad/", {"city_name": "Utrecht", "token": "x"}),
    }
    files = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)

    problems = [
        f"{m['url']}: {m['message']}"
        for m in check_with_vnu(files)
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert not problems, "\n".join(problems)
