"""Amsterdam: gebiedsgericht werken als algemene werkmethode (the 2015–2022 division)."""

from datetime import date

from .common import (
    AMSTERDAM_SECTION,
    ELECTIONS_SECTION,
    district,
    in_article,
    slug_for,
    trait,
    with_passages,
)
from .sources import AMSTERDAM_GEBIEDEN, ARTICLE, CBS_GEBIEDEN_2017, FACT_SHEET

CITY = {
    "slug": "amsterdam",
    "name": "Amsterdam",
    "official_name": "Amsterdam",
    "cbs_code": "GM0363",
    "inhabitants": 844_947,
    "inhabitants_year": 2017,
    "inhabitants_source": CBS_GEBIEDEN_2017,
    "summary": (
        "Amsterdam voerde enkele jaren vóór 2018, tegelijk met een bestuurlijke reorganisatie, "
        "één methode van gebiedsgericht werken in voor de hele stad: een jaarlijkse cyclus, "
        "vierjarige agenda's en inspraak van bewoners. Van 2015 tot 2022 werkte de stad zo in 22 "
        "gebieden, verdeeld over zeven stadsdelen; elk stadsdeel bepaalt zelf hoe het werk wordt "
        "ingevuld. Bewoners kiezen stadsdeelcommissies. Sinds 24 maart 2022 geldt een nieuwe "
        "indeling, met zeven stadsdelen plus stadsgebied Weesp en 25 gebieden."
    ),
    "democracy_link": "stadsdeelcommissies",
    "democracy_text": (
        "In Amsterdam is het gebiedsgericht werken wél gekoppeld aan de lokale democratie: "
        "tegelijk met de raadsverkiezingen van 21 maart 2018 kozen Amsterdammers hun "
        "stadsdeelcommissies.\n\n"
        "Volgens Henk Krijnen heeft dat een voordeel: het stellen van gebiedsgerichte prioriteiten "
        "is politiek gelegitimeerd, en door naar de stembus te gaan kunnen bewoners zich "
        "identificeren met hun wijk en stadsdeel."
    ),
    "district_elections": True,
    "sources": [ARTICLE, CBS_GEBIEDEN_2017, AMSTERDAM_GEBIEDEN, FACT_SHEET],
}

# Stadsdeel codes as the Gemeente Amsterdam gebiedsindeling writes them.
STADSDELEN = [
    ("A", "Centrum"),
    ("E", "West"),
    ("F", "Nieuw-West"),
    ("K", "Zuid"),
    ("M", "Oost"),
    ("N", "Noord"),
    ("T", "Zuidoost"),
]

# (gebied code, name, stadsdeel code)
GEBIEDEN = [
    ("DX01", "Centrum-West", "A"),
    ("DX02", "Centrum-Oost", "A"),
    ("DX03", "Westerpark", "E"),
    ("DX04", "Bos en Lommer", "E"),
    ("DX05", "Oud-West/De Baarsjes", "E"),
    ("DX06", "Geuzenveld/Slotermeer", "F"),
    ("DX07", "Osdorp", "F"),
    ("DX08", "De Aker/Sloten/Nieuw-Sloten", "F"),
    ("DX09", "Slotervaart", "F"),
    ("DX10", "Oud-Zuid", "K"),
    ("DX11", "Buitenveldert/Zuidas", "K"),
    ("DX12", "De Pijp/Rivierenbuurt", "K"),
    ("DX13", "Oud-Oost", "M"),
    ("DX14", "Indische Buurt/Oostelijk Havengebied", "M"),
    ("DX15", "Watergraafsmeer", "M"),
    ("DX16", "IJburg/Zeeburgereiland", "M"),
    ("DX17", "Noord-West", "N"),
    ("DX18", "Oud-Noord", "N"),
    ("DX19", "Noord-Oost", "N"),
    ("DX20", "Bijlmer-Centrum", "T"),
    ("DX21", "Bijlmer-Oost", "T"),
    ("DX22", "Gaasperdam/Driemond", "T"),
]

_STADSDEEL_NAMES = dict(STADSDELEN)
_GEBIED_COUNTS = {
    code: sum(1 for *_, parent in GEBIEDEN if parent == code) for code, _ in STADSDELEN
}
_NUMBER_WORDS = {2: "twee", 3: "drie", 4: "vier"}


def _stadsdeel(code: str, name: str) -> dict:
    return district(
        name,
        "stadsdeel",
        [AMSTERDAM_GEBIEDEN, FACT_SHEET],
        municipal_code=code,
        body="stadsdeelcommissie",
        summary=(
            f"Stadsdeel met een gekozen stadsdeelcommissie. Van 2015 tot 2022 omvatte het "
            f"{_NUMBER_WORDS[_GEBIED_COUNTS[code]]} gebieden van het gebiedsgericht werken."
        ),
    )


def _gebied(code: str, name: str, stadsdeel: str) -> dict:
    return district(
        name,
        "gebied",
        [AMSTERDAM_GEBIEDEN, FACT_SHEET],
        municipal_code=code,
        parent=slug_for(_STADSDEEL_NAMES[stadsdeel]),
        summary=(
            f"Een van de 22 gebieden van het gebiedsgericht werken (2015–2022), in stadsdeel "
            f"{_STADSDEEL_NAMES[stadsdeel]}, met een gebiedsagenda voor vier jaar en een jaarlijks "
            "gebiedsplan."
        ),
    )


# Stadsdelen first: a gebied names its stadsdeel as parent.
DISTRICTS = [_stadsdeel(*row) for row in STADSDELEN] + [_gebied(*row) for row in GEBIEDEN]

APPROACH = with_passages(
    {
        "slug": "gebiedsgericht-werken",
        "name": "Gebiedsgericht werken als algemene werkmethode",
        "scope": "uniforme-methode",
        "summary": (
            "Amsterdam werkt in de hele stad volgens één methode van gebiedsgericht werken, met een "
            "jaarlijkse cyclus, vierjarige agenda's en burgerinspraak. Elk stadsdeel vult het werk "
            "zelf in, waardoor de praktijk per stadsdeel en per gebied nogal verschilt."
        ),
        "body": (
            "Enkele jaren vóór 2018 voerde Amsterdam, tegelijk met een bestuurlijke reorganisatie, "
            "een uniforme methode van gebiedsgericht werken in: met een jaarlijkse cyclus, vierjarige "
            "wijkagenda's en burgerinspraak. Daardoor werkt de hele stad op deze manier. Elk van de "
            "22 gebieden heeft een gebiedsagenda voor vier jaar en een jaarlijks gebiedsplan.\n\n"
            "Positief is dat de stadsdelen van elkaar kunnen leren en dat ‘doorontwikkeling’ mogelijk "
            "is. Een mogelijk nadeel is dat er plichtmatig oppervlakkige gebiedsplannen worden "
            "gemaakt. Een ander risico is dat het gebiedsgericht werken als apart systeem naast het "
            "bestaande wijkgerichte werken komt te staan.\n\n"
            "De praktijk verschilt nogal per stadsdeel en per gebied, ook omdat elk stadsdeel zelf "
            "bepaalt hoe het werk wordt ingevuld. Krijnen: „De diversiteit is zowel de kracht als de "
            "zwakte van de Amsterdamse werkwijze.”\n\n"
            "De stad zoekt naar een goede afstemming tussen stedelijke en wijkgebonden prioriteiten; "
            "te veel centrale bemoeizucht is daarbij een reëel gevaar. Of de bevoegdheden van de "
            "gebiedsmakelaars moeten worden uitgebreid en hun budgetten verhoogd, is onderwerp van "
            "discussie."
        ),
        "sources": [ARTICLE, FACT_SHEET],
        "assessments": [
            {
                "dimension": "reikwijdte",
                "option": "hele-stad",
                "value": "Eén uniforme methode voor de hele stad",
                "text": (
                    "Amsterdam voerde, gelijktijdig met een bestuurlijke reorganisatie, een uniforme "
                    "methode van gebiedsgericht werken in. Daardoor wordt in de hele stad op deze "
                    "manier gewerkt."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "schaal",
                "option": "gebieden-binnen-stadsdelen",
                "value": "Zeven stadsdelen met samen 22 gebieden (2015–2022)",
                "text": (
                    "Van 2015 tot 2022 was de stad verdeeld in zeven stadsdelen met samen 22 gebieden. "
                    "Het havengebied Westpoort, tot 2015 een apart statistisch gebied, hoort bij geen "
                    "van die gebieden. Sinds 24 maart 2022 geldt een nieuwe indeling: zeven stadsdelen "
                    "plus stadsgebied Weesp, met samen 25 gebieden."
                ),
                "sources": [ARTICLE, AMSTERDAM_GEBIEDEN, FACT_SHEET],
            },
            {
                "dimension": "sturing-en-organisatie",
                "option": "stedelijke-methode",
                "value": "Jaarlijkse cyclus en vierjarige agenda's; elk stadsdeel vult het werk zelf in",
                "text": (
                    "De methode kent een jaarlijkse cyclus en vierjarige wijkagenda's: elk gebied heeft "
                    "een gebiedsagenda voor vier jaar en een jaarlijks gebiedsplan. De invulling van "
                    "het werk wordt overgelaten aan elk stadsdeel afzonderlijk, zodat de praktijk per "
                    "stadsdeel en per gebied nogal verschilt. Die diversiteit is volgens Krijnen zowel "
                    "de kracht als de zwakte van de Amsterdamse werkwijze."
                ),
                "sources": [ARTICLE, FACT_SHEET],
            },
            {
                "dimension": "verhouding-stad-en-wijk",
                "option": "afstemming-prioriteiten",
                "value": "Zoeken naar afstemming van stedelijke en wijkgebonden prioriteiten",
                "text": (
                    "Gezocht wordt naar een goede afstemming tussen stedelijke en wijkgebonden "
                    "prioriteiten. Te veel centrale bemoeizucht is daarbij een reëel gevaar."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "professionals-in-de-wijk",
                "option": "gebiedsmakelaars",
                "value": "De gebiedsmakelaar; discussie over meer bevoegdheden en budget",
                "text": (
                    "Gebiedsmakelaars werken met eigen budgetten. Of hun bevoegdheden moeten worden "
                    "uitgebreid, is onderwerp van discussie; dat geldt ook voor een verhoging van "
                    "hun budgetten."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "financiering",
                "option": "budgetten-gebiedsmakelaars",
                "value": "Gebiedsmakelaars werken met budgetten; een verhoging is onderwerp van discussie",
                "text": (
                    "Gebiedsmakelaars kunnen met budgetten werken. Of die budgetten omhoog moeten, is "
                    "onderwerp van discussie."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "bewonersparticipatie",
                "option": "burgerinspraak",
                "value": "Burgerinspraak hoort bij de vaste methode",
                "text": (
                    "Burgerinspraak is een onderdeel van de uniforme methode, naast de jaarlijkse "
                    "cyclus en de vierjarige wijkagenda's."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "lokale-democratie",
                "option": "gekoppeld",
                "value": "Gekozen stadsdeelcommissies",
                "text": (
                    "Amsterdammers kiezen stadsdeelcommissies, tegelijk met de raadsverkiezingen van "
                    "21 maart 2018. Voordeel: het stellen van gebiedsgerichte prioriteiten is politiek "
                    "gelegitimeerd, en via de stembus kunnen burgers zich identificeren met hun wijk en "
                    "stadsdeel (Krijnen)."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "resultaten-en-leren",
                "option": "leren-tussen-stadsdelen",
                "value": "Stadsdelen kunnen van elkaar leren; ‘doorontwikkeling’ is mogelijk",
                "text": (
                    "Omdat de hele stad met dezelfde methode werkt, kunnen de stadsdelen van elkaar "
                    "leren en is ‘doorontwikkeling’ mogelijk. Een mogelijk nadeel is dat er "
                    "plichtmatig oppervlakkige gebiedsplannen worden gemaakt."
                ),
                "sources": [ARTICLE],
            },
        ],
        "traits": [
            trait(
                "sterk",
                "resultaten-en-leren",
                "De stadsdelen kunnen van elkaar leren, en ‘doorontwikkeling’ van de methode is mogelijk.",
            ),
            trait(
                "sterk",
                "sturing-en-organisatie",
                "De diversiteit tussen de stadsdelen is een kracht van de Amsterdamse werkwijze.",
            ),
            trait(
                "sterk",
                "lokale-democratie",
                (
                    "Door de gekozen stadsdeelcommissies zijn gebiedsgerichte prioriteiten politiek "
                    "gelegitimeerd, en kunnen burgers zich via de stembus identificeren met hun wijk "
                    "en stadsdeel."
                ),
            ),
            trait(
                "zwak",
                "sturing-en-organisatie",
                (
                    "Dezelfde diversiteit is ook een zwakte: de praktijk verschilt nogal per stadsdeel "
                    "en per gebied."
                ),
            ),
            trait(
                "risico",
                "sturing-en-organisatie",
                "Mogelijk nadeel: er worden op plichtmatige wijze oppervlakkige gebiedsplannen gemaakt.",
            ),
            trait(
                "risico",
                "sturing-en-organisatie",
                (
                    "Het gebiedsgericht werken kan als apart systeem naast het bestaande "
                    "wijkgerichte werken komen te staan."
                ),
            ),
            trait(
                "risico",
                "verhouding-stad-en-wijk",
                "Te veel centrale bemoeizucht is een reëel gevaar.",
            ),
            trait(
                "open-vraag",
                "verhouding-stad-en-wijk",
                "Hoe stem je stedelijke en wijkgebonden prioriteiten goed op elkaar af?",
            ),
            trait(
                "open-vraag",
                "professionals-in-de-wijk",
                "Moeten de bevoegdheden van de gebiedsmakelaar worden uitgebreid?",
            ),
            trait(
                "open-vraag",
                "financiering",
                "Moeten de budgetten waarmee gebiedsmakelaars werken omhoog?",
            ),
        ],
        "periods": [
            {
                "title": "Gebiedsgericht werken in 22 gebieden",
                "passage": in_article(AMSTERDAM_SECTION, ELECTIONS_SECTION),
                "label": "2015–2022",
                "ends_on": date(2022, 3, 23),
                "description": (
                    "Tegelijk met een bestuurlijke reorganisatie voerde Amsterdam een uniforme methode "
                    "van gebiedsgericht werken in, in 22 gebieden verdeeld over zeven stadsdelen. Elk "
                    "gebied kreeg een gebiedsagenda voor vier jaar en een jaarlijks gebiedsplan. Op "
                    "21 maart 2018 kozen Amsterdammers, tegelijk met de gemeenteraad, hun "
                    "stadsdeelcommissies."
                ),
                "sources": [ARTICLE, FACT_SHEET, AMSTERDAM_GEBIEDEN],
            },
            {
                "title": "Nieuwe gebiedsindeling",
                "label": "vanaf 24 maart 2022",
                "starts_on": date(2022, 3, 24),
                "description": (
                    "Sinds 24 maart 2022 geldt een nieuwe indeling: zeven stadsdelen plus stadsgebied "
                    "Weesp, met samen 25 gebieden."
                ),
                "sources": [FACT_SHEET],
            },
        ],
    },
    AMSTERDAM_SECTION,
)
