"""Search on the real content: suggestions for misspelt names, namesakes, other names, pages."""

import re

import pytest
from django.urls import reverse

from search.models import Kind, SearchEntry
from search.query import PER_PAGE

pytestmark = pytest.mark.django_db
URL = reverse("search")


@pytest.fixture(autouse=True)
def _real_content(content_per_module):
    """The initial content, loaded once for this module (the tests only read)."""


def search(client, q, **params):
    return client.get(URL, {"q": q, **params})


def outcome(response):
    return response.context["outcome"]


def labelled(response) -> list[str]:
    return [
        f"{re.sub(r'</?mark>', '', r.title)} — {r.description}" for r in outcome(response).results
    ]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("gebiedsmakelar", "Gebiedsmakelaar"),
        ("wijkrad", "Wijkraad"),
        ("Schilderwijk", "Schilderswijk"),
        ("Overvech", "Overvecht"),
        ("feyenoord", "Feijenoord"),
        ("opwarste kracht", "Opwaartse kracht"),
    ],
)
def test_a_misspelt_name_suggests_the_term_or_place_meant(client, typed, meant):
    response = search(client, typed)

    assert outcome(response).suggestion == meant
    assert f'Bedoelde u <a href="/zoeken/?q={meant.replace(" ", "%20")}">{meant}</a>?' in (
        response.text
    )


def test_a_word_inside_a_title_is_not_suggested(client):
    # "buurt" is one word of "Westindische Buurt"; the query as a whole is not close to any name.
    response = search(client, "buurtteam")

    assert outcome(response).suggestion == ""
    assert "Westindische Buurt" not in response.text
    assert "Bedoelde u" not in response.text


@pytest.mark.parametrize("q", ["wijkraden", "makelaars", "Feijenoord", "gebiedsmakelaar"])
def test_no_suggestion_for_a_word_the_content_uses(client, q):
    assert outcome(search(client, q)).suggestion == ""


def test_namesakes_say_what_they_are_in_text(client):
    response = search(client, "Feijenoord")

    found = labelled(response)
    assert "Feijenoord — gebied in Rotterdam" in found
    assert "Feijenoord — wijk in Rotterdam, gebied Feijenoord" in found
    # The name itself first, the larger area before the wijk of the same name.
    assert found[:2] == [
        "Feijenoord — gebied in Rotterdam",
        "Feijenoord — wijk in Rotterdam, gebied Feijenoord",
    ]
    headings = re.findall(r'<h2 class="result-heading">(.*?)</h2>', response.text)
    assert "Feijenoord — gebied in Rotterdam" in [text_of(h) for h in headings]


def test_every_kind_has_its_description(client):
    kinds = dict(SearchEntry.objects.values_list("kind", "description").distinct())
    assert set(kinds) == {kind.value for kind in Kind}
    assert not SearchEntry.objects.filter(description="").exists()
    entry = SearchEntry.objects.filter(kind=Kind.APPROACH, city_name="Utrecht").first()
    assert entry.description == "aanpak van Utrecht"
    assert SearchEntry.objects.get(kind=Kind.CITY, title="Utrecht").description == "stad"
    roles = SearchEntry.objects.filter(kind=Kind.ROLE).values_list("description", flat=True)
    assert all(role.startswith("rol in ") for role in roles)


def test_the_name_people_use_finds_the_district(client):
    response = search(client, "Schilderswijk")

    assert labelled(response)[0] == "Schildersbuurt — wijk in Den Haag"
    heading = text_of(re.search(r'<h2 class="result-heading">(.*?)</h2>', response.text)[1])
    assert heading == "Schildersbuurt (ook: Schilderswijk) — wijk in Den Haag"
    assert "<mark>Schilderswijk</mark>" in response.text


def test_the_real_content_has_more_than_sixty_results_for_wijk(client):
    first = outcome(search(client, "wijk"))
    last = outcome(search(client, "wijk", pagina=str(first.pages)))

    assert first.count > 60
    assert first.pages == -(-first.count // PER_PAGE)
    assert last.last == first.count
