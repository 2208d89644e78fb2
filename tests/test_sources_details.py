"""The full bibliographic details on /bronnen/, the compiled fact sheet shown as what it is, and
the editors' own notes kept off every public page."""

import re

import pytest

from approaches.models import Role
from cities.models import City
from editorial.models import Status
from initial_content.content import sources
from library.models import Source
from tests.factories import make_source

pytestmark = pytest.mark.django_db

ARTICLE = "typering-van-de-drie-steden"
FACT_SHEET = "feitenoverzicht-vier-steden"


def entry(page: str, slug: str) -> str:
    start = page.index(f'<section id="bron-{slug}"')
    return page[start : page.index("</section>", start)]


def fact(label: str, value: str) -> str:
    return f"<dt>{label}</dt><dd>{value}</dd>"


def test_the_core_article_shows_its_publication_details(client, content):
    page = client.get("/bronnen/").content.decode()

    article = entry(page, ARTICLE)

    for label, value in (
        ("Soort", "Artikel"),
        ("Auteur", "Henk Krijnen"),
        (
            "Deel van",
            "een slotbeschouwing in meer delen over de wijkaanpak in Utrecht, Den Haag en "
            "Amsterdam",
        ),
        ("Uitgever", "Buurtwijs"),
        ("Datum", "2018 (geschreven vóór de raadsverkiezingen van 21 maart 2018)"),
        ("Webadres", "niet bekend"),
    ):
        assert fact(label, value) in article, label


def test_the_fact_sheet_is_a_compilation_that_links_to_its_underlying_sources(client, content):
    page = client.get("/bronnen/").content.decode()
    sheet = entry(page, FACT_SHEET)

    underlying = re.findall(r'<ul class="based-on">(.*?)</ul>', sheet, re.S)[0]
    anchors = re.findall(r'href="#bron-([^"]+)"', underlying)

    assert fact("Soort", "Samengesteld overzicht") in sheet
    assert fact("Samengesteld door", "niet vermeld") in sheet
    assert fact("Webadres", "niet bekend") in sheet
    assert "Open data" not in sheet
    expected = Source.objects.get(slug=FACT_SHEET).based_on.values_list("slug", flat=True)
    assert sorted(anchors) == sorted(expected) and len(anchors) == 4
    for slug in anchors:
        assert f'<section id="bron-{slug}"' in page, slug
        used_in = '<p class="cited">Gebruikt in <a href="#bron-feitenoverzicht-vier-steden">'
        assert used_in in entry(page, slug), slug


def test_a_known_address_is_linked_and_an_unknown_one_is_said_to_be_unknown(client):
    make_source(title="Met adres", slug="met-adres", url="https://example.org/wijken")
    make_source(title="Zonder adres", slug="zonder-adres")

    page = client.get("/bronnen/").content.decode()

    assert fact(
        "Webadres",
        '<a class="url" href="https://example.org/wijken">https://example.org/wijken</a>',
    ) in entry(page, "met-adres")
    assert fact("Webadres", "niet bekend") in entry(page, "zonder-adres")
    assert fact("Datum", "niet bekend") in entry(page, "zonder-adres")


def test_a_full_date_and_its_note_are_both_shown(client):
    make_source(
        slug="verordening",
        kind=Source.Kind.POLICY,
        publisher="Gemeente Rotterdam",
        published_on="2022-03-01",
        published_on_note="in werking vanaf de verkiezingen",
    )

    page = entry(client.get("/bronnen/").content.decode(), "verordening")

    assert (
        '<time datetime="2022-03-01">1 maart 2022</time> (in werking vanaf de verkiezingen)' in page
    )
    assert fact("Uitgever", "Gemeente Rotterdam") in page
    assert "<dt>Auteur</dt>" not in page  # a regulation has a maker, not an author


def test_a_compilation_that_names_no_sources_says_so_and_a_draft_one_stays_hidden(
    client, admin_client
):
    empty = make_source(slug="leeg-overzicht", kind=Source.Kind.COMPILATION)
    sheet = make_source(slug="overzicht", kind=Source.Kind.COMPILATION)
    sheet.based_on.add(make_source(title="Conceptonderbouwing", status=Status.DRAFT))

    public = client.get("/bronnen/").content.decode()
    staff = admin_client.get("/bronnen/").content.decode()

    assert "Niet vermeld: dit overzicht noemt de bronnen" in entry(public, empty.slug)
    assert "Conceptonderbouwing" not in public
    assert "Conceptonderbouwing" in entry(staff, "overzicht")


def test_editors_notes_are_on_no_public_page(client, content):
    notes = [note for note in Role.objects.values_list("editor_note", flat=True) if note]
    assert notes, "the real content has editors' notes to keep private"
    pages = ["/bronnen/", "/begrippen/", "/vergelijk/?steden=utrecht&steden=den-haag"]
    pages += [city.get_absolute_url() for city in City.objects.all()]

    for path in pages:
        page = client.get(path).content.decode()
        for note in notes:
            assert note[:40] not in page, (path, note)


def test_a_publisher_the_sources_do_not_name_reads_as_unknown(client, content):
    # facts.md names the WijkWijzer and the Rotterdam regulation, not who published them.
    page = client.get("/bronnen/").content.decode()

    for slug in (sources.WIJKWIJZER_UTRECHT, sources.ROTTERDAM_WIJKRADEN_2022):
        assert fact("Uitgever", "niet bekend") in entry(page, slug)
