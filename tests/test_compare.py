"""The comparison /vergelijk/: cities side by side, the htmx fragment, CSV, and bad input."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from approaches.models import Approach, Assessment, Dimension, Theme, Trait
from cities.models import DemocracyLink, District
from editorial.models import Status
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_district,
    make_option,
    make_role,
    make_source,
    make_term,
    make_trait,
)

pytestmark = pytest.mark.django_db
URL = reverse("compare")


def compare(client, *slugs, **params):
    return client.get(URL, {"steden": list(slugs), **params})


def row(response, key):
    return next(r for r in response.context["table"].rows if r.key == key)


def row_keys(response) -> list[str]:
    return [r.key for r in response.context["table"].rows]


@pytest.fixture
def three_cities():
    """Utrecht, Den Haag and Amsterdam with two dimensions on which they partly agree."""
    steering = make_dimension(name="Sturing", slug="sturing", order=2, question="Wie stuurt?")
    scale = make_dimension(name="Schaal", slug="schaal", order=1, question="Op welke schaal?")
    makelaar = make_role(name="Sociaal makelaar")
    cities = {}
    for name, slug, value, elections in [
        ("Utrecht", "utrecht", "Wijkbureau", False),
        ("Den Haag", "den-haag", "Programmabureau", False),
        ("Amsterdam", "amsterdam", "Stadsdeel", True),
    ]:
        city = make_city(
            name=name,
            slug=slug,
            district_elections=elections,
            democracy_link=DemocracyLink.STADSDEELCOMMISSIES if elections else DemocracyLink.NONE,
        )
        approach = make_approach(city=city, name=f"Aanpak {name}", scope=Approach.Scope.WHOLE_CITY)
        make_assessment(
            approach=approach,
            dimension=steering,
            category=value,
            value=value,
            text=f"Over {name}.",
        )
        make_assessment(
            approach=approach, dimension=scale, category="Wijk", value="Wijk", text="Tien wijken."
        )
        make_trait(approach=approach, kind=Trait.Kind.STRENGTH, text=f"Sterk in {name}.")
        approach.roles.add(makelaar)
        approach.sources.add(make_source(title=f"Bron over {name}", slug=f"bron-{slug}"))
        cities[slug] = city
    return cities


# The table


def test_two_cities_side_by_side_one_column_each(client, three_cities):
    response = compare(client, "utrecht", "den-haag")

    assert response.status_code == 200
    table = response.context["table"]
    assert [c.name for c in table.cities] == ["Utrecht", "Den Haag"]
    assert '<th scope="col"><a href="/steden/utrecht/">Utrecht</a></th>' in response.text
    assert '<caption id="vergelijking-titel">Utrecht en Den Haag naast elkaar</caption>' in (
        response.text
    )


def test_dimensions_follow_the_editors_order(client, three_cities):
    response = compare(client, "utrecht", "den-haag")

    keys = row_keys(response)
    assert keys.index("dimensie-schaal") < keys.index("dimensie-sturing")


def test_a_cell_shows_the_short_value_with_the_longer_text_in_details(client, three_cities):
    response = compare(client, "utrecht", "den-haag")

    cells = row(response, "dimensie-sturing").cells
    assert [c.category for c in cells] == ["Wijkbureau", "Programmabureau"]
    assert [c.value for c in cells] == ["Wijkbureau", "Programmabureau"]
    assert '<p class="cell-category">Programmabureau</p>' in response.text
    assert '<p class="cell-value">Programmabureau</p>' in response.text
    assert "<summary>Toelichting" in response.text
    assert "<p>Over Den Haag.</p>" in response.text


def test_the_rows_come_in_groups_per_theme_without_duplicates(client, three_cities):
    Dimension.objects.filter(slug="sturing").update(theme=Theme.ORGANISATION)
    Dimension.objects.filter(slug="schaal").update(theme=Theme.DEMOCRACY)

    response = compare(client, "utrecht", "amsterdam")

    groups = {g.key: [r.key for r in g.rows] for g in response.context["table"].groups}
    assert groups == {
        "aanpak": ["aanpak"],
        "organisatie": ["dimensie-sturing"],
        "democratie": ["verkiezingen", "gekozen-organen", "dimensie-schaal"],
        "kenmerken": ["kenmerk-sterk", "kenmerk-zwak", "kenmerk-risico", "kenmerk-open-vraag"],
    }
    assert '<th scope="rowgroup" colspan="3">Lokale democratie</th>' in response.text
    # The sources are listed below the table, not compared in it.
    assert "bronnen" not in row_keys(response) and "soort-aanpak" not in row_keys(response)


def test_the_democracy_rows_and_the_sources_list(client, three_cities):
    response = compare(client, "utrecht", "amsterdam")

    assert [c.category for c in row(response, "verkiezingen").cells] == ["Nee", "Ja"]
    assert row(response, "verkiezingen").differs
    sources = [s.title for s in response.context["table"].sources]
    assert sources == ["Bron over Amsterdam", "Bron over Utrecht"]
    assert '<li id="bron-1"><a href="/bronnen/#bron-bron-amsterdam">' in response.text


def test_two_cities_without_elections_are_equal_on_elections(client, three_cities):
    response = compare(client, "utrecht", "den-haag")

    assert not row(response, "verkiezingen").differs
    assert row(response, "verkiezingen").is_equal
    assert 'id="rij-verkiezingen" class="row-equal"' in response.text


def test_a_city_without_elections_has_no_elected_bodies_in_the_row_of_bodies(client, three_cities):
    response = compare(client, "utrecht", "den-haag")

    cells = row(response, "gekozen-organen").cells
    assert [cell.category for cell in cells] == ["Geen eigen gekozen organen"] * 2


def test_democracy_row_counts_the_elected_bodies_per_kind(client, three_cities):
    amsterdam = three_cities["amsterdam"]
    for _ in range(3):
        make_district(city=amsterdam, body=District.Body.STADSDEELCOMMISSIE)

    response = compare(client, "utrecht", "amsterdam")

    cells = row(response, "gekozen-organen").cells
    assert cells[1].category == "Gekozen stadsdeelcommissies"
    assert [i.text for i in cells[1].items] == ["Stadsdeelcommissie (3)"]
    assert cells[0].items == []


def test_an_unknown_cell_decides_nothing_and_is_named(client, three_cities):
    finance = make_dimension(name="Financiering", slug="financiering", order=9)
    utrecht, den_haag, amsterdam = (three_cities[s].approaches.get() for s in three_cities)
    make_assessment(approach=utrecht, dimension=finance, category="Eigen budget")
    make_assessment(approach=den_haag, dimension=finance, category="Eigen budget")

    response = compare(client, "utrecht", "den-haag", "amsterdam")

    finance_row = row(response, "dimensie-financiering")
    assert not finance_row.differs and not finance_row.is_equal
    assert finance_row.unknown_names == "Amsterdam"
    assert "onbekend voor Amsterdam" in response.text
    assert (
        '<span class="differs-badge">verschilt</span>'
        not in response.text.split('id="rij-dimensie-financiering"')[1].split("</th>")[0]
    )


def test_an_assessment_without_an_option_counts_as_unknown(client, three_cities):
    Assessment.objects.filter(approach__city__slug="den-haag", dimension__slug="sturing").update(
        option=None
    )

    response = compare(client, "utrecht", "den-haag")

    sturing = row(response, "dimensie-sturing")
    assert not sturing.differs and sturing.unknown_names == "Den Haag"
    assert sturing.cells[1].value == "Programmabureau"
    assert "Keuze onbekend" in response.text


def test_a_dimension_without_options_is_shown_but_not_compared(client, three_cities):
    goals = make_dimension(name="Doelen", slug="doelen", order=5)
    for city in three_cities.values():
        make_assessment(approach=city.approaches.get(), dimension=goals, value=city.name)

    response = compare(client, "utrecht", "den-haag")

    goals_row = row(response, "dimensie-doelen")
    assert not goals_row.compared and not goals_row.differs and not goals_row.is_equal
    assert goals_row.unknown_for == []


def test_the_summary_is_made_from_the_options(client, three_cities):
    response = compare(client, "utrecht", "den-haag", "amsterdam")

    summary = response.context["table"].summary()
    assert "Sturing — Utrecht: wijkbureau; Den Haag: programmabureau; Amsterdam: stadsdeel." in (
        summary
    )
    assert (
        "Eigen verkiezingen voor wijk, gebied of stadsdeel — Utrecht en Den Haag: nee; "
        "Amsterdam: ja." in summary
    )
    assert summary[-1] == "Gelijk bij Utrecht, Den Haag en Amsterdam: Schaal (wijk)."
    assert "De belangrijkste verschillen" in response.text
    assert "Utrecht en Den Haag: nee; Amsterdam: ja." in response.text


def test_the_summary_follows_an_editors_change(client, three_cities):
    Assessment.objects.filter(approach__city__slug="den-haag", dimension__slug="schaal").update(
        option=make_option(Dimension.objects.get(slug="schaal"), "Stadsdeel")
    )

    summary = compare(client, "utrecht", "den-haag").context["table"].summary()

    assert "Schaal — Utrecht: wijk; Den Haag: stadsdeel." in summary


def test_rows_where_cities_differ_are_marked_in_text(client, three_cities):
    response = compare(client, "utrecht", "den-haag")

    assert row(response, "dimensie-sturing").differs
    assert not row(response, "dimensie-schaal").differs
    assert 'id="rij-dimensie-sturing" class="row-differs"' in response.text
    assert 'id="rij-dimensie-schaal" class="row-equal"' in response.text
    assert '<span class="differs-badge">verschilt</span>' in response.text


def test_equal_rows_can_be_hidden_without_javascript(client, three_cities):
    response = compare(client, "utrecht", "den-haag", verberg_gelijk="1")

    keys = row_keys(response)
    assert "dimensie-sturing" in keys
    assert "dimensie-schaal" not in keys and "verkiezingen" not in keys
    assert "kenmerk-sterk" in keys  # free text is never hidden as equal
    assert 'id="verberg-gelijk" checked' in response.text
    assert "waarin de steden gelijk zijn, zijn verborgen" in response.text


def test_a_missing_assessment_says_not_described(client, three_cities):
    make_dimension(name="Financiering", slug="financiering", order=9)

    response = compare(client, "utrecht", "den-haag")

    assert [c.is_empty for c in row(response, "dimensie-financiering").cells] == [True, True]
    assert "Onbekend: de bronnen van Buurtwijs zeggen hier niets over." in response.text
    assert 'href="mailto:redactie@buurtwijs.nl?subject=Utrecht%3A%20Financiering"' in (
        response.text
    )


def test_drafts_stay_hidden_from_the_public_and_show_for_staff(client, three_cities):
    secret = make_dimension(name="Geheim", slug="geheim", status=Status.DRAFT)
    make_assessment(approach=three_cities["utrecht"].approaches.get(), dimension=secret)
    make_city(name="Conceptstad", slug="conceptstad", status=Status.DRAFT)

    response = compare(client, "utrecht", "conceptstad")
    assert "dimensie-geheim" not in [r.key for r in (response.context["table"] or [])]
    assert response.context["table"] is None
    assert "Conceptstad" not in response.text

    staff = User.objects.create_user("redacteur", is_staff=True)
    client.force_login(staff)
    response = compare(client, "utrecht", "conceptstad")
    assert "dimensie-geheim" in row_keys(response)


def test_glossary_terms_link_in_the_longer_text(client, three_cities):
    make_term(name="Wijkbureau", slug="wijkbureau")
    approach = three_cities["utrecht"].approaches.get()
    approach.assessments.filter(dimension__slug="sturing").update(text="Een wijkbureau per wijk.")

    response = compare(client, "utrecht", "den-haag")

    assert 'Een <a class="term-link" href="/begrippen/#begrip-wijkbureau">wijkbureau</a>' in (
        response.text
    )


def test_city_without_an_approach_still_gets_a_column(client, three_cities):
    make_city(name="Rotterdam", slug="rotterdam")

    response = compare(client, "utrecht", "rotterdam")

    assert row(response, "aanpak").cells[1].value == "Nog geen aanpak beschreven"


# The form and htmx


def test_the_form_works_without_javascript(client, three_cities):
    response = compare(client, "utrecht", "den-haag")

    assert '<form id="vergelijk-keuze" class="compare-form" action="/vergelijk/" method="get"' in (
        response.text
    )
    assert 'value="utrecht" id="stad-utrecht" checked' in response.text
    assert 'value="amsterdam" id="stad-amsterdam">' in response.text
    assert '<button type="submit">Vergelijk</button>' in response.text


def test_the_form_asks_htmx_for_the_table_and_pushes_the_url(client, three_cities):
    response = client.get(URL)

    form = (
        'data-hx-get="/vergelijk/" data-hx-trigger="change, submit" data-hx-target="#vergelijking"'
    )
    assert form in response.text
    assert 'data-hx-push-url="true"' in response.text
    assert "hx-on" not in response.text and "<script>" not in response.text
    assert 'style="' not in response.text


def test_htmx_gets_only_the_table_and_the_status(client, three_cities):
    response = client.get(URL, {"steden": ["utrecht", "den-haag"]}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text and 'id="vergelijk-keuze"' not in response.text
    assert '<table class="compare-table compare-cols-2">' in response.text
    assert 'id="vergelijk-status" class="compare-status" role="status" data-hx-swap-oob' in (
        response.text
    )
    assert "HX-Request" in response["Vary"]


def test_the_full_page_varies_on_htmx_too(client, three_cities):
    response = compare(client, "utrecht", "den-haag")

    assert "<html" in response.text
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_full_page(client, three_cities):
    response = client.get(
        URL,
        {"steden": ["utrecht", "den-haag"]},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )

    assert "<html" in response.text and 'id="vergelijk-keuze"' in response.text


def test_the_page_without_a_choice_shows_the_form_only(client, three_cities):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["table"] is None
    assert "<table" not in response.text
    assert response.context["selection"].problems == []


# CSV


def read_csv(response) -> list[list[str]]:
    """The table part of the download, after the lines naming the address and the date."""
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content[1:], newline=""), delimiter=";"))
    return rows[rows.index([]) + 1 :]


def test_csv_opens_in_dutch_excel_with_address_date_and_sources(client, three_cities):
    response = compare(client, "utrecht", "den-haag", formaat="csv")

    content = response.content.decode("utf-8")
    lines = content[1:].split("\r\n")
    assert lines[0] == "Buurtwijs: Utrecht en Den Haag vergeleken"
    assert lines[1] == "Adres;http://testserver/vergelijk/?steden=utrecht&steden=den-haag"
    assert re.fullmatch(r"Datum;\d\d-\d\d-20\d\d", lines[2])
    assert "\n" not in content.replace("\r\n", "").replace('"', "").split("Thema;")[0]
    assert "Bron over Utrecht;http://testserver/bronnen/#bron-bron-utrecht" in lines


def test_csv_has_a_bom_a_header_and_one_row_per_table_row(client, three_cities):
    page = compare(client, "utrecht", "den-haag")
    response = compare(client, "utrecht", "den-haag", formaat="csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="vergelijking-utrecht-den-haag.csv"'
    )
    rows = read_csv(response)
    assert rows[0] == ["Thema", "Onderwerp", "Utrecht", "Den Haag"]
    table_rows = [r for r in rows[1:] if len(r) == 4]
    assert [r[1] for r in table_rows] == [r.label for r in page.context["table"].rows]
    sturing = next(r for r in rows if r[1:2] == ["Sturing"])
    assert sturing == [
        "Overig",
        "Sturing",
        "Wijkbureau\nWijkbureau\n\nOver Utrecht.",
        "Programmabureau\nProgrammabureau\n\nOver Den Haag.",
    ]


def test_csv_is_plain_text_and_follows_the_hidden_rows(client, three_cities):
    response = compare(client, "utrecht", "den-haag", formaat="csv", verberg_gelijk="1")

    rows = read_csv(response)
    assert "Schaal" not in [r[1] for r in rows if len(r) > 1]
    assert "<" not in response.content.decode()
    assert ["Bron over Utrecht", "http://testserver/bronnen/#bron-bron-utrecht"] in rows


def test_the_page_links_to_the_csv_of_what_it_shows(client, three_cities):
    response = compare(client, "den-haag", "utrecht", verberg_gelijk="1")

    assert (
        'href="/vergelijk/?steden=den-haag&amp;steden=utrecht&amp;verberg_gelijk=1&amp;formaat=csv"'
        in (response.text)
    )


def test_csv_cells_never_start_a_spreadsheet_formula(client, three_cities):
    approach = three_cities["utrecht"].approaches.get()
    approach.assessments.filter(dimension__slug="sturing").update(
        value="=1+2", text="", option=None
    )

    rows = read_csv(compare(client, "utrecht", "den-haag", formaat="csv"))

    assert next(r for r in rows if r[1:2] == ["Sturing"])[2] == "'=1+2"


def test_csv_without_two_cities_is_a_400_in_dutch(client, three_cities):
    response = compare(client, "utrecht", formaat="csv")

    assert response.status_code == 400
    assert "Kies 2 tot 4 bekende steden" in response.content.decode()
    assert "HX-Request" in response["Vary"]


# Bad input


def test_one_city_is_ticked_and_the_reader_asked_for_another(client, three_cities):
    response = compare(client, "utrecht")

    assert response.status_code == 200
    assert response.context["table"] is None
    assert 'id="stad-utrecht" checked' in response.text
    assert "Kies nog minstens één stad om Utrecht mee te vergelijken." in response.text


def test_unknown_cities_are_named_and_skipped(client, three_cities):
    response = compare(client, "utrecht", "atlantis", "den-haag")

    assert response.status_code == 200
    assert [c.slug for c in response.context["table"].cities] == ["utrecht", "den-haag"]
    assert "Deze stad kennen we niet: ‘atlantis’. We hebben haar overgeslagen." in response.text


def test_duplicates_are_shown_once(client, three_cities):
    response = compare(client, "utrecht", "utrecht", "den-haag", "UTRECHT")

    assert [c.slug for c in response.context["table"].cities] == ["utrecht", "den-haag"]
    assert "U koos Utrecht meer dan eens; we tonen elke stad één keer." in response.text


def test_more_than_four_cities_shows_the_first_four(client, three_cities):
    for n in range(3):
        make_city(name=f"Extra {n}", slug=f"extra-{n}")

    response = compare(client, "utrecht", "den-haag", "amsterdam", "extra-0", "extra-1")

    assert len(response.context["table"].cities) == 4
    assert "U kunt hoogstens 4 steden tegelijk vergelijken." in response.text
    assert "Utrecht, Den Haag, Amsterdam en Extra 0" in response.text


def test_no_valid_city_at_all_explains_and_shows_the_form(client, three_cities):
    response = compare(client, "", "atlantis")

    assert response.status_code == 200
    assert "Een lege keuze hebben we overgeslagen." in response.text
    assert "Kies 2 tot 4 steden om ze naast elkaar te zien." in response.text
    assert 'id="vergelijk-keuze"' in response.text


HOSTILE = [
    "x" * 3000,
    "utr\x00echt",
    "\x00",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "%00",
    "../../etc/passwd",
    "utrecht\r\nSet-Cookie: a=b",
    "🏘️",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("fmt", ["", "csv"])
def test_hostile_values_never_break_the_page(client, three_cities, value, fmt):
    response = client.get(URL, {"steden": [value, "den-haag", value], "formaat": fmt})

    assert response.status_code in (200, 400)
    body = response.content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body


def test_hostile_values_are_shown_escaped_and_shortened(client, three_cities):
    response = compare(client, "<script>alert(1)</script>", "x" * 3000)

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "x" * 100 not in response.text


def test_a_nul_byte_in_a_slug_does_not_reach_the_database(client, three_cities):
    response = compare(client, "utr\x00echt", "den-haag")

    assert response.status_code == 200
    assert [c.slug for c in response.context["table"].cities] == ["utrecht", "den-haag"]


def test_only_get_and_head_are_allowed(client):
    assert client.post(URL).status_code == 405


# Queries


def many_cities(count: int, dimensions: int, districts: int) -> list[str]:
    dims = [make_dimension() for _ in range(dimensions)]
    roles = [make_role() for _ in range(3)]
    slugs = []
    for _ in range(count):
        city = make_city()
        approach = make_approach(city=city)
        make_approach(city=city)  # a second approach the table does not show
        for dim in dims:
            make_assessment(approach=approach, dimension=dim)
        for kind in Trait.Kind.values:
            make_trait(approach=approach, kind=kind)
        approach.roles.add(*roles)
        approach.sources.add(make_source())
        city.sources.add(make_source())
        for _ in range(districts):
            make_district(city=city, body=District.Body.WIJKRAAD)
        slugs.append(city.slug)
    return slugs


@pytest.mark.parametrize(
    ("count", "dimensions", "districts"), [(2, 1, 1), (4, 12, 30)], ids=["klein", "groot"]
)
def test_the_page_takes_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count, dimensions, districts
):
    slugs = many_cities(count, dimensions, districts)
    make_term(name="Kort")

    with django_assert_max_num_queries(10):
        response = compare(client, *slugs)
    with django_assert_max_num_queries(10):
        compare(client, *slugs, formaat="csv")
    assert len(response.context["table"].cities) == count
