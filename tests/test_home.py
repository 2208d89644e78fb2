"""The home page at /."""

import re
from datetime import timedelta
from html import unescape

import pytest
import reversion
from django.core.management import call_command
from django.utils import timezone

from approaches.models import Approach
from cities.models import City, DemocracyLink, District
from editorial.models import Status
from tests.factories import make_approach, make_city, make_district, make_term, make_trait
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

# Cities, their approaches, the map's cities and the content version; the latest changes are
# worked out once per content version (five queries, one per kind of content).
HOME_QUERIES = 4
RECENT_CHANGES_QUERIES = 5


def test_the_home_page_says_what_buurtwijs_is_and_shows_each_city_as_a_card(client):
    amsterdam = make_city(
        name="Amsterdam",
        slug="amsterdam",
        summary="Zeven stadsdelen.",
        district_elections=True,
        democracy_link=DemocracyLink.STADSDEELCOMMISSIES,
    )
    make_approach(amsterdam, name="Gebiedsgericht werken", scope=Approach.Scope.WHOLE_CITY)
    make_city(name="Utrecht", slug="utrecht")

    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Buurtwijs laat zien hoe Nederlandse steden",
        'href="/steden/amsterdam/">Amsterdam</a>',
        'href="/steden/utrecht/">Utrecht</a>',
        "Zeven stadsdelen.",
        "Gebiedsgericht werken",
        "De hele stad",
        "Ja: gekozen stadsdeelcommissies",
        "Nee",
    ):
        assert text in page, text


def test_the_home_page_links_to_compare_glossary_sources_and_about(client):
    page = client.get("/").content.decode()

    for url in ("/steden/", "/vergelijk/", "/begrippen/", "/bronnen/", "/over/"):
        assert f'href="{url}"' in page, url


def edited(obj):
    """The object saved once more, as an editor's change in the admin saves it."""
    obj.save()
    return obj


def test_recently_changed_content_is_listed_newest_first_with_dates(client):
    city = edited(make_city(name="Den Haag", slug="den-haag"))
    edited(make_term(name="Kanteling"))
    approach = edited(make_approach(city, name="Opwaartse kracht"))
    edited(make_trait(approach, text="Een klein programmabureau."))
    edited(make_district(city, name="Laak"))
    now = timezone.now()
    City.objects.filter(pk=city.pk).update(published_at=now - timedelta(days=30))

    page = client.get("/").content.decode()

    recent = page[page.index("Onlangs bijgewerkt") :]
    for text in ("Kanteling", "Opwaartse kracht", "Een klein programmabureau.", "Laak, Den Haag"):
        assert text in recent, text
    assert recent.index("Laak, Den Haag") < recent.index(">Den Haag<")
    assert "<time datetime=" in recent


def test_recent_changes_stop_at_eight_items(client):
    for n in range(12):
        edited(make_term(name=f"Term {n:02d}"))

    page = client.get("/").content.decode()

    recent = page[page.index("Onlangs bijgewerkt") : page.index("Verder lezen")]
    assert recent.count("<li>") == 8


def test_drafts_are_left_out_for_the_public_and_marked_for_staff(client, admin_client):
    edited(make_city(name="Conceptstad", slug="concept-stad", status=Status.DRAFT))
    edited(make_term(name="Conceptbegrip", status=Status.DRAFT))

    public = client.get("/").content.decode()
    staff = admin_client.get("/").content.decode()

    assert "Conceptstad" not in public
    assert "Conceptbegrip" not in public
    assert "Conceptstad" in staff
    assert "Conceptbegrip" in staff
    assert "badge-concept" in staff


def test_the_home_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for n in range(4):
        make_approach(make_city(name=f"Stad {n}"))

    with django_assert_max_num_queries(HOME_QUERIES + RECENT_CHANGES_QUERIES):
        assert client.get("/").status_code == 200
    with django_assert_max_num_queries(HOME_QUERIES):
        assert client.get("/").status_code == 200


def test_the_latest_changes_are_worked_out_again_after_any_change(client):
    edited(make_city(name="Eerste Stad"))
    assert "Eerste Stad" in recent_part(client.get("/").content.decode())

    edited(make_term(name="Wijkbudget"))

    recent = recent_part(client.get("/").content.decode())
    assert "Wijkbudget" in recent
    assert recent.index("Wijkbudget") < recent.index("Eerste Stad")


def test_more_districts_do_not_mean_more_queries(client):
    city = make_city()
    make_district(city)
    few = count_queries(client, "/")
    for _ in range(50):
        make_district(city)
    many = count_queries(client, "/")

    assert few == many


def test_the_home_page_shows_the_four_cities_of_the_real_content(client, content):
    page = client.get("/").content.decode()

    for name in ("Utrecht", "Den Haag", "Amsterdam", "Rotterdam"):
        assert f">{name}</a>" in page, name
    assert page.count('class="card"') == 4


def test_the_home_page_only_answers_get_and_head(client):
    assert client.head("/").status_code == 200
    assert client.post("/").status_code == 405


def crawl(client, start: str = "/") -> dict[str, int]:
    """Follow every internal link from `start`; the status code of each address reached."""
    seen: dict[str, int] = {}
    queue = [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        for href in re.findall(r'href="(/[^"#]*)', response.content.decode()):
            link = unescape(href)
            if not link.startswith(("/beheer/", "/static/")) and link not in seen:
                queue.append(link)
    return seen


def test_every_page_is_reachable_by_links_from_home_and_none_fails(client, content):
    reached = crawl(client)

    failing = {url: status for url, status in reached.items() if status != 200}
    assert not failing
    expected = {"/steden/", "/begrippen/", "/bronnen/", "/over/", "/vergelijk/"}
    expected |= {city.get_absolute_url() for city in City.objects.all()}
    expected |= {d.get_absolute_url() for d in District.objects.select_related("city")}
    assert expected <= reached.keys(), expected - reached.keys()


def recent_part(page: str) -> str:
    return page[page.index("Onlangs bijgewerkt") : page.index("Verder lezen")]


def test_content_loaded_in_bulk_is_not_listed_as_recently_changed(client, content):
    call_command("load_boundaries", verbosity=0)

    recent = recent_part(client.get("/").content.decode())

    assert "Waalhaven-Eemhaven" not in recent
    assert "<li>" not in recent
    assert "Nog geen wijzigingen door de redactie" in recent


def test_an_editors_change_to_loaded_content_is_listed(client, content):
    call_command("load_boundaries", verbosity=0)
    edited(District.objects.get(city__slug="rotterdam", slug="feijenoord"))

    recent = recent_part(client.get("/").content.decode())

    assert "Feijenoord, Rotterdam" in recent
    assert recent.count("<li>") == 1


def test_a_row_an_editor_created_in_the_admin_is_listed(client, admin_user):
    with reversion.create_revision():
        reversion.set_user(admin_user)
        make_term(name="Wijkagenda")
    make_term(name="Geladen begrip")

    recent = recent_part(client.get("/").content.decode())

    assert "Wijkagenda" in recent
    assert "Geladen begrip" not in recent


def test_a_later_revision_that_includes_an_old_row_does_not_make_it_new(client, admin_user):
    term = make_term(name="Oud begrip")
    type(term).objects.filter(pk=term.pk).update(created_at=timezone.now() - timedelta(days=2))
    with reversion.create_revision():
        reversion.set_user(admin_user)
        reversion.add_to_revision(term)

    assert "Oud begrip" not in recent_part(client.get("/").content.decode())
