"""Every kind of admin screen passes axe-core at phone and desktop width, and an editor can go
from editing to preview to publishing with the keyboard alone."""

import pytest
import reversion
from django.contrib import admin
from django.urls import reverse
from reversion.models import Version

from approaches.models import Approach, Assessment, Dimension, Period, Role, Trait
from cities.models import City, District
from editorial.models import Status
from editorial.registry import content_models
from library.models import Source, Term
from tests.conftest import assert_no_axe_violations
from tests.editors import make_chief_editor
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_district,
    make_period,
    make_role,
    make_source,
    make_term,
    make_trait,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord-42"


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def one_of_each() -> dict:
    with reversion.create_revision():
        city = make_city(name="Utrecht", slug="utrecht", summary="Een **vette** zin.")
        approach = make_approach(city=city)
        role = make_role()
        role.approaches.add(approach)
        make_dimension(name="Financiering")
        objects = {
            City: city,
            District: make_district(city=city),
            Approach: approach,
            Dimension: make_dimension(),
            Assessment: make_assessment(approach=approach),
            Trait: make_trait(approach=approach),
            Period: make_period(approach=approach),
            Role: role,
            Source: make_source(),
            Term: make_term(),
        }
    return objects


def log_in(page, base: str) -> None:
    make_chief_editor(username="hanna")
    page.goto(base + reverse("admin:login"))
    assert_no_axe_violations(page)
    page.get_by_label("Gebruikersnaam").fill("hanna")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Inhoud beheren").wait_for()


def screens(objects) -> list[str]:
    found = [reverse("admin:index")]
    for model in content_models():
        if model not in admin.site._registry:
            continue
        obj = objects[model]
        found += [
            admin_url(model, "changelist"),
            admin_url(model, "change", obj.pk),
            admin_url(model, "add"),
            admin_url(model, "history", obj.pk),
        ]
    city = objects[City]
    version = Version.objects.get_for_object(city).first()
    found += [
        admin_url(City, "revision", city.pk, version.pk),
        admin_url(Source, "delete", objects[Source].pk),
        admin_url(Source, "recoverlist"),
    ]
    return found


def test_every_kind_of_admin_screen_passes_axe(live_server, page):
    objects = one_of_each()
    log_in(page, live_server.url)
    source = objects[Source]
    failures = []
    for address in screens(objects):
        response = page.goto(live_server.url + address)
        assert response.status == 200, address
        try:
            assert_no_axe_violations(page)
        except AssertionError as error:
            failures.append(f"{address}\n{error}")
    # A deleted source, to be recovered.
    version = Version.objects.get_for_object(source).first()
    source.delete()
    page.goto(live_server.url + admin_url(Source, "recover", version.pk))
    try:
        assert_no_axe_violations(page)
    except AssertionError as error:
        failures.append(f"herstellen\n{error}")
    assert not failures, "\n\n".join(failures)


def test_the_admin_fits_the_width_of_the_screen(live_server, desktop_page):
    objects = one_of_each()
    page = desktop_page
    log_in(page, live_server.url)
    for address in [
        admin_url(City, "change", objects[City].pk),
        admin_url(Approach, "change", objects[Approach].pk),
        admin_url(District, "changelist"),
        admin_url(Approach, "changelist"),
    ]:
        page.goto(live_server.url + address)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1280, f"{address}: {width} px breed"


def test_an_editor_edits_previews_and_publishes_with_the_keyboard_only(live_server, desktop_page):
    city = make_city(name="Utrecht", slug="utrecht", summary="Oud.", status=Status.DRAFT)
    page = desktop_page
    make_chief_editor(username="hanna")
    page.goto(live_server.url + reverse("admin:login"))

    def tab_to(locator, limit: int = 250) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if locator.evaluate("el => el === document.activeElement"):
                return
        raise AssertionError(f"niet met Tab te bereiken: {locator}")

    tab_to(page.get_by_label("Gebruikersnaam"))
    page.keyboard.type("hanna")
    tab_to(page.get_by_label("Wachtwoord"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Inhoud beheren").wait_for()

    tab_to(page.get_by_role("link", name="Steden", exact=True).first)
    page.keyboard.press("Enter")
    tab_to(page.locator("#result_list").get_by_role("link", name="Utrecht", exact=True))
    page.keyboard.press("Enter")
    summary = page.locator("#id_summary")
    tab_to(summary)
    page.keyboard.press("Control+A")
    page.keyboard.type("Nieuw met de toetsen.")
    page.keyboard.press("Shift+Tab")  # and back, as one would, to the save button further on
    tab_to(page.get_by_role("button", name="Opslaan en opnieuw bewerken").last)
    page.keyboard.press("Enter")
    page.locator(".messagelist").wait_for()

    # Preview: the draft on the site, as staff see it.
    tab_to(page.get_by_role("link", name="Bekijk op de site"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/steden/utrecht/")
    assert "Nieuw met de toetsen." in page.content()
    page.go_back()

    status = page.get_by_label("Status")
    tab_to(status)
    page.keyboard.press("ArrowDown") if status.input_value() != "gepubliceerd" else None
    page.select_option(
        "#id_status", "gepubliceerd"
    ) if status.input_value() != "gepubliceerd" else None
    tab_to(page.get_by_role("button", name="Opslaan", exact=True).last)
    page.keyboard.press("Enter")
    page.locator(".messagelist").wait_for()
    city.refresh_from_db()
    assert city.status == Status.PUBLISHED
    assert city.summary == "Nieuw met de toetsen."
