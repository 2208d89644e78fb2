"""Numbered references on the city profile: every claim ends with the numbers of its sources."""

import re

import pytest

from approaches.models import Trait
from editorial.models import Status
from tests.conftest import assert_no_axe_violations
from tests.factories import (
    make_approach,
    make_assessment,
    make_city,
    make_dimension,
    make_period,
    make_role,
    make_source,
    make_trait,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

SUP = re.compile(r'<sup class="ref">(.*?)</sup>')
CITED = re.compile(r'href="#bron-(\d+)"')
LISTED = re.compile(r'<li id="bron-(\d+)">(.*?)</li>', re.S)
ARTICLE_AMSTERDAM = "Krijnen, onder ‘Amsterdam: gebiedsgericht werken als algemene werkmethode’"


def cited_numbers(html: str) -> list[int]:
    return [int(n) for sup in SUP.findall(html) for n in CITED.findall(sup)]


def listed(html: str) -> dict[int, str]:
    return {int(n): entry for n, entry in LISTED.findall(html)}


def section(page: str, anchor: str) -> str:
    start = page.index(f'<section id="{anchor}"')
    return page[start : page.index("</section>", start)]


def test_every_number_links_to_an_entry_and_every_entry_is_cited_on_each_city(client, content):
    for city in ("amsterdam", "den-haag", "rotterdam", "utrecht"):
        page = client.get(f"/steden/{city}/").content.decode()

        numbers, entries = cited_numbers(page), listed(page)

        assert set(numbers) == set(entries) == set(range(1, len(entries) + 1)), city
        assert '<ol class="references">' in page
        # Claims are numbered in the order they cite; the header's dates line points back to them.
        dates = page.index("Stand van de gegevens")
        claims = page[:dates] + page[page.index("</p>", dates) :]
        first_seen = list(dict.fromkeys(cited_numbers(claims)))
        assert first_seen == sorted(first_seen), city


def test_each_claim_section_of_amsterdam_carries_numbers(client, content):
    page = client.get("/steden/amsterdam/").content.decode()

    for anchor in ("typering", "kenmerken", "democratie", "geschiedenis"):
        assert cited_numbers(section(page, anchor)), anchor
    dimensions = section(page, "typering").count('<dd class="dimension-value">')
    assert section(page, "typering").count('<sup class="ref">') == dimensions


def test_the_article_cited_by_many_claims_has_one_number(client, content):
    page = client.get("/steden/amsterdam/").content.decode()
    entries = listed(page)

    article = [n for n, entry in entries.items() if "Typering van de drie steden" in entry]

    assert len(article) == 1
    assert cited_numbers(section(page, "typering")).count(article[0]) > 5


def test_the_passage_is_on_the_link_and_in_the_list_entry(client, content):
    page = client.get("/steden/amsterdam/").content.decode()
    entries = listed(page)
    (number,) = [n for n, entry in entries.items() if "Typering van de drie steden" in entry]

    assert ARTICLE_AMSTERDAM in entries[number]
    assert "Krijnen, onder ‘Verkiezingen voor de wijk?’" in entries[number]
    assert (
        f'<a href="#bron-{number}" aria-label="bron {number}" title="{ARTICLE_AMSTERDAM}">'
        in section(page, "typering")
    )


def test_every_number_is_named_for_a_screen_reader(client, content):
    page = client.get("/steden/amsterdam/").content.decode()

    links = re.findall(r"<a [^>]*>", "".join(SUP.findall(page)))

    assert links
    for link in links:
        number = CITED.search(link).group(1)
        assert f'aria-label="bron {number}"' in link, link


def profile_with_two_sources():
    city = make_city(name="Utrecht", slug="utrecht")
    approach = make_approach(city=city)
    article = make_source(title="Typering van de drie steden", author="Henk Krijnen")
    sheet = make_source(title="Feitenoverzicht vier steden")
    return city, approach, article, sheet


def test_a_claim_without_a_source_gets_no_number(client):
    _, approach, article, _ = profile_with_two_sources()
    make_assessment(approach, make_dimension(name="Sturing", order=1), value="Centraal", text="")
    make_assessment(
        approach, make_dimension(name="Geld", order=2), value="Eigen budget", text=""
    ).sources.add(article)

    page = client.get("/steden/utrecht/").content.decode()

    assert '<dd class="dimension-value">Centraal</dd>' in page
    assert '<dd class="dimension-value">Eigen budget<sup class="ref">' in page
    assert list(listed(page)) == [1]


def test_numbers_follow_the_page_and_a_repeated_source_keeps_its_number(client):
    city, approach, article, sheet = profile_with_two_sources()
    make_assessment(approach, make_dimension(order=1), value="Centraal").sources.add(sheet)
    make_trait(approach, kind=Trait.Kind.STRENGTH, text="Dichtbij.").sources.add(article, sheet)
    make_period(approach, label="2014", title="Start").sources.add(sheet)

    page = client.get("/steden/utrecht/").content.decode()

    assert cited_numbers(page) == [1, 1, 2, 1]  # typering, trait (two), history
    entries = listed(page)
    assert "Feitenoverzicht vier steden" in entries[1]
    assert "Typering van de drie steden" in entries[2]
    assert "Dichtbij.<sup" in page, "the numbers close the trait's own paragraph"


def test_a_passage_goes_with_the_source_it_names(client):
    _, approach, article, sheet = profile_with_two_sources()
    trait = make_trait(
        approach, kind=Trait.Kind.RISK, text="Versnippering.", passage="Krijnen, § 3"
    )
    trait.sources.add(article, sheet)

    page = client.get("/steden/utrecht/").content.decode()

    entries = listed(page)
    krijnen = next(n for n, entry in entries.items() if "Krijnen" in entry)
    sheet_number = 3 - krijnen
    assert "Vindplaats: Krijnen, § 3." in entries[krijnen]
    assert "Vindplaats" not in entries[sheet_number]
    assert f'aria-label="bron {krijnen}" title="Krijnen, § 3"' in page
    assert f'<a href="#bron-{sheet_number}" aria-label="bron {sheet_number}">' in page


def test_roles_and_local_democracy_carry_numbers(client):
    city, approach, article, _ = profile_with_two_sources()
    city.sources.add(article)
    role = make_role(name="Sociaal makelaar", passage="Krijnen, onder ‘Utrecht’")
    role.approaches.add(approach)
    role.sources.add(article)

    page = client.get("/steden/utrecht/").content.decode()

    assert cited_numbers(section(page, "rollen")) == [1]
    assert cited_numbers(section(page, "democratie")) == [1, 1]


def test_a_draft_source_gets_no_number_for_the_public(client, admin_client):
    _, approach, article, _ = profile_with_two_sources()
    draft = make_source(title="Conceptbron", status=Status.DRAFT)
    make_assessment(approach, make_dimension(order=1), value="Centraal", text="").sources.add(draft)

    public = client.get("/steden/utrecht/").content.decode()
    staff = admin_client.get("/steden/utrecht/").content.decode()

    assert '<dd class="dimension-value">Centraal</dd>' in public
    assert 'class="ref"' not in public and "Conceptbron" not in public
    assert listed(staff) and "Conceptbron" in staff


def test_more_claims_do_not_mean_more_queries(client):
    for slug, claims in (("weinig", 2), ("veel", 20)):
        approach = make_approach(city=make_city(slug=slug))
        approach.sources.add(make_source())
        role = make_role()
        role.approaches.add(approach)
        role.sources.add(make_source())
        for n in range(claims):
            source = make_source()
            make_assessment(approach, make_dimension(order=n)).sources.add(source)
            make_trait(approach, kind=Trait.Kind.STRENGTH).sources.add(source)
            make_period(approach, title=f"Periode {n}").sources.add(source)

    assert count_queries(client, "/steden/weinig/") == count_queries(client, "/steden/veel/")


@pytest.mark.browser
def test_a_reader_follows_a_number_to_its_source_on_a_phone_and_a_desktop(
    live_server, page, content
):
    from playwright.sync_api import expect

    page.goto(live_server.url + "/steden/amsterdam/")
    first = page.locator("#typering .ref a").first
    number = first.inner_text()

    first.click()

    assert page.url.endswith(f"#bron-{number}")
    target = page.locator(f"#bron-{number}")
    expect(target).to_be_in_viewport()  # after the smooth scroll
    assert "Typering van de drie steden" in target.inner_text()
    assert_no_axe_violations(page)


def test_a_source_that_only_a_hidden_claim_cites_is_not_listed(client, admin_client):
    _, approach, article, _ = profile_with_two_sources()
    hidden = make_trait(approach, kind=Trait.Kind.RISK, text="Nog niet zeker.", status=Status.DRAFT)
    hidden.sources.add(article)

    public = client.get("/steden/utrecht/").content.decode()
    staff = admin_client.get("/steden/utrecht/").content.decode()

    assert "Typering van de drie steden" not in public
    assert "Nog geen bronnen vermeld." in public
    assert "Nog niet zeker.<sup" in staff


def test_the_dates_line_says_which_source_each_date_belongs_to(client, content):
    page = client.get("/steden/amsterdam/").content.decode()
    entries = listed(page)
    (census,) = [n for n, entry in entries.items() if "83553NED" in entry]
    (article,) = [n for n, entry in entries.items() if "Typering van de drie steden" in entry]

    assert f'inwonertallen per 1 januari 2017<sup class="ref"><a href="#bron-{census}"' in page
    assert (
        "geschreven vóór de raadsverkiezingen van 21 maart 2018"
        f'<sup class="ref"><a href="#bron-{article}"'
    ) in page
