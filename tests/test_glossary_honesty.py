"""The glossary claims a source only for what the source says.

Each term of the initial content was read against ../shared/source/ (Krijnen's article and the
checked facts). Where a source says what the word means, the term cites it; where the sources only
use the word, the explanation is the editors' own and the glossary says so.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from library.models import Term
from tests.factories import make_source, make_term

pytestmark = pytest.mark.django_db

SOURCE_FILES = Path(settings.BASE_DIR).parent / "shared" / "source"
ARTICLE = "wijkaanpak-drie-steden-2018.txt"
FACTS = "facts.md"
GENERAL_NOTE = "Algemene omschrijving, niet uit een bron."

# The terms a source explains, each with the passage that does.
EXPLAINED = {
    "Kanteling": (ARTICLE, "druk op vakdiensten om meer wijkgericht te werken. Deze kanteling"),
    "Opwaartse kracht": (
        ARTICLE,
        "‘opwaartse kracht’, een combinatie van algemene wijkontwikkeling en persoonlijke "
        "levensverbetering",
    ),
    "Wijkagenda": (ARTICLE, "vierjarige wijkagenda’s"),
    "Gebiedsagenda": (FACTS, "each with a gebiedsagenda (four years)"),
    "Gebiedsplan": (FACTS, "a yearly gebiedsplan"),
    "Gebiedsmakelaar": (ARTICLE, "de verhoging van de budgetten waarmee zij kunnen werken"),
    "Wijkteam": (ARTICLE, "kleine wijkteams met ambtenaren in de wijk"),
    "Stadsdeelcommissie": (FACTS, "Stadsdeelcommissies are elected"),
    "Gebiedscommissie": (FACTS, "fourteen elected gebiedscommissies"),
    "Wijkraad": (FACTS, "fourteen elected wijkraden"),
    "Wijkcomité": (FACTS, "wijkcomités chosen by lot"),
    "Gebiedsgericht werken": (ARTICLE, "uniforme methode van gebiedsgericht werken ingevoerd"),
    "Wijkwethouder": (ARTICLE, "Individuele wethouders zijn aan wijken gekoppeld"),
}
# The terms the sources use without explaining them.
UNEXPLAINED = {
    "Doorzettingsmacht",
    "Wmo",
    "Sociaal makelaar",
    "Gebiedswerker",
    "Opbouwwerker",
    "Bestuurscommissie",
    "Wijkalliantie",
    "Programmasturing",
    "Open procesaanpak",
    "Programmabureau",
    "Vakdienst",
    "Stadsvernieuwing",
    "Wijkgericht werken",
    "Doorontwikkeling",
    "Wijkbureau",
    "Deelgemeente",
    "Stadsdeel",
}


def entry(page: str, term: Term) -> str:
    start = page.index(f'id="begrip-{term.slug}"')
    return page[start : page.index("</dd>", start)]


def test_every_real_term_was_checked_against_the_sources(content):
    names = set(Term.objects.values_list("name", flat=True))

    assert names == set(EXPLAINED) | UNEXPLAINED


def test_the_passages_that_explain_a_term_are_in_the_source_files():
    if not SOURCE_FILES.is_dir():
        pytest.skip(f"the source files are not beside the checkout ({SOURCE_FILES})")
    texts = {name: (SOURCE_FILES / name).read_text() for name in (ARTICLE, FACTS)}

    for term, (source, passage) in EXPLAINED.items():
        assert " ".join(passage.split()) in " ".join(texts[source].split()), term


def test_a_term_the_sources_only_use_says_its_explanation_is_general(client, content):
    page = client.get("/begrippen/").content.decode()

    for term in Term.objects.all():
        text = entry(page, term)
        if term.name in UNEXPLAINED:
            assert term.general_definition, term
            assert GENERAL_NOTE in text, term
            assert "Bron:" not in text, term
        else:
            assert not term.general_definition, term
            assert "Bron: <a" in text and GENERAL_NOTE not in text, term


def test_a_general_explanation_names_its_sources_only_for_what_it_says_about_the_cities(client):
    cited = make_term(name="Vakdienst", general_definition=True)
    cited.sources.add(make_source(title="Typering van de drie steden", slug="typering"))
    alone = make_term(name="Wijkbudget", general_definition=True)
    bare = make_term(name="Buurtbudget")

    page = client.get("/begrippen/").content.decode()

    assert (
        "Algemene omschrijving, niet uit een bron. Wat hier over de steden staat, komt uit: "
        '<a href="/bronnen/#bron-typering">Typering van de drie steden</a>.'
    ) in entry(page, cited)
    assert GENERAL_NOTE in entry(page, alone) and "/bronnen/" not in entry(page, alone)
    assert "Geen bron vermeld." in entry(page, bare)


def test_loading_again_marks_older_terms_but_leaves_an_edited_one_alone(content):
    Term.objects.update(general_definition=False)
    edited = Term.objects.get(name="Wmo")
    edited.version = 2
    edited.save(update_fields=["version"])

    call_command("load_content", verbosity=0)

    marked = set(Term.objects.filter(general_definition=True).values_list("name", flat=True))
    assert marked == UNEXPLAINED - {"Wmo"}


def test_the_open_data_says_which_explanations_are_general(client, content):
    items = client.get("/api/v1/begrippen/", {"per_pagina": 100}).json()["items"]

    general = {item["name"] for item in items if item["general_definition"]}

    assert general == UNEXPLAINED
