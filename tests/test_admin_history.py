"""History: who changed what and when, a comparison with the current text, revert and recover."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from approaches.models import Approach, Assessment
from cities.models import City, District
from tests.editors import form_data, make_chief_editor, make_editor
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_district,
)


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def history_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def save(client, obj, **changes):
    data = form_data(client.get(change_url(obj))) | changes
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()


def revision_url(obj, version) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[obj.pk, version.pk])


def versions(obj) -> list:
    return list(Version.objects.get_for_object(obj).order_by("pk"))


@pytest.fixture
def chief(db):
    client = Client()
    client.force_login(make_chief_editor(username="hanna"))
    return client


@pytest.fixture
def city(db):
    return make_city(name="Utrecht", slug="utrecht", summary="Tien wijken en een wijkaanpak.")


def test_every_save_is_kept_with_who_and_what(chief, city):
    save(chief, city, summary="Tien wijken, één aanpak.")
    save(chief, city, official_name="Gemeente Utrecht")

    response = chief.get(history_url(city))
    html = response.content.decode()
    assert len(versions(city)) == 2
    assert html.count("<td>hanna</td>") == 2
    assert "Samenvatting gewijzigd." in html
    assert "Officiële naam gewijzigd." in html


def test_the_history_compares_a_version_word_by_word_with_the_current_text(chief, city):
    save(chief, city, summary="Tien wijken en een wijkaanpak.")
    save(chief, city, summary="Tien wijken en een gebiedsaanpak.")
    first = versions(city)[0]

    html = chief.get(revision_url(city, first)).content.decode()
    assert "Wat terugzetten verandert" in html
    assert "<del>gebiedsaanpak.</del>" in html
    assert "<ins>wijkaanpak.</ins>" in html


def test_the_comparison_escapes_what_editors_typed(chief, city):
    save(chief, city, summary="<script>alert(1)</script>")
    save(chief, city, summary="Veilig.")
    html = chief.get(revision_url(city, versions(city)[0])).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_hoofdredacteur_reverts_to_an_earlier_version(chief, city):
    save(chief, city, summary="Eerste tekst.")
    save(chief, city, summary="Tweede tekst.")
    before = city.version
    first = versions(city)[0]

    data = form_data(chief.get(revision_url(city, first)))
    assert chief.post(revision_url(city, first), data).status_code == 302

    city.refresh_from_db()
    assert city.summary == "Eerste tekst."
    # A revert is a new change: a form loaded before it must not pass as current.
    assert city.version > before
    assert len(versions(city)) == 3


def test_reverting_an_approach_puts_back_its_rows(chief, db):
    approach = make_approach(city=make_city(slug="den-haag"))
    assessment = make_assessment(approach=approach, value="Centraal", text="Eerste uitleg.")
    save(chief, approach)
    first = versions(approach)[0]

    Assessment.objects.filter(pk=assessment.pk).update(text="Latere uitleg.")
    later = make_assessment(approach=approach, dimension=make_dimension(), value="Later")
    html = chief.get(revision_url(approach, first)).content.decode()
    assert "verdwijnt" in html

    data = form_data(chief.get(revision_url(approach, first)))
    assert chief.post(revision_url(approach, first), data).status_code == 302
    assessment.refresh_from_db()
    assert assessment.text == "Eerste uitleg."
    assert not Assessment.objects.filter(pk=later.pk).exists()


def test_a_redacteur_sees_a_version_but_cannot_revert(client, chief, city):
    save(chief, city, summary="Eerste tekst.")
    save(chief, city, summary="Tweede tekst.")
    first = versions(city)[0]
    client.force_login(make_editor())

    response = client.get(revision_url(city, first))
    assert response.status_code == 200
    assert "Alleen een hoofdredacteur kan een oude versie terugzetten." in response.content.decode()
    assert 'name="_save"' not in response.content.decode()
    data = form_data(response)
    assert client.post(revision_url(city, first), data).status_code == 403
    city.refresh_from_db()
    assert city.summary == "Tweede tekst."


def test_viewing_a_version_changes_nothing(chief, city):
    save(chief, city, summary="Eerste tekst.")
    save(chief, city, summary="Tweede tekst.")
    version = city.version
    chief.get(revision_url(city, versions(city)[0]))
    city.refresh_from_db()
    assert (city.summary, city.version) == ("Tweede tekst.", version)


def test_a_deleted_city_comes_back_with_its_districts_and_approaches(chief, city):
    district = make_district(city=city, name="Overvecht", slug="overvecht")
    approach = make_approach(city=city, name="Wijkgericht werken")
    make_assessment(approach=approach, value="Overal")
    chief.post(reverse("admin:cities_city_delete", args=[city.pk]), {"post": "yes"})
    assert not City.objects.exists()

    recover_list = chief.get(reverse("admin:cities_city_recoverlist"))
    assert "Utrecht" in recover_list.content.decode()
    deleted = Version.objects.get_deleted(City).get()
    recover_url = reverse("admin:cities_city_recover", args=[deleted.pk])
    data = form_data(chief.get(recover_url))
    assert chief.post(recover_url, data).status_code == 302

    assert City.objects.get(slug="utrecht").summary == city.summary
    assert District.objects.get(pk=district.pk).name == "Overvecht"
    assert Approach.objects.get(pk=approach.pk).assessments.get().value == "Overal"


def test_content_loaded_by_a_command_says_it_has_no_history_yet(chief, city):
    html = chief.get(history_url(city)).content.decode()
    assert "Van dit object is nog geen versie bewaard." in html


def test_a_redacteur_cannot_recover_deleted_content(client, db):
    client.force_login(make_editor())
    assert client.get(reverse("admin:cities_city_recoverlist")).status_code == 403
    assert (
        "Verwijderde steden herstellen"
        not in client.get(reverse("admin:cities_city_changelist")).content.decode()
    )


def test_a_hoofdredacteur_finds_deleted_content_from_the_list(chief, db):
    html = chief.get(reverse("admin:cities_city_changelist")).content.decode()
    assert "Verwijderde steden herstellen" in html


def test_initial_revisions_give_loaded_content_a_first_version(chief, city):
    from django.core.management import call_command

    district = make_district(city=city)
    approach = make_approach(city=city)
    make_assessment(approach=approach)
    call_command("createinitialrevisions", verbosity=0)
    call_command("createinitialrevisions", verbosity=0)

    assert len(versions(city)) == 1
    assert len(versions(district)) >= 1
    assert len(versions(approach)) == 1
    assert chief.get(revision_url(city, versions(city)[0])).status_code == 200
