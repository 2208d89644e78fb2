"""Utrecht: wijkgericht werken over de hele stad."""

from datetime import date

from .common import (
    ELECTIONS_SECTION,
    UTRECHT_SECTION,
    district,
    in_article,
    trait,
    with_passages,
)
from .sources import ARTICLE, CBS_GEBIEDEN_2017, CBS_WIJKKAART_2018, WIJKWIJZER_UTRECHT

CITY = {
    "slug": "utrecht",
    "name": "Utrecht",
    "official_name": "Utrecht",
    "cbs_code": "GM0344",
    "inhabitants": 343_038,
    "inhabitants_year": 2017,
    "inhabitants_source": CBS_GEBIEDEN_2017,
    "summary": (
        "Utrecht werkt al sinds de stadsvernieuwing van de jaren tachtig en negentig wijkgericht, "
        "en doet dat in alle wijken van de stad. Elk van de tien wijken heeft een eigen wijkbureau "
        "en een eigen wijkwethouder. Kleine ambtelijke wijkteams, sociaal makelaars en "
        "gebiedswerkers doen het werk in de wijk. Aparte verkiezingen voor de wijk zijn er niet."
    ),
    "democracy_link": "geen",
    "democracy_text": (
        "In Utrecht is het wijkgericht werken niet gekoppeld aan de lokale democratie: naast de "
        "raadsverkiezingen van 21 maart 2018 werden er geen aparte wijkverkiezingen gehouden.\n\n"
        "Volgens Henk Krijnen heeft die keuze een voordeel: het vizier kan volledig op de inhoud "
        "van het gebiedsgericht werken worden gericht, omdat men minder last heeft van een "
        "„verpolitiekt klimaat”."
    ),
    "district_elections": False,
    "sources": [ARTICLE, CBS_GEBIEDEN_2017, WIJKWIJZER_UTRECHT],
}

WIJKEN = [
    "West",
    "Noordwest",
    "Overvecht",
    "Noordoost",
    "Oost",
    "Binnenstad",
    "Zuid",
    "Zuidwest",
    "Leidsche Rijn",
    "Vleuten-De Meern",
]

DISTRICTS = [
    district(
        name,
        "wijk",
        [WIJKWIJZER_UTRECHT, CBS_WIJKKAART_2018],
        cbs_code=f"WK0344{number:02d}",
        summary="Een van de tien Utrechtse wijken, met een eigen wijkbureau en wijkwethouder.",
    )
    for number, name in enumerate(WIJKEN, start=1)
]

APPROACH = with_passages(
    {
        "slug": "wijkgericht-werken",
        "name": "Wijkgericht werken over de hele stad",
        "scope": "hele-stad",
        "summary": (
            "Utrecht werkt in alle wijken wijkgericht: wethouders zijn aan wijken gekoppeld, kleine "
            "ambtelijke wijkteams werken in de wijk, en sociaal makelaars en gebiedswerkers zijn de "
            "twee soorten wijkprofessionals."
        ),
        "body": (
            "Utrecht heeft een lange traditie van wijkgericht werken, die begon met de "
            "stadsvernieuwing van de jaren tachtig en negentig. Het systeem is dekkend: alle wijken "
            "van de stad doen mee, en individuele wethouders zijn aan wijken gekoppeld.\n\n"
            "Over de schaal is nagedacht. Krijnen schrijft: „geen grote, anonieme wijken maar "
            "overzichtelijke, herkenbare buurten”.\n\n"
            "Al vroeg bracht Utrecht een lichte kanteling tot stand: kleine wijkteams met ambtenaren "
            "in de wijk. Daardoor is er geen gemeentelijke wijkbureaucratie, maar de teams hebben te "
            "weinig doorzettingsmacht.\n\n"
            "In de wijk onderscheidt Utrecht duidelijk twee typen professionals: sociaal makelaars, "
            "met een vrijere rol, en gebiedswerkers. De stad wil in de uitvoering van de Wmo "
            "nadrukkelijk de collectieve dimensie versterken, en heeft aandacht voor innovatie van het "
            "wijkwerk en voor professionele ontwikkeling."
        ),
        "sources": [ARTICLE],
        "assessments": [
            {
                "dimension": "reikwijdte",
                "option": "hele-stad",
                "value": "Alle wijken van de stad: een dekkend systeem",
                "text": (
                    "Utrecht kiest geen selectie van wijken: er is een dekkend systeem voor alle "
                    "wijken van de stad. De traditie begon met de stadsvernieuwing van de jaren "
                    "tachtig en negentig."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "schaal",
                "option": "wijken",
                "value": "Tien wijken; bewust gekozen voor overzichtelijke, herkenbare buurten",
                "text": (
                    "Er is nagedacht over de schaalgrootte: liever overzichtelijke, herkenbare buurten "
                    "dan grote, anonieme wijken. De stad telt tien wijken, elk met een eigen wijkbureau "
                    "en wijkwethouder."
                ),
                "sources": [ARTICLE, WIJKWIJZER_UTRECHT],
            },
            {
                "dimension": "doelen-en-inhoud",
                "option": "collectieve-dimensie-wmo",
                "value": "De collectieve dimensie in de uitvoering van de Wmo versterken",
                "text": (
                    "Utrecht wil nu nadrukkelijk de collectieve dimensie versterken in de uitvoering "
                    "van de Wmo."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "sturing-en-organisatie",
                "option": "wijkwethouders-en-wijkteams",
                "value": "Wethouders per wijk en kleine ambtelijke wijkteams in de wijk (lichte kanteling)",
                "text": (
                    "Individuele wethouders zijn aan wijken gekoppeld. Al vroeg bracht Utrecht een "
                    "lichte kanteling tot stand: kleine wijkteams met ambtenaren in de wijk. Voordeel: "
                    "er is geen gemeentelijke wijkbureaucratie. Nadeel: de teams hebben te weinig "
                    "doorzettingsmacht."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "verhouding-stad-en-wijk",
                "option": "wethouders-aan-wijken",
                "value": "Wethouders aan wijken gekoppeld; de wijkteams hebben te weinig doorzettingsmacht",
                "text": (
                    "Individuele wethouders zijn aan wijken gekoppeld. De keerzijde van de lichte "
                    "kanteling naar kleine wijkteams is dat die teams te weinig doorzettingsmacht "
                    "hebben."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "professionals-in-de-wijk",
                "option": "sociaal-makelaars-en-gebiedswerkers",
                "value": "Twee typen: sociaal makelaars (vrijere rol) en gebiedswerkers",
                "text": (
                    "Utrecht maakt een goed onderscheid tussen twee typen wijkprofessionals: sociaal "
                    "makelaars, met een meer vrije rol, en gebiedswerkers. Daarnaast werken kleine "
                    "wijkteams van ambtenaren in de wijk."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "lokale-democratie",
                "option": "niet-gekoppeld",
                "value": "Geen koppeling: geen aparte verkiezingen voor de wijk",
                "text": (
                    "Het wijkgericht werken is niet gekoppeld aan de lokale democratie; naast de "
                    "raadsverkiezingen van 21 maart 2018 werden geen aparte wijkverkiezingen "
                    "gehouden. Voordeel: het vizier kan volledig op de inhoud van het gebiedsgericht "
                    "werken worden gericht, met minder last van een „verpolitiekt klimaat” (Krijnen)."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "innovatie-en-ontwikkeling",
                "option": "aandacht-voor-vernieuwing",
                "value": "Aandacht voor innovatie van het wijkwerk en voor professionele ontwikkeling",
                "text": (
                    "Er is aandacht voor innovatie van het wijkwerk en voor de professionele "
                    "ontwikkeling van wie in de wijk werkt."
                ),
                "sources": [ARTICLE],
            },
        ],
        "traits": [
            trait(
                "sterk",
                "reikwijdte",
                "Een lange traditie van wijkgericht werken, met een dekkend systeem voor alle wijken.",
            ),
            trait(
                "sterk",
                "schaal",
                (
                    "Een doordachte schaal: overzichtelijke, herkenbare buurten in plaats van grote, "
                    "anonieme wijken."
                ),
            ),
            trait(
                "sterk",
                "sturing-en-organisatie",
                (
                    "Geen gemeentelijke wijkbureaucratie, dankzij de lichte kanteling naar kleine "
                    "wijkteams met ambtenaren in de wijk."
                ),
            ),
            trait(
                "sterk",
                "professionals-in-de-wijk",
                (
                    "Een goed onderscheid tussen twee typen wijkprofessionals: sociaal makelaars en "
                    "gebiedswerkers."
                ),
            ),
            trait(
                "sterk",
                "innovatie-en-ontwikkeling",
                "Aandacht voor innovatie van het wijkwerk en voor professionele ontwikkeling.",
            ),
            trait(
                "sterk",
                "lokale-democratie",
                (
                    "Zonder aparte wijkverkiezingen kan het vizier volledig op de inhoud van het "
                    "gebiedsgericht werken worden gericht, met minder last van een verpolitiekt klimaat."
                ),
            ),
            trait(
                "zwak",
                "sturing-en-organisatie",
                "De kleine wijkteams hebben te weinig doorzettingsmacht.",
            ),
        ],
        "periods": [
            {
                "title": "Begin in de stadsvernieuwing",
                "label": "jaren tachtig en negentig",
                "description": (
                    "Het wijkgericht werken in Utrecht begint met de stadsvernieuwing van de jaren "
                    "tachtig en negentig."
                ),
                "sources": [ARTICLE],
            },
            {
                "title": "Wijkgericht werken over de hele stad",
                "label": "2014–2018",
                "starts_on": date(2014, 3, 19),
                "ends_on": date(2018, 3, 21),
                "description": (
                    "De raadsperiode tot de verkiezingen van 21 maart 2018, waarin Krijnen de aanpak "
                    "typeerde: een dekkend systeem voor alle wijken, wethouders die aan wijken "
                    "gekoppeld zijn, kleine wijkteams van ambtenaren en twee typen wijkprofessionals."
                ),
                "sources": [ARTICLE],
            },
            {
                "title": "Na de raadsverkiezingen",
                "passage": in_article(UTRECHT_SECTION, ELECTIONS_SECTION),
                "label": "na 21 maart 2018",
                "starts_on": date(2018, 3, 21),
                "description": (
                    "Bij de raadsverkiezingen van 21 maart 2018 hield Utrecht geen aparte "
                    "wijkverkiezingen. Het artikel noemt als voornemen dat de stad in de uitvoering "
                    "van de Wmo de collectieve dimensie wil versterken. Hoe de aanpak na de "
                    "verkiezingen verderging, beschrijven de bronnen nog niet."
                ),
                "sources": [ARTICLE],
            },
        ],
    },
    UTRECHT_SECTION,
)
