"""Every fact of the article, and of the checked fact sheet, is in the structured content.

The checklist follows the article sentence by sentence. Each entry names where the fact belongs
(an assessment on a dimension, a trait of a kind, a role, a city field ...) and words that must
appear there; that place must also cite the article. A fact that goes missing fails on its own.
"""

import json
import re
from dataclasses import dataclass
from datetime import date

import pytest
from django.conf import settings

from approaches.models import Approach, Assessment, Period, Role, Trait
from cities.models import City, District
from library.models import Source, Term

ARTICLE = "typering-van-de-drie-steden"


@pytest.fixture
def facts(content_per_module, db):
    """The real content, loaded once for the ~200 checks below (see tests/conftest.py)."""


# --- Where a fact can live -------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str
    cites_article: bool


def _cites(obj) -> bool:
    return obj.sources.filter(slug=ARTICLE).exists()


def _approach(city: str) -> Approach:
    return Approach.objects.get(city__slug=city)


def in_assessment(city: str, dimension: str):
    def texts():
        found = Assessment.objects.filter(approach__city__slug=city, dimension__slug=dimension)
        return [Text(f"{a.value}\n{a.text}", _cites(a)) for a in found]

    return texts


def in_trait(city: str, kind: str):
    def texts():
        found = Trait.objects.filter(approach__city__slug=city, kind=kind)
        return [Text(t.text, _cites(t)) for t in found]

    return texts


def in_approach(city: str):
    def texts():
        approach = _approach(city)
        return [Text(f"{approach.name}\n{approach.summary}\n{approach.body}", _cites(approach))]

    return texts


def in_city(city: str, field: str):
    def texts():
        obj = City.objects.get(slug=city)
        return [Text(getattr(obj, field), _cites(obj))]

    return texts


def in_period(city: str):
    def texts():
        found = Period.objects.filter(approach__city__slug=city)
        return [Text(f"{p.label}\n{p.title}\n{p.description}", _cites(p)) for p in found]

    return texts


def in_role(slug: str, city: str):
    """The role's description, provided the role is linked to the city's approach."""

    def texts():
        role = Role.objects.get(slug=slug)
        if not role.approaches.filter(city__slug=city).exists():
            return []
        return [Text(role.description, _cites(role))]

    return texts


def in_term(slug: str):
    def texts():
        term = Term.objects.get(slug=slug)
        return [Text(f"{term.name}\n{term.definition}", _cites(term))]

    return texts


def in_source(slug: str):
    def texts():
        source = Source.objects.get(slug=slug)
        fields = [source.title, source.author, source.publisher, source.published_on_note]
        return [Text("\n".join([*fields, source.description]), True)]

    return texts


@dataclass(frozen=True)
class Fact:
    topic: str
    claim: str
    place: object
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.topic}: {self.claim}"


def fact(topic: str, claim: str, place, *words: str) -> Fact:
    return Fact(topic, claim, place, words)


STERK, ZWAK, RISICO, OPEN = "sterk", "zwak", "risico", "open-vraag"

ARTICLE_FACTS = [
    # Introduction
    fact(
        "artikel",
        "geschreven door Henk Krijnen namens Buurtwijs",
        in_source(ARTICLE),
        "Henk Krijnen",
        "Buurtwijs",
    ),
    fact(
        "artikel",
        "geschreven vóór de raadsverkiezingen van 21 maart 2018",
        in_source(ARTICLE),
        "vóór",
        "21 maart 2018",
    ),
    fact("artikel", "gesprekken met betrokken ambtenaren", in_source(ARTICLE), "ambtenaren"),
    fact(
        "artikel",
        "over de wijkaanpak van vroeger, van nu en van na 21 maart",
        in_source(ARTICLE),
        "vroeger",
        "van nu",
        "na 21 maart",
    ),
    fact(
        "artikel",
        "typeert Utrecht, Den Haag en Amsterdam",
        in_source(ARTICLE),
        "Utrecht",
        "Den Haag",
        "Amsterdam",
    ),
    # Utrecht
    fact(
        "Utrecht",
        "wijkgericht werken over de hele stad",
        in_approach("utrecht"),
        "wijkgericht werken over de hele stad",
    ),
    fact(
        "Utrecht",
        "lange traditie van wijkgericht werken",
        in_trait("utrecht", STERK),
        "lange traditie",
    ),
    fact(
        "Utrecht",
        "begonnen met de stadsvernieuwing van de jaren tachtig en negentig",
        in_period("utrecht"),
        "stadsvernieuwing",
        "jaren tachtig en negentig",
    ),
    fact(
        "Utrecht",
        "dekkend systeem voor alle wijken",
        in_assessment("utrecht", "reikwijdte"),
        "dekkend systeem",
        "alle wijken",
    ),
    fact(
        "Utrecht",
        "individuele wethouders zijn aan wijken gekoppeld",
        in_assessment("utrecht", "sturing-en-organisatie"),
        "wethouders zijn aan wijken gekoppeld",
    ),
    fact(
        "Utrecht",
        "nagedacht over de schaalgrootte",
        in_assessment("utrecht", "schaal"),
        "schaalgrootte",
    ),
    fact(
        "Utrecht",
        "geen grote, anonieme wijken",
        in_assessment("utrecht", "schaal"),
        "grote, anonieme wijken",
    ),
    fact(
        "Utrecht",
        "overzichtelijke, herkenbare buurten",
        in_assessment("utrecht", "schaal"),
        "overzichtelijke, herkenbare buurten",
    ),
    fact(
        "Utrecht",
        "al vroeg een lichte kanteling",
        in_assessment("utrecht", "sturing-en-organisatie"),
        "al vroeg",
        "lichte kanteling",
    ),
    fact(
        "Utrecht",
        "kleine wijkteams met ambtenaren in de wijk",
        in_assessment("utrecht", "sturing-en-organisatie"),
        "kleine wijkteams met ambtenaren in de wijk",
    ),
    fact(
        "Utrecht",
        "het wijkteam is een rol in de Utrechtse aanpak",
        in_role("wijkteam", "utrecht"),
        "ambtenaren",
        "wijk",
    ),
    fact(
        "Utrecht",
        "voordeel: geen gemeentelijke wijkbureaucratie",
        in_trait("utrecht", STERK),
        "geen gemeentelijke wijkbureaucratie",
    ),
    fact(
        "Utrecht",
        "nadeel: te weinig doorzettingsmacht",
        in_trait("utrecht", ZWAK),
        "te weinig doorzettingsmacht",
    ),
    fact(
        "Utrecht",
        "goed onderscheid tussen twee typen wijkprofessionals",
        in_trait("utrecht", STERK),
        "onderscheid",
        "twee typen wijkprofessionals",
    ),
    fact(
        "Utrecht",
        "sociaal makelaars hebben een meer vrije rol",
        in_role("sociaal-makelaar", "utrecht"),
        "meer vrije rol",
    ),
    fact(
        "Utrecht",
        "gebiedswerkers als tweede type",
        in_role("gebiedswerker", "utrecht"),
        "sociaal makelaar",
    ),
    fact(
        "Utrecht",
        "sociaal makelaars en gebiedswerkers",
        in_assessment("utrecht", "professionals-in-de-wijk"),
        "sociaal makelaars",
        "gebiedswerkers",
    ),
    fact(
        "Utrecht",
        "de collectieve dimensie in de uitvoering van de Wmo versterken",
        in_assessment("utrecht", "doelen-en-inhoud"),
        "collectieve dimensie",
        "Wmo",
    ),
    fact(
        "Utrecht",
        "aandacht voor innovatie van het wijkwerk",
        in_assessment("utrecht", "innovatie-en-ontwikkeling"),
        "innovatie van het wijkwerk",
    ),
    fact(
        "Utrecht",
        "aandacht voor professionele ontwikkeling",
        in_assessment("utrecht", "innovatie-en-ontwikkeling"),
        "professionele ontwikkeling",
    ),
    # Den Haag
    fact(
        "Den Haag",
        "wijkaanpak in zeven (probleem)wijken",
        in_approach("den-haag"),
        "zeven (probleem)wijken",
    ),
    fact(
        "Den Haag",
        "focus op een beperkt aantal (probleem)wijken, zeven in totaal",
        in_assessment("den-haag", "reikwijdte"),
        "beperkt aantal (probleem)wijken",
        "zeven",
    ),
    fact(
        "Den Haag",
        "bewuste keuze voor gedegen programmasturing",
        in_assessment("den-haag", "sturing-en-organisatie"),
        "bewust",
        "gedegen programmasturing",
    ),
    fact(
        "Den Haag",
        "in combinatie met een open procesaanpak",
        in_assessment("den-haag", "sturing-en-organisatie"),
        "open procesaanpak",
    ),
    fact(
        "Den Haag",
        "programmasturing met open procesaanpak als sterk punt",
        in_trait("den-haag", STERK),
        "programmasturing",
        "open procesaanpak",
    ),
    fact(
        "Den Haag",
        "synergie van projecten en budgetten is een belangrijk doel",
        in_assessment("den-haag", "doelen-en-inhoud"),
        "synergie",
        "projecten",
        "budgetten",
    ),
    fact(
        "Den Haag",
        "'projectjes' voorkomen",
        in_assessment("den-haag", "doelen-en-inhoud"),
        "projectjes",
    ),
    fact(
        "Den Haag",
        "bouwen aan duurzame wijkallianties",
        in_assessment("den-haag", "doelen-en-inhoud"),
        "duurzame wijkallianties",
    ),
    fact(
        "Den Haag",
        "synergie en wijkallianties als sterk punt",
        in_trait("den-haag", STERK),
        "projectjes",
        "wijkallianties",
    ),
    fact(
        "Den Haag",
        "fysiek herstel is een middel om participatie uit te lokken",
        in_assessment("den-haag", "bewonersparticipatie"),
        "fysiek herstel",
        "participatie uit te lokken",
    ),
    fact(
        "Den Haag",
        "40% van de financiën komt niet uit de wijkaanpak",
        in_assessment("den-haag", "financiering"),
        "40%",
        "niet uit de wijkaanpak",
    ),
    fact(
        "Den Haag",
        "toetsing van resultaten wordt belangrijk gevonden",
        in_assessment("den-haag", "resultaten-en-leren"),
        "toetsing van resultaten",
    ),
    fact(
        "Den Haag",
        "naast lerend vermogen",
        in_assessment("den-haag", "resultaten-en-leren"),
        "lerend vermogen",
    ),
    fact(
        "Den Haag",
        "toetsing en lerend vermogen als sterk punt",
        in_trait("den-haag", STERK),
        "resultaten",
        "lerend vermogen",
    ),
    fact(
        "Den Haag",
        "het programmabureau gaat bewust om met politiek, bestuur en ambtenarij",
        in_assessment("den-haag", "sturing-en-organisatie"),
        "programmabureau",
        "politiek, bestuurlijk en ambtelijk",
    ),
    fact(
        "Den Haag",
        "bewuste omgang met de werkomgeving als sterk punt",
        in_trait("den-haag", STERK),
        "programmabureau",
        "werkomgeving",
    ),
    fact(
        "Den Haag",
        "druk op vakdiensten om meer wijkgericht te werken",
        in_assessment("den-haag", "verhouding-stad-en-wijk"),
        "druk op de vakdiensten",
        "wijkgericht",
    ),
    fact(
        "Den Haag",
        "de kanteling komt op gang maar verloopt trager dan gewenst",
        in_trait("den-haag", ZWAK),
        "kanteling",
        "trager dan gewenst",
    ),
    fact(
        "Den Haag",
        "beleid gericht op bevordering van opwaartse kracht",
        in_assessment("den-haag", "doelen-en-inhoud"),
        "opwaartse kracht",
    ),
    fact(
        "Den Haag",
        "opwaartse kracht: algemene wijkontwikkeling en persoonlijke levensverbetering",
        in_assessment("den-haag", "doelen-en-inhoud"),
        "algemene wijkontwikkeling",
        "persoonlijke levensverbetering",
    ),
    fact(
        "Den Haag",
        "open vraag of dit werkt in probleemwijken met veel kwetsbare burgers",
        in_trait("den-haag", OPEN),
        "probleemwijken",
        "kwetsbare burgers",
    ),
    fact(
        "Den Haag",
        "de rol van opbouwwerkers wordt belangrijk gevonden",
        in_assessment("den-haag", "professionals-in-de-wijk"),
        "opbouwwerkers",
        "belangrijk",
    ),
    fact(
        "Den Haag",
        "de opbouwwerker is een rol in de Haagse aanpak",
        in_role("opbouwwerker", "den-haag"),
        "belangrijk",
    ),
    # Amsterdam
    fact(
        "Amsterdam",
        "gebiedsgericht werken als algemene werkmethode",
        in_approach("amsterdam"),
        "gebiedsgericht werken als algemene werkmethode",
    ),
    fact(
        "Amsterdam",
        "ingevoerd gelijktijdig met een bestuurlijke reorganisatie",
        in_assessment("amsterdam", "reikwijdte"),
        "bestuurlijke reorganisatie",
    ),
    fact(
        "Amsterdam",
        "een uniforme methode van gebiedsgericht werken",
        in_assessment("amsterdam", "reikwijdte"),
        "uniforme methode",
    ),
    fact(
        "Amsterdam",
        "daardoor wordt in de hele stad zo gewerkt",
        in_assessment("amsterdam", "reikwijdte"),
        "hele stad",
    ),
    fact(
        "Amsterdam",
        "met een jaarlijkse cyclus",
        in_assessment("amsterdam", "sturing-en-organisatie"),
        "jaarlijkse cyclus",
    ),
    fact(
        "Amsterdam",
        "met vierjarige wijkagenda's",
        in_assessment("amsterdam", "sturing-en-organisatie"),
        "vierjarige wijkagenda's",
    ),
    fact(
        "Amsterdam",
        "met burgerinspraak",
        in_assessment("amsterdam", "bewonersparticipatie"),
        "burgerinspraak",
    ),
    fact(
        "Amsterdam",
        "de stadsdelen kunnen van elkaar leren",
        in_trait("amsterdam", STERK),
        "stadsdelen",
        "van elkaar leren",
    ),
    fact(
        "Amsterdam",
        "'doorontwikkeling' is mogelijk",
        in_trait("amsterdam", STERK),
        "doorontwikkeling",
    ),
    fact(
        "Amsterdam",
        "leren en doorontwikkeling",
        in_assessment("amsterdam", "resultaten-en-leren"),
        "van elkaar leren",
        "doorontwikkeling",
    ),
    fact(
        "Amsterdam",
        "mogelijk nadeel: plichtmatig gemaakte, oppervlakkige gebiedsplannen",
        in_trait("amsterdam", RISICO),
        "plichtmatige",
        "oppervlakkige gebiedsplannen",
    ),
    fact(
        "Amsterdam",
        "risico: gebiedsgericht werken als apart systeem naast het wijkgerichte werken",
        in_trait("amsterdam", RISICO),
        "apart systeem",
        "wijkgerichte werken",
    ),
    fact(
        "Amsterdam",
        "de praktijk verschilt nogal per stadsdeel en per gebied",
        in_assessment("amsterdam", "sturing-en-organisatie"),
        "per stadsdeel en per gebied",
        "verschilt",
    ),
    fact("Amsterdam", "22 gebieden", in_assessment("amsterdam", "schaal"), "22 gebieden"),
    fact(
        "Amsterdam",
        "de invulling wordt overgelaten aan elk stadsdeel afzonderlijk",
        in_assessment("amsterdam", "sturing-en-organisatie"),
        "elk stadsdeel afzonderlijk",
    ),
    fact(
        "Amsterdam",
        "de diversiteit is de kracht van de werkwijze",
        in_trait("amsterdam", STERK),
        "diversiteit",
        "kracht",
    ),
    fact(
        "Amsterdam",
        "de diversiteit is ook de zwakte van de werkwijze",
        in_trait("amsterdam", ZWAK),
        "diversiteit",
        "zwakte",
    ),
    fact(
        "Amsterdam",
        "gezocht wordt naar afstemming tussen stedelijke en wijkgebonden prioriteiten",
        in_assessment("amsterdam", "verhouding-stad-en-wijk"),
        "afstemming",
        "stedelijke en wijkgebonden prioriteiten",
    ),
    fact(
        "Amsterdam",
        "die afstemming is een open vraag",
        in_trait("amsterdam", OPEN),
        "stedelijke en wijkgebonden prioriteiten",
    ),
    fact(
        "Amsterdam",
        "te veel centrale bemoeizucht is een reëel gevaar",
        in_trait("amsterdam", RISICO),
        "centrale bemoeizucht",
        "reëel gevaar",
    ),
    fact(
        "Amsterdam",
        "uitbreiding van de bevoegdheden van de gebiedsmakelaar is onderwerp van discussie",
        in_trait("amsterdam", OPEN),
        "bevoegdheden van de gebiedsmakelaar",
    ),
    fact(
        "Amsterdam",
        "de verhoging van de budgetten van gebiedsmakelaars is onderwerp van discussie",
        in_trait("amsterdam", OPEN),
        "budgetten",
        "gebiedsmakelaars",
    ),
    fact(
        "Amsterdam",
        "de gebiedsmakelaar werkt met budgetten",
        in_assessment("amsterdam", "financiering"),
        "gebiedsmakelaars",
        "budgetten",
    ),
    fact(
        "Amsterdam",
        "de gebiedsmakelaar is een rol in de Amsterdamse aanpak",
        in_role("gebiedsmakelaar", "amsterdam"),
        "bevoegdheden",
        "budgetten",
        "discussie",
    ),
    # Verkiezingen voor de wijk?
    fact(
        "democratie",
        "in Utrecht geen koppeling tussen lokale democratie en wijkgericht werken",
        in_city("utrecht", "democracy_text"),
        "niet gekoppeld aan de lokale democratie",
    ),
    fact(
        "democratie",
        "in Den Haag geen koppeling tussen lokale democratie en wijkgericht werken",
        in_city("den-haag", "democracy_text"),
        "niet gekoppeld aan de lokale democratie",
    ),
    fact(
        "democratie",
        "geen aparte wijkverkiezingen in Utrecht op 21 maart 2018",
        in_city("utrecht", "democracy_text"),
        "geen aparte wijkverkiezingen",
        "21 maart 2018",
    ),
    fact(
        "democratie",
        "geen aparte wijkverkiezingen in Den Haag op 21 maart 2018",
        in_city("den-haag", "democracy_text"),
        "geen aparte wijkverkiezingen",
        "21 maart 2018",
    ),
    fact(
        "democratie",
        "Utrecht op de dimensie lokale democratie",
        in_assessment("utrecht", "lokale-democratie"),
        "geen aparte wijkverkiezingen",
    ),
    fact(
        "democratie",
        "Den Haag op de dimensie lokale democratie",
        in_assessment("den-haag", "lokale-democratie"),
        "geen aparte wijkverkiezingen",
    ),
    fact(
        "democratie",
        "in Amsterdam wel: stadsdeelcommissies",
        in_city("amsterdam", "democracy_text"),
        "stadsdeelcommissies",
    ),
    fact(
        "democratie",
        "Amsterdam op de dimensie lokale democratie",
        in_assessment("amsterdam", "lokale-democratie"),
        "stadsdeelcommissies",
    ),
    fact(
        "democratie",
        "in Rotterdam wel: bestuurscommissies en wijkraden",
        in_city("rotterdam", "democracy_text"),
        "bestuurscommissies",
        "wijkraden",
    ),
    fact(
        "democratie",
        "Rotterdam op de dimensie lokale democratie",
        in_assessment("rotterdam", "lokale-democratie"),
        "gebiedscommissies",
        "wijkraden",
    ),
    fact(
        "democratie",
        "voordeel in Amsterdam: prioriteiten politiek gelegitimeerd",
        in_city("amsterdam", "democracy_text"),
        "prioriteiten",
        "politiek gelegitimeerd",
    ),
    fact(
        "democratie",
        "voordeel in Rotterdam: prioriteiten politiek gelegitimeerd",
        in_city("rotterdam", "democracy_text"),
        "prioriteiten",
        "politiek is gelegitimeerd",
    ),
    fact(
        "democratie",
        "voordeel in Amsterdam: via de stembus identificeren met wijk en stadsdeel",
        in_city("amsterdam", "democracy_text"),
        "stembus",
        "identificeren met hun wijk en stadsdeel",
    ),
    fact(
        "democratie",
        "voordeel in Rotterdam: via de stembus identificeren met de wijk",
        in_city("rotterdam", "democracy_text"),
        "stembus",
        "identificeren met hun wijk",
    ),
    fact(
        "democratie",
        "het Amsterdamse voordeel als sterk punt",
        in_trait("amsterdam", STERK),
        "politiek gelegitimeerd",
        "stembus",
    ),
    fact(
        "democratie",
        "het Rotterdamse voordeel als sterk punt",
        in_trait("rotterdam", STERK),
        "politiek gelegitimeerd",
        "stembus",
    ),
    fact(
        "democratie",
        "voordeel in Utrecht: het vizier volledig op de inhoud",
        in_city("utrecht", "democracy_text"),
        "vizier",
        "volledig op de inhoud",
    ),
    fact(
        "democratie",
        "voordeel in Den Haag: het vizier volledig op de inhoud",
        in_city("den-haag", "democracy_text"),
        "vizier",
        "volledig op de inhoud",
    ),
    fact(
        "democratie",
        "Utrecht heeft minder last van een verpolitiekt klimaat",
        in_city("utrecht", "democracy_text"),
        "verpolitiekt klimaat",
    ),
    fact(
        "democratie",
        "Den Haag heeft minder last van een verpolitiekt klimaat",
        in_city("den-haag", "democracy_text"),
        "verpolitiekt klimaat",
    ),
    fact(
        "democratie",
        "het Utrechtse voordeel als sterk punt",
        in_trait("utrecht", STERK),
        "vizier",
        "verpolitiekt klimaat",
    ),
    fact(
        "democratie",
        "het Haagse voordeel als sterk punt",
        in_trait("den-haag", STERK),
        "vizier",
        "verpolitiekt klimaat",
    ),
    # Terms the article uses
    fact("begrippen", "kanteling", in_term("kanteling"), "lichte kanteling", "vakdiensten"),
    fact("begrippen", "doorzettingsmacht", in_term("doorzettingsmacht"), "wijkteams"),
    fact(
        "begrippen",
        "opwaartse kracht",
        in_term("opwaartse-kracht"),
        "wijkontwikkeling",
        "persoonlijke levensverbetering",
    ),
    fact("begrippen", "Wmo", in_term("wmo"), "Wet maatschappelijke ondersteuning", "collectieve"),
    fact("begrippen", "wijkagenda", in_term("wijkagenda"), "vierjarige"),
    fact("begrippen", "gebiedsplan", in_term("gebiedsplan"), "plichtmatig"),
    fact("begrippen", "wijkalliantie", in_term("wijkalliantie"), "projectjes"),
    fact("begrippen", "programmasturing", in_term("programmasturing"), "open procesaanpak"),
    fact("begrippen", "bestuurscommissie", in_term("bestuurscommissie"), "Rotterdam"),
    fact("begrippen", "stadsvernieuwing", in_term("stadsvernieuwing"), "jaren tachtig en negentig"),
]


@pytest.mark.parametrize("fact", ARTICLE_FACTS, ids=str)
def test_the_article_fact_is_in_the_content_and_cites_the_article(facts, fact):
    texts = fact.place()
    holding = [t for t in texts if all(w.lower() in t.text.lower() for w in fact.words)]

    assert holding, f"Ontbreekt: {fact} — gezocht naar {fact.words} in {texts}"
    assert any(t.cites_article for t in holding), (
        f"{fact} staat er, maar zonder het artikel als bron"
    )


# --- Facts that live in fields rather than text ------------------------------------------------


@pytest.mark.parametrize(
    ("city", "scope"),
    [("utrecht", "hele-stad"), ("den-haag", "focuswijken"), ("amsterdam", "uniforme-methode")],
)
def test_each_approach_has_the_scope_the_article_gives_it(facts, city, scope):
    assert _approach(city).scope == scope


def test_den_haag_counts_seven_focus_wijken_without_naming_them(facts):
    assert _approach("den-haag").focus_area_count == 7
    den_haag = District.objects.filter(city__slug="den-haag")
    assert not den_haag.filter(focus_area=District.Focus.YES).exists()
    # Counted, not named: no Den Haag wijk is said to be outside the seven either.
    assert not den_haag.filter(focus_area=District.Focus.NO).exists()


@pytest.mark.parametrize(
    ("city", "link", "elections"),
    [
        ("utrecht", "geen", False),
        ("den-haag", "geen", False),
        ("amsterdam", "stadsdeelcommissies", True),
        ("rotterdam", "gemengd", True),
    ],
)
def test_each_city_links_districts_to_democracy_as_the_article_says(facts, city, link, elections):
    city = City.objects.get(slug=city)
    assert (city.democracy_link, city.district_elections) == (link, elections)


@pytest.mark.parametrize(
    ("role", "city"),
    [
        ("sociaal-makelaar", "utrecht"),
        ("gebiedswerker", "utrecht"),
        ("wijkteam", "utrecht"),
        ("opbouwwerker", "den-haag"),
        ("gebiedsmakelaar", "amsterdam"),
    ],
)
def test_each_role_belongs_to_the_approach_that_uses_it(facts, role, city):
    approaches = Role.objects.get(slug=role).approaches.all()
    assert [a.city.slug for a in approaches] == [city]


def test_rotterdam_is_marked_thin_and_says_what_is_missing(facts):
    rotterdam = _approach("rotterdam")
    assert rotterdam.is_incomplete
    assert "werkwijze in de wijken" in rotterdam.incomplete_note


def test_rotterdam_has_no_assessment_the_sources_do_not_back(facts):
    dimensions = set(_approach("rotterdam").assessments.values_list("dimension__slug", flat=True))
    assert dimensions == {"schaal", "lokale-democratie", "bewonersparticipatie"}


@pytest.mark.parametrize(
    ("city", "label", "starts_on", "ends_on"),
    [
        ("utrecht", "jaren tachtig en negentig", None, None),
        ("utrecht", "2014–2018", date(2014, 3, 19), date(2018, 3, 21)),
        ("utrecht", "na 21 maart 2018", date(2018, 3, 21), None),
        ("den-haag", "2014–2018", date(2014, 3, 19), date(2018, 3, 21)),
        ("den-haag", "na 21 maart 2018", date(2018, 3, 21), None),
        ("amsterdam", "2015–2022", None, date(2022, 3, 23)),
        ("amsterdam", "vanaf 24 maart 2022", date(2022, 3, 24), None),
        ("rotterdam", "2014–2018", date(2014, 3, 19), date(2018, 3, 21)),
        ("rotterdam", "vanaf 21 maart 2018", date(2018, 3, 21), date(2022, 3, 16)),
        ("rotterdam", "vanaf maart 2022", date(2022, 3, 16), None),
    ],
)
def test_the_history_has_its_periods(facts, city, label, starts_on, ends_on):
    period = Period.objects.get(approach__city__slug=city, label=label)
    assert (period.starts_on, period.ends_on) == (starts_on, ends_on)


# --- The checked fact sheet (facts.md) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "official_name", "cbs_code", "inhabitants"),
    [
        ("amsterdam", "Amsterdam", "GM0363", 844_947),
        ("den-haag", "'s-Gravenhage", "GM0518", 524_882),
        ("rotterdam", "Rotterdam", "GM0599", 634_660),
        ("utrecht", "Utrecht", "GM0344", 343_038),
    ],
)
def test_each_city_has_its_cbs_facts_of_2017(facts, slug, official_name, cbs_code, inhabitants):
    city = City.objects.get(slug=slug)
    assert (city.official_name, city.cbs_code) == (official_name, cbs_code)
    assert (city.inhabitants, city.inhabitants_year) == (inhabitants, 2017)
    assert city.inhabitants_source.slug == "cbs-gebieden-in-nederland-2017"


def _names(city: str, **filters) -> list[str]:
    found = District.objects.filter(city__slug=city, **filters).order_by(
        "cbs_code", "municipal_code"
    )
    return list(found.values_list("name", flat=True))


def test_utrecht_has_its_ten_wijken_with_their_cbs_codes(facts):
    wijken = District.objects.filter(city__slug="utrecht", kind="wijk").order_by("cbs_code")
    assert [(w.cbs_code, w.name) for w in wijken] == [
        ("WK034401", "West"),
        ("WK034402", "Noordwest"),
        ("WK034403", "Overvecht"),
        ("WK034404", "Noordoost"),
        ("WK034405", "Oost"),
        ("WK034406", "Binnenstad"),
        ("WK034407", "Zuid"),
        ("WK034408", "Zuidwest"),
        ("WK034409", "Leidsche Rijn"),
        ("WK034410", "Vleuten-De Meern"),
    ]


AMSTERDAM = {
    "Centrum": ["Centrum-West", "Centrum-Oost"],
    "West": ["Westerpark", "Bos en Lommer", "Oud-West/De Baarsjes"],
    "Nieuw-West": [
        "Geuzenveld/Slotermeer",
        "Osdorp",
        "De Aker/Sloten/Nieuw-Sloten",
        "Slotervaart",
    ],
    "Zuid": ["Oud-Zuid", "Buitenveldert/Zuidas", "De Pijp/Rivierenbuurt"],
    "Oost": [
        "Oud-Oost",
        "Indische Buurt/Oostelijk Havengebied",
        "Watergraafsmeer",
        "IJburg/Zeeburgereiland",
    ],
    "Noord": ["Noord-West", "Oud-Noord", "Noord-Oost"],
    "Zuidoost": ["Bijlmer-Centrum", "Bijlmer-Oost", "Gaasperdam/Driemond"],
}


@pytest.mark.parametrize("stadsdeel", AMSTERDAM)
def test_each_amsterdam_stadsdeel_holds_its_gebieden(facts, stadsdeel):
    parent = District.objects.get(city__slug="amsterdam", kind="stadsdeel", name=stadsdeel)
    assert parent.body == District.Body.STADSDEELCOMMISSIE
    assert sorted(parent.children.values_list("name", flat=True)) == sorted(AMSTERDAM[stadsdeel])


def test_amsterdams_gebieden_carry_the_municipal_codes_dx01_to_dx22(facts):
    codes = District.objects.filter(city__slug="amsterdam", kind="gebied")
    assert sorted(codes.values_list("municipal_code", flat=True)) == [
        f"DX{n:02d}" for n in range(1, 23)
    ]


def test_den_haag_has_its_44_cbs_wijken_and_its_eight_stadsdelen_as_a_count(facts):
    wijken = District.objects.filter(city__slug="den-haag", kind="wijk")
    assert sorted(wijken.values_list("cbs_code", flat=True)) == [
        f"WK0518{n:02d}" for n in range(1, 45)
    ]
    assert not District.objects.filter(city__slug="den-haag", kind="stadsdeel").exists()
    assert "acht stadsdelen" in City.objects.get(slug="den-haag").summary


def test_den_haags_approach_ran_as_opwaartse_kracht_with_a_small_programme_bureau(facts):
    period = Period.objects.get(approach__city__slug="den-haag", label="2014–2018")
    assert "Opwaartse kracht" in period.description
    assert "klein programmabureau" in period.description


ROTTERDAM_GEBIEDEN = {
    "Charlois": "WK059915",
    "Delfshaven": "WK059903",
    "Feijenoord": "WK059910",
    "Hillegersberg-Schiebroek": "WK059906",
    "Hoek van Holland": "WK059917",
    "Hoogvliet": "WK059916",
    "IJsselmonde": "WK059912",
    "Kralingen-Crooswijk": "WK059908",
    "Noord": "WK059905",
    "Overschie": "WK059904",
    "Pernis": "WK059913",
    "Prins Alexander": "WK059914",
    "Rotterdam Centrum": "WK059901",
    "Rozenburg": "WK059927",
}


def test_rotterdam_has_its_fourteen_gebieden_with_cbs_codes(facts):
    gebieden = District.objects.filter(city__slug="rotterdam", kind="gebied")
    assert dict(gebieden.values_list("name", "cbs_code")) == ROTTERDAM_GEBIEDEN


def test_twelve_rotterdam_gebieden_keep_a_gebiedscommissie_but_noord_and_feijenoord_do_not(facts):
    gebieden = District.objects.filter(city__slug="rotterdam", kind="gebied")
    without = gebieden.exclude(body=District.Body.GEBIEDSCOMMISSIE)
    assert sorted(without.values_list("name", flat=True)) == ["Feijenoord", "Noord"]
    assert set(without.values_list("body", flat=True)) == {""}


@pytest.mark.parametrize(
    ("gebied", "wijken"),
    [
        (
            "Noord",
            [
                "Agniesebuurt",
                "Bergpolder",
                "Blijdorp/Blijdorpsepolder",
                "Liskwartier",
                "Oude Noorden",
                "Provenierswijk",
            ],
        ),
        (
            "Feijenoord",
            [
                "Afrikaanderwijk",
                "Bloemhof",
                "Feijenoord",
                "Hillesluis",
                "Katendrecht/Wilhelminapier",
                "Kop van Zuid-Entrepot",
                "Noordereiland",
                "Vreewijk",
            ],
        ),
    ],
)
def test_the_wijkraden_of_2018_lie_in_noord_and_feijenoord(facts, gebied, wijken):
    parent = District.objects.get(city__slug="rotterdam", kind="gebied", name=gebied)
    children = parent.children.filter(body=District.Body.WIJKRAAD)
    assert sorted(children.values_list("name", flat=True)) == wijken


def test_six_rotterdam_wijken_try_a_wijkcomite_chosen_by_lot(facts):
    assert sorted(_names("rotterdam", body=District.Body.WIJKCOMITE)) == [
        "Middelland",
        "Nesselande",
        "Oud-Mathenesse/Witte Dorp",
        "Pendrecht",
        "Tarwewijk",
        "Zevenkamp",
    ]


def test_rotterdams_39_wijkraden_of_2022_cite_the_verordening(facts):
    period = Period.objects.get(approach__city__slug="rotterdam", label="vanaf maart 2022")
    assert "39 gekozen wijkraden" in period.description
    assert period.sources.filter(slug="rotterdam-verordening-wijkraden-2022").exists()


def test_amsterdams_new_division_of_24_march_2022(facts):
    period = Period.objects.get(approach__city__slug="amsterdam", starts_on=date(2022, 3, 24))
    assert "Weesp" in period.description
    assert "25 gebieden" in period.description


def test_utrechts_wijken_cite_the_wijkwijzer(facts):
    wijken = District.objects.filter(city__slug="utrecht")
    assert not wijken.exclude(sources__slug="wijkwijzer-utrecht-2016").exists()


# --- Codes and names agree with the boundary data the maps use --------------------------------


def _boundary_wijken(municipality: str) -> dict[str, str]:
    path = settings.BOUNDARY_DATA_DIR / "wijken-2018.geojson"
    if not path.exists():
        pytest.skip(f"{path} ontbreekt")
    features = json.loads(path.read_text())["features"]
    return {
        f["properties"]["code"]: re.sub(r"^Wijk \d{2} ", "", f["properties"]["name"])
        for f in features
        if f["properties"]["municipality_code"] == municipality
    }


@pytest.mark.parametrize(("city", "municipality"), [("utrecht", "GM0344"), ("den-haag", "GM0518")])
def test_wijk_names_and_codes_match_the_cbs_map(facts, city, municipality):
    wijken = District.objects.filter(city__slug=city, kind="wijk")
    assert dict(wijken.values_list("cbs_code", "name")) == _boundary_wijken(municipality)


def test_rotterdams_gebieden_match_cbs_wijken_of_the_same_name(facts):
    cbs = _boundary_wijken("GM0599")
    for name, code in ROTTERDAM_GEBIEDEN.items():
        assert cbs[code] == name


def test_amsterdams_gebied_codes_match_the_municipal_data(facts):
    path = settings.BOUNDARY_DATA_DIR / "amsterdam-gebieden.geojson"
    if not path.exists():
        pytest.skip(f"{path} ontbreekt")
    features = json.loads(path.read_text())["features"]
    expected = {f["properties"]["code"]: f["properties"]["stadsdeel_code"] for f in features}
    gebieden = District.objects.filter(city__slug="amsterdam", kind="gebied")
    actual = dict(gebieden.values_list("municipal_code", "parent__municipal_code"))
    assert actual == expected
