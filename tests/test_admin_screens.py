"""The admin at /beheer/: every content model has a Dutch list, add and change screen."""

import pytest
from django.urls import reverse

from approaches.models import Approach, Assessment, Dimension, Period, Role, Trait
from cities.models import City, District
from library.models import Source, Term
from tests.editors import make_chief_editor, make_editor
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

CONTENT_MODELS = [
    City,
    District,
    Approach,
    Dimension,
    Assessment,
    Trait,
    Period,
    Role,
    Source,
    Term,
]


def url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture
def one_of_each(db):
    city = make_city(name="Utrecht", slug="utrecht")
    approach = make_approach(city=city)
    role = make_role()
    role.approaches.add(approach)
    return {
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


def test_the_admin_is_dutch_and_titled_buurtwijs(client, db):
    client.force_login(make_editor())
    response = client.get("/beheer/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Inhoud beheren | Buurtwijs</title>" in html
    assert "Buurtwijs beheer" in html
    assert 'lang="nl"' in html
    assert "Steden en wijken" in html
    assert "Afmelden" in html


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get("/beheer/cities/city/")
    assert response.status_code == 302
    assert response["Location"].startswith("/beheer/login/")


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_every_content_model_has_a_list_an_add_form_and_a_change_form(client, one_of_each, model):
    client.force_login(make_editor())
    obj = one_of_each[model]
    assert client.get(url(model, "changelist")).status_code == 200
    assert client.get(url(model, "add")).status_code == 200
    response = client.get(url(model, "change", obj.pk))
    assert response.status_code == 200
    assert str(obj).split(" ")[0] in response.content.decode()


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_every_list_can_be_searched(client, one_of_each, model):
    client.force_login(make_editor())
    response = client.get(url(model, "changelist"), {"q": "zoekterm die nergens staat"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 0


def test_lists_filter_by_city_status_and_kind(client, one_of_each):
    client.force_login(make_editor())
    city = one_of_each[City]
    other = make_district(kind=District.Kind.STADSDEEL)
    response = client.get(url(District, "changelist"), {"city__id__exact": city.pk})
    assert list(response.context["cl"].result_list) == [one_of_each[District]]
    response = client.get(url(District, "changelist"), {"kind__exact": "stadsdeel"})
    assert list(response.context["cl"].result_list) == [other]
    response = client.get(url(District, "changelist"), {"status__exact": "concept"})
    assert list(response.context["cl"].result_list) == []


def test_the_district_list_takes_a_fixed_number_of_queries(
    client, one_of_each, django_assert_max_num_queries
):
    client.force_login(make_editor())
    for _ in range(30):
        make_district(city=one_of_each[City])
    with django_assert_max_num_queries(12):
        assert client.get(url(District, "changelist")).status_code == 200


def test_the_city_form_links_to_its_districts_by_kind_and_to_its_approach(client, one_of_each):
    client.force_login(make_editor())
    city = one_of_each[City]
    for _ in range(2):
        make_district(city=city, kind=District.Kind.STADSDEEL)
    response = client.get(url(City, "change", city.pk))
    html = response.content.decode()
    assert "districts-0-name" not in html  # edited on their own list, not inline
    districts = url(District, "changelist")
    assert f'href="{districts}?city__id__exact={city.pk}"' in html
    assert f"{districts}?city__id__exact={city.pk}&amp;kind__exact=stadsdeel" in html
    assert "2 × Stadsdeel" in html
    assert "Alle 3 wijken en gebieden van Utrecht" in html
    approach = one_of_each[Approach]
    assert url(Approach, "change", approach.pk) in html
    listed = client.get(f"{districts}?city__id__exact={city.pk}&kind__exact=stadsdeel")
    assert listed.context["cl"].result_count == 2


def test_a_change_form_links_to_the_public_page(client, one_of_each):
    client.force_login(make_editor())
    city = one_of_each[City]
    response = client.get(url(City, "change", city.pk))
    html = response.content.decode()
    assert "Bekijk op de site" in html
    link = response.context["absolute_url"]
    assert client.get(link, follow=True).redirect_chain[-1][0].endswith("/steden/utrecht/")


def test_roles_and_rows_without_a_page_link_to_the_page_that_shows_them(client, one_of_each):
    client.force_login(make_editor())
    for model in [Role, Assessment, Trait, Period]:
        response = client.get(url(model, "change", one_of_each[model].pk))
        assert response.context["absolute_url"].startswith("/steden/utrecht/"), model


def test_the_approach_form_offers_a_row_for_every_dimension_without_assessment(client, one_of_each):
    client.force_login(make_editor())
    approach = one_of_each[Approach]
    missing = [make_dimension(name="Financiering"), make_dimension(name="Democratie")]
    response = client.get(url(Approach, "change", approach.pk))
    formset = next(
        f.formset
        for f in response.context["inline_admin_formsets"]
        if f.formset.prefix == "assessments"
    )
    assert formset.initial_form_count() == 1
    prefilled = [form.initial.get("dimension") for form in formset.extra_forms]
    assert prefilled == [d.pk for d in Dimension.objects.exclude(assessments__approach=approach)]
    assert {d.pk for d in missing} <= set(prefilled)


def test_dimensions_are_reordered_in_the_list(client, db):
    client.force_login(make_chief_editor())
    first, second = make_dimension(name="Eerste", order=1), make_dimension(name="Tweede", order=2)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": first.pk,
        "form-0-order": "5",
        "form-1-id": second.pk,
        "form-1-order": "1",
        "_save": "Opslaan",
    }
    response = client.post(url(Dimension, "changelist"), data)
    assert response.status_code == 302
    assert list(Dimension.objects.order_by("order")) == [second, first]


def test_long_texts_explain_markdown_once_with_a_preview(client, one_of_each):
    client.force_login(make_editor())
    city = one_of_each[City]
    City.objects.filter(pk=city.pk).update(summary="Een **vette** zin.")
    response = client.get(url(City, "change", city.pk))
    html = response.content.decode()
    assert html.count("Opmaak in Markdown") == 1  # once per form, not under every text box
    assert "Een <strong>vette</strong> zin." in html  # the preview, as the site renders it


ENGLISH = ["Select an option", ">Role<", "Loaded version", "AXES", "Axes", "Delete?", "Note: "]


@pytest.mark.parametrize("role", ["redacteur", "hoofdredacteur"])
def test_no_english_left_on_the_screens_an_editor_sees(client, one_of_each, role):
    client.force_login(make_editor() if role == "redacteur" else make_chief_editor())
    addresses = ["/beheer/"]
    for model, obj in one_of_each.items():
        addresses += [url(model, "changelist"), url(model, "change", obj.pk), url(model, "add")]
    for address in addresses:
        html = client.get(address).content.decode()
        found = [word for word in ENGLISH if word in html]
        assert not found, f"{address}: {found}"


def test_an_incomplete_profile_says_so_in_words_not_a_green_tick(client, one_of_each):
    client.force_login(make_editor())
    Approach.objects.filter(pk=one_of_each[Approach].pk).update(is_incomplete=True)
    html = client.get(url(Approach, "changelist")).content.decode()
    assert "nog onvolledig" in html
    assert "icon-yes.svg" not in html


def test_inline_rows_cannot_change_or_delete_shared_rows(client, one_of_each):
    client.force_login(make_chief_editor())
    html = client.get(url(Approach, "change", one_of_each[Approach].pk)).content.decode()
    for shared in [Dimension, Role]:
        opts = shared._meta
        assert f"/beheer/{opts.app_label}/{opts.model_name}/__fk__/delete/" not in html
        assert "delete-related" not in html and "change-related" not in html
