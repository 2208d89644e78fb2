"""What a search result tells the reader, suggestions, other names, snippets and pages."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from editorial.models import Status
from search import query
from search.documents import role_description
from search.query import PER_PAGE, edit_distance
from tests.editors import form_data, make_chief_editor
from tests.factories import make_approach, make_city, make_district, make_term
from tests.queries import count_queries

pytestmark = pytest.mark.django_db
URL = reverse("search")


def search(client, q, **params):
    return client.get(URL, {"q": q, **params})


def outcome(response):
    return response.context["outcome"]


def titles(response) -> list[str]:
    return [re.sub(r"</?mark>", "", r.title) for r in outcome(response).results]


def labelled(response) -> list[str]:
    return [
        f"{re.sub(r'</?mark>', '', r.title)} — {r.description}" for r in outcome(response).results
    ]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# Suggestions (more on the real content in tests/test_search_content.py)


def test_a_term_is_preferred_over_a_closer_approach_name(client):
    make_term(name="Buurtkrant")
    make_approach(city=make_city(name="Utrecht", slug="utrecht"), name="Buurtkracht")

    # One edit from the approach, two from the term: the glossary term is offered.
    assert outcome(search(client, "buurtkrach")).suggestion == "Buurtkrant"
    # Only the approach is close to this one.
    assert outcome(search(client, "buurtkrachtt")).suggestion == "Buurtkracht"


def test_edit_distance_counts_a_swap_as_one():
    assert edit_distance("opwarste", "opwaartse") == 2
    assert edit_distance("overvech", "overvecht") == 1
    assert edit_distance("wjik", "wijk") == 1
    assert edit_distance("buurtteam", "westindische buurt") == 4
    assert edit_distance("a" * 200, "b" * 200) == 4  # counting stops above the limit
    assert edit_distance("wijkraad", "wijkraden", limit=1) == 2


def full_osa(a: str, b: str) -> int:
    """The textbook optimal string alignment distance, to check the banded one against."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@settings(max_examples=300, deadline=None)
@given(st.text("abcé ", max_size=12), st.text("abcé ", max_size=12), st.integers(0, 3))
def test_the_banded_edit_distance_agrees_with_the_textbook_one(a, b, limit):
    assert edit_distance(a, b, limit) == min(full_osa(a, b), limit + 1)


# What and where each result is


def test_a_draft_larger_area_is_not_named(client):
    city = make_city(name="Utrecht", slug="utrecht")
    area = make_district(city=city, name="Geheimgebied", kind="gebied", status=Status.DRAFT)
    make_district(city=city, name="Lombok", parent=area)

    assert labelled(search(client, "lombok")) == ["Lombok — wijk in Utrecht"]


def test_renaming_a_larger_area_reaches_the_districts_inside(client):
    city = make_city(name="Utrecht", slug="utrecht")
    area = make_district(city=city, name="West", kind="gebied")
    make_district(city=city, name="Lombok", parent=area)
    area.name = "Westkwartier"
    area.save()

    assert labelled(search(client, "lombok")) == ["Lombok — wijk in Utrecht, gebied Westkwartier"]


def test_a_district_is_found_by_its_larger_area_below_the_area_itself(client):
    city = make_city(name="Rotterdam", slug="rotterdam")
    area = make_district(city=city, name="Charlois", kind="gebied", summary="Een gebied.")
    make_district(city=city, name="Pendrecht", parent=area, summary="Een wijk met tuinen.")

    response = search(client, "charlois")

    assert labelled(response) == [
        "Charlois — gebied in Rotterdam",
        "Pendrecht — wijk in Rotterdam, gebied Charlois",
    ]
    # What and where is in the heading, not repeated as the start of the text.
    assert [r.fragments for r in outcome(response).results][1] == ["Een wijk met tuinen."]


def test_a_role_in_many_cities_gives_their_number():
    assert role_description(["Utrecht"]) == "rol in Utrecht"
    assert role_description(["Amsterdam", "Utrecht"]) == "rol in Amsterdam en Utrecht"
    assert role_description(["A", "B", "C"]) == "rol in A, B en C"
    assert role_description([f"Stad {n}" for n in range(350)]) == "rol in 350 steden"


# Other names


def test_another_name_weighs_like_the_title(client):
    city = make_city(name="Den Haag", slug="den-haag")
    make_district(city=city, name="Schildersbuurt", other_names="Schilderswijk")
    make_district(city=city, name="Centrum", summary="Grenst aan de Schilderswijk.")

    assert titles(search(client, "schilderswijk")) == ["Schildersbuurt", "Centrum"]


def test_editing_other_names_in_the_admin_reindexes(client):
    city = make_city(name="Den Haag", slug="den-haag")
    district = make_district(city=city, name="Transvaal")
    assert titles(search(client, "Transvaalkwartier")) == []

    editor = Client()
    editor.force_login(make_chief_editor())
    url = reverse("admin:cities_district_change", args=[district.pk])
    data = form_data(editor.get(url)) | {"other_names": "Transvaalkwartier\nTransvaalbuurt"}
    assert editor.post(url, data).status_code == 302

    assert titles(search(client, "Transvaalkwartier")) == ["Transvaal"]
    assert titles(search(client, "transvaalbuurt")) == ["Transvaal"]


# Snippets


def test_snippet_fragments_are_separate_and_escaped(client):
    filler = " ".join(f"woord{n}" for n in range(60))
    make_term(
        name="Wijkagenda",
        definition=f"Het buurtbudget: `kosten < baten` eerst. {filler} Later weer het buurtbudget.",
    )

    response = search(client, "buurtbudget")

    fragments = outcome(response).results[0].fragments
    assert len(fragments) == 2
    assert all("<mark>buurtbudget</mark>" in fragment for fragment in fragments)
    assert "kosten &lt; baten" in fragments[0]
    items = re.search(r'<ul class="snippets">(.*?)</ul>', response.text, re.S)[1]
    assert items.count("<li>") == 2
    assert "\ue002" not in response.text


# Pages


@pytest.fixture
def many_terms(db):
    for n in range(47):
        make_term(name=f"Buurtbegrip {n:02d}", definition="Over het buurtnetwerk.")


def test_results_come_in_pages_with_links(client, many_terms):
    first = search(client, "buurtnetwerk")
    second = search(client, "buurtnetwerk", pagina="2")
    third = search(client, "buurtnetwerk", pagina="3")

    assert len(outcome(first).results) == PER_PAGE == 20
    assert "Resultaten 1–20 van 47 voor ‘buurtnetwerk’." in first.text
    assert "Resultaten 21–40 van 47" in second.text
    assert "Resultaten 41–47 van 47" in third.text
    assert len(outcome(third).results) == 7
    assert 'href="/zoeken/?q=buurtnetwerk&amp;pagina=2" rel="next">Volgende' in first.text
    assert 'rel="prev"' not in first.text
    assert 'href="/zoeken/?q=buurtnetwerk" rel="prev">Vorige' in second.text
    assert 'href="/zoeken/?q=buurtnetwerk&amp;pagina=3" rel="next"' in second.text
    assert 'rel="next"' not in third.text
    assert '<ol class="results" start="21">' in second.text
    assert "Pagina 2 van 3" in second.text
    every = titles(first) + titles(second) + titles(third)
    assert sorted(every) == [f"Buurtbegrip {n:02d}" for n in range(47)]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "01", " 2", "²", "99999", "9" * 40, ""])
def test_a_page_that_does_not_exist_is_a_404_in_dutch(client, many_terms, page):
    response = search(client, "buurtnetwerk", pagina=page)

    assert response.status_code == 404
    assert "Er is geen pagina ‘" in response.text
    assert 'href="/zoeken/?q=buurtnetwerk">Naar de eerste pagina' in response.text


def test_beyond_the_last_page_says_how_many_there_are(client, many_terms):
    response = search(client, "buurtnetwerk", pagina="4")

    assert response.status_code == 404
    assert "Er is geen pagina ‘4’ met resultaten voor ‘buurtnetwerk’: er zijn 3 pagina’s." in (
        response.text
    )
    assert 'href="/zoeken/?q=buurtnetwerk&amp;pagina=3">naar de laatste pagina' in response.text


def test_pages_stop_at_the_last_one_shown(client, many_terms, monkeypatch):
    monkeypatch.setattr(query, "MAX_PAGE", 2)

    second = search(client, "buurtnetwerk", pagina="2")
    third = search(client, "buurtnetwerk", pagina="3")

    assert (
        # Counted only one past what the pages reach.
        "Resultaten 21–40 van meer dan 40 voor ‘buurtnetwerk’ (de beste 40 staan op 2 pagina’s)."
        in second.text
    )
    assert 'rel="next"' not in second.text
    assert third.status_code == 404


def test_a_page_number_without_a_query_shows_the_form(client):
    response = client.get(URL, {"pagina": "abc"})

    assert response.status_code == 200
    assert outcome(response) is None


def test_htmx_gets_a_page_of_results_with_its_links(client, many_terms):
    response = client.get(URL, {"q": "buurtnetwerk", "pagina": "2"}, headers={"HX-Request": "true"})

    assert "<html" not in response.text
    assert "Resultaten 21–40 van 47" in response.text
    assert 'rel="next"' in response.text and 'rel="prev"' in response.text


# Queries


def test_a_page_of_results_costs_three_queries_however_many_match(client):
    for n in range(5):
        make_term(name=f"Buurtbegrip {n}", definition="Over het buurtnetwerk.")
    few = search(client, "buurtnetwerk")
    few_queries = count_queries(client, "/zoeken/?q=buurtnetwerk")
    for n in range(5, 80):
        make_term(name=f"Buurtbegrip {n}", definition="Over het buurtnetwerk.")

    # The query's words and one page of matches, which holds them all: no count. No close
    # names either, as every word of the query is used in the content.
    assert few_queries == 2
    assert outcome(few).count == 5
    assert "5 resultaten voor ‘buurtnetwerk’" in few.text
    # With a full page the number of matches is counted too.
    assert count_queries(client, "/zoeken/?q=buurtnetwerk") == 3
    assert outcome(search(client, "buurtnetwerk")).count == 80
    assert count_queries(client, "/zoeken/?q=buurtnetwerk&pagina=4") == 3


@pytest.mark.parametrize(("matching", "queries"), [(19, 2), (20, 3), (21, 3)])
def test_a_first_page_that_is_just_full_is_counted(client, matching, queries):
    for n in range(matching):
        make_term(name=f"Buurtbegrip {n}", definition="Over het buurtnetwerk.")

    assert count_queries(client, "/zoeken/?q=buurtnetwerk") == queries
    found = outcome(search(client, "buurtnetwerk"))
    assert found.count == matching
    assert len(found.results) == min(matching, 20)
    assert found.has_next == (matching > 20)


def test_a_typo_costs_no_more_queries(client):
    for n in range(40):
        make_term(name=f"Doorzettingsmacht {n}")
    make_term(name="Doorzettingsmacht")

    # The query's words, the page of matches (empty), and the close names, which are the
    # results.
    assert count_queries(client, "/zoeken/?q=doorzetingsmacht") == 3
    response = search(client, "doorzetingsmacht")
    assert outcome(response).similar_only
    assert outcome(response).suggestion == "Doorzettingsmacht"


def test_a_page_beyond_the_last_is_not_looked_up(client, many_terms, django_assert_num_queries):
    # The query's words and the number of matches; no page of matches, no close names.
    with django_assert_num_queries(2):
        assert search(client, "buurtnetwerk", pagina="99999").status_code == 404


# Hostile input


@pytest.mark.parametrize(
    "params",
    [
        {"q": "wijk" * 1000, "pagina": "2"},
        {"q": "a\x00b", "pagina": "\x00"},
        {"q": "wijk", "pagina": "9" * 5000},
        {"q": "<script>alert(1)</script>", "pagina": "<script>alert(1)</script>"},
        {"q": "%", "pagina": "1e9"},
        {"q": "wijk", "pagina": "999999999"},
    ],
)
def test_hostile_page_numbers_and_queries_get_a_clear_answer(client, many_terms, params):
    response = client.get(URL, params)

    assert response.status_code in (200, 404)
    assert "<script>alert" not in response.text
