"""Bad input in the admin: a Dutch message next to the field, and nothing typed is lost."""

import datetime

import pytest
from django.urls import reverse

from approaches.models import Assessment, Period
from cities.models import District
from editorial.models import Status
from tests.editors import form_data, make_editor
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_district,
    make_period,
)


@pytest.fixture
def editor(client, db):
    client.force_login(make_editor())
    return client


def add(client, model, **fields):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    return client.post(url, form_data(client.get(url)) | fields)


def change(client, obj, **fields):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return client.post(url, form_data(client.get(url)) | fields)


def errors(response, field: str) -> list[str]:
    return response.context["adminform"].form.errors.get(field, [])


def inline_errors(response, prefix: str) -> list[dict]:
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == prefix
    )
    return formset.errors


def test_a_district_slug_taken_in_the_same_city_is_refused_next_to_the_slug(editor):
    city = make_city()
    make_district(city=city, slug="overvecht")
    response = add(
        editor,
        District,
        city=city.pk,
        name="Overvecht",
        slug="overvecht",
        kind="wijk",
        summary="Mijn tekst.",
    )
    assert response.status_code == 200
    assert errors(response, "slug") == [
        "Deze stad heeft al een wijk of gebied met deze slug. Kies een andere."
    ]
    # What the editor typed is still there.
    assert response.context["adminform"].form["summary"].value() == "Mijn tekst."


def test_the_same_district_slug_in_another_city_is_fine(editor):
    make_district(slug="centrum")
    response = add(
        editor, District, city=make_city().pk, name="Centrum", slug="centrum", kind="wijk"
    )
    assert response.status_code == 302


def test_a_district_cannot_lie_in_an_area_of_another_city(editor):
    elsewhere = make_district(kind="stadsdeel")
    district = make_district()
    response = change(editor, district, parent=elsewhere.pk)
    assert errors(response, "parent") == ["Het grotere gebied moet in dezelfde stad liggen."]


def test_a_period_ending_before_it_starts_is_refused_next_to_the_end(editor):
    period = make_period(description="Wat ik schreef.")
    response = change(editor, period, starts_on="2018-03-21", ends_on="2014-01-01")
    assert response.status_code == 200
    assert errors(response, "ends_on") == ["Een periode kan niet eindigen voordat ze begint."]
    assert response.context["adminform"].form["ends_on"].value() == "2014-01-01"
    period.refresh_from_db()
    assert period.ends_on is None


def test_a_period_in_the_approach_form_is_checked_too(editor):
    approach = make_approach()
    make_period(approach=approach)
    response = change(
        editor,
        approach,
        **{"periods-0-starts_on": "2018-03-21", "periods-0-ends_on": "2017-12-31"},
    )
    assert inline_errors(response, "periods")[0]["ends_on"] == [
        "Een periode kan niet eindigen voordat ze begint."
    ]
    assert Period.objects.get().ends_on is None


def test_a_second_assessment_on_a_dimension_is_refused_next_to_the_dimension(editor):
    assessment = make_assessment()
    response = add(
        editor,
        Assessment,
        approach=assessment.approach.pk,
        dimension=assessment.dimension.pk,
        value="Nog een keer",
    )
    assert errors(response, "dimension") == ["Deze aanpak heeft al een typering op deze dimensie."]


def test_one_dimension_twice_in_the_approach_form_is_refused_on_the_row(editor):
    approach = make_approach()
    dimension = make_dimension()
    rows = {
        "assessments-TOTAL_FORMS": "2",
        "assessments-0-dimension": dimension.pk,
        "assessments-0-value": "Eerste",
        "assessments-1-dimension": dimension.pk,
        "assessments-1-value": "Tweede",
    }
    response = change(editor, approach, **rows)
    assert response.status_code == 200
    assert inline_errors(response, "assessments")[1]["dimension"] == [
        "Deze dimensie staat hier twee keer; één typering per dimensie."
    ]
    assert not Assessment.objects.exists()


def test_a_new_row_for_a_dimension_already_assessed_is_refused(editor):
    assessment = make_assessment()
    response = change(
        editor,
        assessment.approach,
        **{
            "assessments-TOTAL_FORMS": "2",
            "assessments-1-dimension": assessment.dimension.pk,
            "assessments-1-value": "Dubbel",
        },
    )
    assert inline_errors(response, "assessments")[1]["dimension"] == [
        "Deze aanpak heeft al een typering op deze dimensie."
    ]


def test_an_approach_slug_is_unique_within_its_city(editor):
    existing = make_approach(slug="wijkaanpak")
    other = make_approach(city=existing.city)
    response = change(editor, other, slug="wijkaanpak")
    assert errors(response, "slug") == [
        "Deze stad heeft al een aanpak met deze slug. Kies een andere."
    ]


def test_pre_filled_rows_the_editor_left_empty_are_ignored(editor):
    approach = make_approach()
    make_dimension()
    make_dimension()
    url = reverse("admin:approaches_approach_change", args=[approach.pk])
    response = editor.get(url)
    data = form_data(response)
    formset = next(
        f.formset
        for f in response.context["inline_admin_formsets"]
        if f.formset.prefix == "assessments"
    )
    for index, form in enumerate(formset.extra_forms):
        data[f"assessments-{index}-dimension"] = form.initial["dimension"]
    data["assessments-TOTAL_FORMS"] = str(len(formset.extra_forms))
    data["assessments-0-value"] = "Ingevuld"
    assert editor.post(url, data).status_code == 302
    assert list(Assessment.objects.values_list("value", flat=True)) == ["Ingevuld"]


def test_a_malformed_cbs_code_is_explained(editor):
    response = change(editor, make_city(), cbs_code="0344")
    assert errors(response, "cbs_code") == ["Een CBS-gemeentecode ziet eruit als GM0344."]


def test_dates_in_dutch_notation_are_accepted(editor):
    period = make_period(status=Status.DRAFT)  # a draft, so the change is saved at once
    response = change(editor, period, starts_on="21-03-2018")
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.starts_on == datetime.date(2018, 3, 21)
