"""Never lose an update: the second of two editors saving the same object is refused."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from approaches.models import Assessment
from cities.models import City
from tests.editors import form_data, make_chief_editor
from tests.factories import make_approach, make_assessment, make_city, make_dimension


def city_url(city) -> str:
    return reverse("admin:cities_city_change", args=[city.pk])


def approach_url(approach) -> str:
    return reverse("admin:approaches_approach_change", args=[approach.pk])


def two_editors():
    # Both may publish, so their saves go live (a Redacteur's save is held back, see
    # tests/test_admin_pending_changes.py).
    first, second = Client(), Client()
    first.force_login(make_chief_editor(username="anna"))
    second.force_login(make_chief_editor(username="bram"))
    return first, second


@pytest.fixture
def city(db):
    return make_city(name="Utrecht", slug="utrecht", summary="Oude samenvatting.")


def test_the_second_of_two_saves_is_refused_and_the_first_is_kept(city):
    anna, bram = two_editors()
    annas_form = form_data(anna.get(city_url(city)))
    brams_form = form_data(bram.get(city_url(city)))

    annas_form["summary"] = "Samenvatting van Anna."
    assert anna.post(city_url(city), annas_form).status_code == 302
    brams_form["summary"] = "Samenvatting van Bram."
    response = bram.post(city_url(city), brams_form)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft deze stad opgeslagen nadat u hem opende (anna" in html
    assert "Samenvatting: opgeslagen staat nu “Samenvatting van Anna.”" in html
    assert "u had “Samenvatting van Bram.”" in html
    city.refresh_from_db()
    assert city.summary == "Samenvatting van Anna."


def test_what_the_refused_editor_typed_stays_in_the_form(city):
    anna, bram = two_editors()
    annas_form = form_data(anna.get(city_url(city)))
    brams_form = form_data(bram.get(city_url(city)))
    annas_form["summary"] = "Samenvatting van Anna."
    anna.post(city_url(city), annas_form)

    brams_form |= {"summary": "Samenvatting van Bram.", "official_name": "Gemeente Utrecht"}
    response = bram.post(city_url(city), brams_form)

    form = response.context["adminform"].form
    assert form["summary"].value() == "Samenvatting van Bram."
    assert form["official_name"].value() == "Gemeente Utrecht"


def test_sending_the_refused_form_again_is_refused_again(city):
    anna, bram = two_editors()
    annas_form = form_data(anna.get(city_url(city)))
    brams_form = form_data(bram.get(city_url(city)))
    annas_form["summary"] = "Samenvatting van Anna."
    anna.post(city_url(city), annas_form)
    brams_form["summary"] = "Samenvatting van Bram."
    bram.post(city_url(city), brams_form)

    assert bram.post(city_url(city), brams_form).status_code == 200
    city.refresh_from_db()
    assert city.summary == "Samenvatting van Anna."


def test_after_reloading_the_second_editor_can_save(city):
    anna, bram = two_editors()
    annas_form = form_data(anna.get(city_url(city)))
    form_data(bram.get(city_url(city)))
    annas_form["summary"] = "Samenvatting van Anna."
    anna.post(city_url(city), annas_form)

    brams_form = form_data(bram.get(city_url(city)))
    brams_form["summary"] = "Samenvatting van Anna, aangevuld door Bram."
    assert bram.post(city_url(city), brams_form).status_code == 302
    city.refresh_from_db()
    assert city.summary == "Samenvatting van Anna, aangevuld door Bram."


def test_every_save_raises_the_version(city):
    anna, _ = two_editors()
    start = city.version
    for text in ["Een.", "Twee."]:
        data = form_data(anna.get(city_url(city)))
        data["summary"] = text
        anna.post(city_url(city), data)
    city.refresh_from_db()
    assert city.version == start + 2


def test_a_form_without_its_version_is_refused(city):
    anna, _ = two_editors()
    data = form_data(anna.get(city_url(city)))
    del data["loaded_version"]
    data["summary"] = "Zonder versie."
    assert anna.post(city_url(city), data).status_code == 200
    city.refresh_from_db()
    assert city.summary == "Oude samenvatting."


def test_the_row_is_locked_before_the_version_is_compared(city):
    """SELECT ... FOR UPDATE first: a concurrent save waits and then sees the new version."""
    anna, _ = two_editors()
    data = form_data(anna.get(city_url(city)))
    data["summary"] = "Nieuw."
    with CaptureQueriesContext(connection) as queries:
        anna.post(city_url(city), data)
    sql = [q["sql"] for q in queries.captured_queries]
    lock = next(i for i, s in enumerate(sql) if 'FROM "cities_city"' in s and "FOR UPDATE" in s)
    update = next(i for i, s in enumerate(sql) if s.startswith('UPDATE "cities_city"'))
    assert lock < update


@pytest.fixture
def approach(db):
    approach = make_approach(city=make_city(slug="den-haag"))
    make_assessment(approach=approach, dimension=make_dimension(name="Sturing"), value="Centraal")
    make_assessment(approach=approach, dimension=make_dimension(name="Budget"), value="Klein")
    return approach


def assessment_field(data: dict, value: str, field: str) -> str:
    """The inline field name of ``field`` in the assessment row whose value is ``value``."""
    prefix = next(
        k.removesuffix("-value") for k, v in data.items() if k.endswith("-value") and v == value
    )
    return f"{prefix}-{field}"


def test_a_stale_inline_row_is_refused(approach):
    anna, bram = two_editors()
    annas_form = form_data(anna.get(approach_url(approach)))
    brams_form = form_data(bram.get(approach_url(approach)))

    annas_form[assessment_field(annas_form, "Centraal", "text")] = "Uitleg van Anna."
    assert anna.post(approach_url(approach), annas_form).status_code == 302
    brams_form[assessment_field(brams_form, "Centraal", "text")] = "Uitleg van Bram."
    response = bram.post(approach_url(approach), brams_form)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft deze typering opgeslagen" in html
    assert "Toelichting: opgeslagen staat nu “Uitleg van Anna.”, u had “Uitleg van Bram.”" in html
    assert Assessment.objects.get(value="Centraal").text == "Uitleg van Anna."


def test_changes_to_different_inline_rows_both_survive(approach):
    anna, bram = two_editors()
    annas_form = form_data(anna.get(approach_url(approach)))
    brams_form = form_data(bram.get(approach_url(approach)))

    annas_form[assessment_field(annas_form, "Centraal", "text")] = "Uitleg van Anna."
    assert anna.post(approach_url(approach), annas_form).status_code == 302
    brams_form[assessment_field(brams_form, "Klein", "text")] = "Uitleg van Bram."
    assert bram.post(approach_url(approach), brams_form).status_code == 302

    assert Assessment.objects.get(value="Centraal").text == "Uitleg van Anna."
    assert Assessment.objects.get(value="Klein").text == "Uitleg van Bram."


def test_deleting_an_inline_row_someone_changed_meanwhile_is_refused(approach):
    anna, bram = two_editors()
    annas_form = form_data(anna.get(approach_url(approach)))
    brams_form = form_data(bram.get(approach_url(approach)))

    annas_form[assessment_field(annas_form, "Centraal", "text")] = "Uitleg van Anna."
    anna.post(approach_url(approach), annas_form)
    brams_form[assessment_field(brams_form, "Centraal", "DELETE")] = "on"
    response = bram.post(approach_url(approach), brams_form)

    assert response.status_code == 200
    assert "is daarom niet verwijderd" in response.content.decode()
    assert Assessment.objects.filter(value="Centraal", text="Uitleg van Anna.").exists()


def test_an_unchanged_parent_keeps_its_version_when_only_a_row_changes(approach):
    anna, _ = two_editors()
    start = approach.version
    data = form_data(anna.get(approach_url(approach)))
    data[assessment_field(data, "Klein", "text")] = "Nieuw."
    anna.post(approach_url(approach), data)
    approach.refresh_from_db()
    assert approach.version == start
    assert City.objects.count() == 1


def test_an_editor_who_only_changed_rows_keeps_what_another_saved_above(approach):
    anna, bram = two_editors()
    annas_form = form_data(anna.get(approach_url(approach)))
    brams_form = form_data(bram.get(approach_url(approach)))

    annas_form["summary"] = "Samenvatting van Anna."
    assert anna.post(approach_url(approach), annas_form).status_code == 302
    brams_form[assessment_field(brams_form, "Klein", "text")] = "Uitleg van Bram."
    assert bram.post(approach_url(approach), brams_form).status_code == 302

    approach.refresh_from_db()
    assert approach.summary == "Samenvatting van Anna."
    assert Assessment.objects.get(value="Klein").text == "Uitleg van Bram."
