"""The search page /zoeken/: Dutch full text, typos, the index kept current, hostile input."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from editorial.models import Status
from search.models import Kind, SearchEntry
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_district,
    make_role,
    make_source,
    make_term,
    make_trait,
)

pytestmark = pytest.mark.django_db
URL = reverse("search")


def search(client, q, **headers):
    return client.get(URL, {"q": q}, headers=headers)


def plain_title(result) -> str:
    return result.title.replace("<mark>", "").replace("</mark>", "")


def results(response):
    outcome = response.context["outcome"]
    return outcome.results if outcome else []


def result_titles(response) -> list[str]:
    return [plain_title(result) for result in results(response)]


def titles_in(response, kind) -> list[str]:
    return [plain_title(result) for result in results(response) if result.kind == kind]


@pytest.fixture
def makelaars():
    city = make_city(name="Utrecht", slug="utrecht")
    approach = make_approach(city=city, name="Wijkgericht werken")
    social = make_role(name="Sociaal makelaar", description="Verbindt bewoners en instellingen.")
    area = make_role(name="Gebiedsmakelaar", description="Werkt voor de gemeente in een gebied.")
    social.approaches.add(approach)
    area.approaches.add(approach)
    return city, approach, social, area


# Relevance


def test_a_plural_finds_the_singular_by_stemming(client, makelaars):
    response = search(client, "makelaars")

    assert "Sociaal makelaar" in titles_in(response, Kind.ROLE)


def test_a_word_finds_compounds_that_contain_it(client, makelaars):
    response = search(client, "makelaars")

    assert titles_in(response, Kind.ROLE) == ["Sociaal makelaar", "Gebiedsmakelaar"]


def test_whole_word_matches_rank_above_matches_inside_compounds(client, makelaars):
    response = search(client, "makelaar")

    assert titles_in(response, Kind.ROLE).index("Sociaal makelaar") == 0


def test_a_match_in_the_title_ranks_above_a_match_in_the_text(client):
    make_term(name="Opbouwwerk", definition="Werk met bewoners aan hun buurt.")
    make_term(name="Wijkteam", definition="Een team waarin ook opbouwwerk zit.")

    response = search(client, "opbouwwerk")

    assert titles_in(response, Kind.TERM) == ["Opbouwwerk", "Wijkteam"]


def test_a_word_without_its_accent_finds_the_word_with_it(client):
    make_term(name="Wijkcomité", definition="Een comité van bewoners.")
    make_term(name="Reëel budget", definition="Een budget dat reëel is.")

    assert titles_in(search(client, "reeel"), Kind.TERM) == ["Reëel budget"]
    assert titles_in(search(client, "wijkcomite"), Kind.TERM) == ["Wijkcomité"]


def test_a_small_typo_still_finds_the_term_and_offers_it(client):
    make_term(name="Doorzettingsmacht", definition="De macht om door te zetten.")

    response = search(client, "doorzetingsmacht")

    assert titles_in(response, Kind.TERM) == ["Doorzettingsmacht"]
    assert response.context["outcome"].suggestion == "Doorzettingsmacht"
    assert "Bedoelde u" in response.text


def test_no_suggestion_when_the_query_matches(client):
    make_term(name="Doorzettingsmacht")

    response = search(client, "doorzettingsmacht")

    assert response.context["outcome"].suggestion == ""
    assert "Bedoelde u" not in response.text


def test_nothing_similar_says_so_in_dutch(client):
    make_term(name="Doorzettingsmacht")

    response = search(client, "xylofoon")

    assert response.status_code == 200
    assert "Niets gevonden voor ‘xylofoon’" in response.text


def test_matches_are_highlighted_and_the_text_around_them_escaped(client):
    # Code spans keep "<" and "<script>" as text through the Markdown sanitiser into the index.
    make_term(name="Wijkagenda", definition="Een wijkagenda: `kosten < baten` & `<script>`.")

    response = search(client, "wijkagenda")

    assert "<mark>Wijkagenda</mark>" in response.text
    assert "<mark>wijkagenda</mark>: kosten &lt; baten" in response.text
    assert "<script>" not in response.text


def test_results_link_to_their_page_and_say_what_they_are(client, makelaars):
    city, approach, *_ = makelaars
    make_district(city=city, name="Overvecht", slug="overvecht", summary="Werkt met een makelaar.")
    term = make_term(name="Makelaarsrol", slug="makelaarsrol")
    source = make_source(title="Over makelaars", slug="over-makelaars")

    response = search(client, "makelaar")

    kinds = {result.kind for result in results(response)}
    assert kinds == {Kind.ROLE, Kind.DISTRICT, Kind.TERM, Kind.SOURCE}
    described = {result.url: result.description for result in results(response)}
    assert described["/steden/utrecht/wijken/overvecht/"] == "wijk in Utrecht"
    assert described["/steden/utrecht/#rollen"] == "rol in Utrecht"
    assert described[term.get_absolute_url()] == "begrip"
    assert described[source.get_absolute_url()] == "bron"
    assert 'href="/begrippen/#begrip-makelaarsrol"' in response.text


def test_assessments_and_traits_link_to_their_section_of_the_city_page(client):
    city = make_city(name="Den Haag", slug="den-haag")
    approach = make_approach(city=city)
    make_assessment(
        approach=approach, dimension=make_dimension(name="Sturing"), value="Programmabureau"
    )
    make_trait(approach=approach, text="Een klein programmabureau stuurt.")

    response = search(client, "programmabureau")

    urls = {result.kind: result.url for result in results(response)}
    assert urls[Kind.ASSESSMENT] == "/steden/den-haag/#typering"
    assert urls[Kind.TRAIT] == "/steden/den-haag/#kenmerken"


def test_the_real_content_finds_both_makelaars_by_their_plural(client, content):
    response = search(client, "makelaars")

    roles = titles_in(response, Kind.ROLE)
    assert "Sociaal makelaar" in roles and "Gebiedsmakelaar" in roles
    assert roles.index("Sociaal makelaar") < roles.index("Gebiedsmakelaar")


def test_the_real_content_answers_a_typo_with_the_glossary_term(client, content):
    response = search(client, "opwarste kracht")

    assert response.context["outcome"].suggestion == "Opwaartse kracht"
    assert "Opwaartse kracht" in titles_in(response, Kind.TERM)


# The index follows the content


def test_unpublished_content_is_not_found(client):
    make_term(name="Kanteling", status=Status.DRAFT)
    city = make_city(name="Geheimstad", status=Status.DRAFT)
    make_district(city=city, name="Kantelwijk")

    assert result_titles(search(client, "kanteling")) == []
    assert result_titles(search(client, "kantelwijk")) == []


def test_publishing_adds_to_the_index_and_unpublishing_removes(client):
    term = make_term(name="Kanteling", status=Status.DRAFT)
    assert result_titles(search(client, "kanteling")) == []

    term.status = Status.PUBLISHED
    term.save()
    assert result_titles(search(client, "kanteling")) == ["Kanteling"]

    term.status = Status.DRAFT
    term.save()
    assert result_titles(search(client, "kanteling")) == []


def test_unpublishing_a_city_removes_its_districts_and_approach(client):
    city = make_city(name="Utrecht")
    make_district(city=city, name="Overvecht")
    make_approach(city=city, name="Overvechtaanpak")

    city.status = Status.DRAFT
    city.save()

    assert result_titles(search(client, "overvecht")) == []


def test_renaming_a_dimension_updates_its_assessments(client):
    dimension = make_dimension(name="Sturing")
    make_assessment(dimension=dimension, value="Centraal")

    dimension.name = "Regie"
    dimension.save()

    assert result_titles(search(client, "regie")) == ["Regie: Centraal"]


def test_deleted_content_leaves_the_index(client):
    term = make_term(name="Kanteling")
    term.delete()

    assert not SearchEntry.objects.filter(kind=Kind.TERM).exists()


def test_a_role_is_found_once_an_approach_uses_it(client):
    role = make_role(name="Opbouwwerker")
    assert result_titles(search(client, "opbouwwerker")) == []

    approach = make_approach(city=make_city(name="Utrecht", slug="utrecht"))
    approach.roles.add(role)
    assert result_titles(search(client, "opbouwwerker")) == ["Opbouwwerker"]

    approach.roles.clear()
    assert result_titles(search(client, "opbouwwerker")) == []


def test_rebuild_command_restores_entries_changed_behind_the_signals(client):
    term = make_term(name="Kanteling")
    SearchEntry.objects.all().delete()
    type(term).objects.filter(pk=term.pk).update(name="Wijkagenda")

    call_command("rebuild_search_index", verbosity=0)

    assert result_titles(search(client, "wijkagenda")) == ["Wijkagenda"]


# The page


def test_the_page_without_a_query_shows_the_form(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert 'id="zoekterm"' in response.text
    assert response.context["outcome"] is None


def test_the_header_field_keeps_the_query(client):
    response = search(client, "wijkteam")

    assert response.context["search_query"] == "wijkteam"
    assert 'id="site-search-q" type="search" name="q" value="wijkteam"' in response.text


def test_htmx_gets_only_the_results_and_the_status(client, makelaars):
    response = search(client, "makelaars", **{"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Sociaal <mark>makelaar</mark>" in response.text
    assert 'data-hx-swap-oob="innerHTML"' in response.text
    assert "HX-Request" in response["Vary"]


def test_the_full_page_also_varies_on_htmx(client):
    response = search(client, "wijk")

    assert "<html" in response.text
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_full_page(client):
    response = search(
        client, "wijk", **{"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )

    assert "<html" in response.text


def test_the_search_field_updates_results_as_you_type(client):
    response = client.get(URL)

    assert 'data-hx-trigger="input changed delay:300ms, search"' in response.text
    assert 'data-hx-push-url="true"' in response.text
    assert 'action="/zoeken/"' in response.text


def test_the_page_takes_a_fixed_number_of_queries(client, makelaars, django_assert_max_num_queries):
    for n in range(40):
        make_term(name=f"Makelaarsbegrip {n}", definition="Over de makelaar in de wijk.")

    # The query's words, one page of matches and, as it is full, the number of matches.
    with django_assert_max_num_queries(3):
        response = search(client, "makelaar")
    assert response.context["outcome"].count > 40


def test_a_typo_takes_a_fixed_number_of_queries_too(client, django_assert_max_num_queries):
    for n in range(40):
        make_term(name=f"Doorzettingsmacht {n}")

    # As above: the close names are the results when nothing matches.
    with django_assert_max_num_queries(3):
        response = search(client, "doorzetingsmacht")
    assert response.context["outcome"].similar_only


# Hostile input

HOSTILE = [
    "",
    "   ",
    "x" * 3000,
    "makelaar " * 400,
    '"',
    "'",
    '"unterminated',
    "%",
    "%%_%",
    "\\",
    "\\x00",
    "a\x00b",
    "\x00",
    "'; DROP TABLE search_searchentry; --",
    "1' OR '1'='1",
    "<script>alert(1)</script>",
    "-",
    "or or or",
    "!!!&&&|||(((",
    ":*",
    "🏘️ wijk",
]


@pytest.mark.parametrize("q", HOSTILE)
@pytest.mark.parametrize("htmx", [False, True], ids=["pagina", "htmx"])
def test_hostile_input_gives_a_normal_page(client, makelaars, q, htmx):
    headers = {"HX-Request": "true"} if htmx else {}

    response = search(client, q, **headers)

    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert SearchEntry.objects.exists()


def test_like_wildcards_in_a_query_match_only_themselves(client):
    # A file name is one token, underscore included; inside compounds it is looked for with
    # LIKE, where an unescaped "_" would stand for any letter.
    make_term(name="Wijkplan", definition="Het plan staat in 2024/wijkxa.pdf.")

    assert search(client, "2024/wijkxa.pdf").context["outcome"].count == 1
    assert search(client, "2024/wijk_a.pdf").context["outcome"].count == 0


def test_a_very_long_query_is_cut_and_the_reader_told(client):
    response = search(client, "wijk" * 1000)

    assert len(response.context["search_query"]) == 200
    assert "langer dan 200 tekens" in response.text


def test_nul_bytes_are_removed_and_the_reader_told(client):
    make_term(name="Kanteling")

    response = search(client, "kante\x00ling")

    assert response.context["search_query"] == "kanteling"
    assert result_titles(response) == ["Kanteling"]
    assert "ongeldige tekens" in response.text


def test_a_script_in_the_query_is_shown_escaped(client):
    response = search(client, "<script>alert(1)</script>")

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_only_get_and_head_are_allowed(client):
    assert client.post(URL, {"q": "wijk"}).status_code == 405
