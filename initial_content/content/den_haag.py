"""Den Haag: wijkaanpak in zeven (probleem)wijken, 'Opwaartse kracht'.

The seven focus wijken are counted, not named: which seven they were is not confirmed.
"""

from datetime import date

from .common import (
    DEN_HAAG_SECTION,
    ELECTIONS_SECTION,
    district,
    in_article,
    trait,
    with_passages,
)
from .sources import ARTICLE, CBS_GEBIEDEN_2017, CBS_WIJKKAART_2018, FACT_SHEET

CITY = {
    "slug": "den-haag",
    "name": "Den Haag",
    "official_name": "'s-Gravenhage",
    "cbs_code": "GM0518",
    "inhabitants": 524_882,
    "inhabitants_year": 2017,
    "inhabitants_source": CBS_GEBIEDEN_2017,
    "summary": (
        "Den Haag richtte zijn wijkaanpak van 2014 tot 2018 op zeven (probleem)wijken, onder de "
        "naam „Opwaartse kracht”: algemene wijkontwikkeling gecombineerd met persoonlijke "
        "levensverbetering, gestuurd door een klein programmabureau. De stad is verdeeld in acht "
        "stadsdelen en telt 44 CBS-wijken. Welke zeven wijken de aanpak kreeg, staat nog niet in "
        "de bronnen van Buurtwijs. Aparte verkiezingen voor de wijk zijn er niet."
    ),
    "democracy_link": "geen",
    "democracy_text": (
        "In Den Haag is het wijkgericht werken niet gekoppeld aan de lokale democratie: naast de "
        "raadsverkiezingen van 21 maart 2018 werden er geen aparte wijkverkiezingen gehouden.\n\n"
        "Volgens Henk Krijnen heeft die keuze een voordeel: het vizier kan volledig op de inhoud "
        "van het gebiedsgericht werken worden gericht, omdat men minder last heeft van een "
        "„verpolitiekt klimaat”."
    ),
    "district_elections": False,
    "sources": [ARTICLE, CBS_GEBIEDEN_2017, FACT_SHEET, CBS_WIJKKAART_2018],
}

# The 44 wijken of the CBS Wijk- en Buurtkaart 2018, without the "Wijk NN " prefix of the CBS name.
WIJKEN = [
    ("WK051801", "Oostduinen"),
    ("WK051802", "Belgisch Park"),
    ("WK051803", "Westbroekpark en Duttendel"),
    ("WK051804", "Benoordenhout"),
    ("WK051805", "Archipelbuurt"),
    ("WK051806", "Van Stolkpark en Scheveningse Bosjes"),
    ("WK051807", "Scheveningen"),
    ("WK051808", "Duindorp"),
    ("WK051809", "Geuzen- en Statenkwartier"),
    ("WK051810", "Zorgvliet"),
    ("WK051811", "Duinoord"),
    ("WK051812", "Bomen- en Bloemenbuurt"),
    ("WK051813", "Vogelwijk"),
    ("WK051814", "Bohemen en Meer en Bos"),
    ("WK051815", "Kijkduin en Ockenburgh"),
    ("WK051816", "Kraayenstein en de Uithof"),
    ("WK051817", "Loosduinen"),
    ("WK051818", "Waldeck"),
    ("WK051819", "Vruchtenbuurt"),
    ("WK051820", "Valkenboskwartier"),
    ("WK051821", "Regentessekwartier"),
    ("WK051822", "Zeeheldenkwartier"),
    ("WK051823", "Willemspark"),
    ("WK051824", "Haagse Bos"),
    ("WK051825", "Mariahoeve en Marlot"),
    ("WK051826", "Bezuidenhout"),
    ("WK051827", "Stationsbuurt"),
    ("WK051828", "Centrum"),
    ("WK051829", "Schildersbuurt"),
    ("WK051830", "Transvaalkwartier"),
    ("WK051831", "Rustenburg en Oostbroek"),
    ("WK051832", "Leyenburg"),
    ("WK051833", "Bouwlust en Vrederust"),
    ("WK051834", "Morgenstond"),
    ("WK051835", "Zuiderpark"),
    ("WK051836", "Moerwijk"),
    ("WK051837", "Groente- en Fruitmarkt"),
    ("WK051838", "Laakkwartier en Spoorwijk"),
    ("WK051839", "Binckhorst"),
    ("WK051840", "Wateringse Veld"),
    ("WK051841", "Hoornwijk"),
    ("WK051842", "Ypenburg"),
    ("WK051843", "Forepark"),
    ("WK051844", "Leidschenveen"),
]

# Names the fact sheet uses for a CBS wijk (its list of earlier krachtwijken says "Schilderswijk").
OTHER_NAMES = {"WK051829": ("Schilderswijk", FACT_SHEET)}


def _wijk(code: str, name: str) -> dict:
    other_name, source = OTHER_NAMES.get(code, ("", None))
    sources = [CBS_WIJKKAART_2018, source] if source else [CBS_WIJKKAART_2018]
    return district(name, "wijk", sources, cbs_code=code, other_names=other_name)


DISTRICTS = [_wijk(code, name) for code, name in WIJKEN]

APPROACH = with_passages(
    {
        "slug": "opwaartse-kracht",
        "name": "Wijkaanpak in zeven (probleem)wijken",
        "scope": "focuswijken",
        "focus_area_count": 7,
        "summary": (
            "Den Haag concentreert de wijkaanpak op zeven (probleem)wijken. Onder de naam „Opwaartse "
            "kracht” combineert de stad algemene wijkontwikkeling met persoonlijke levensverbetering, "
            "met gedegen programmasturing vanuit een klein programmabureau en een open procesaanpak."
        ),
        "body": (
            "Den Haag richt zijn wijkaanpak op een beperkt aantal (probleem)wijken: zeven in totaal. "
            "Van 2014 tot 2018 liep het programma onder de naam „Opwaartse kracht”, met een klein "
            "programmabureau. Welke zeven wijken het betrof, staat nog niet in de bronnen van "
            "Buurtwijs.\n\n"
            "De stad koos bewust voor een gedegen programmasturing, gecombineerd met een open "
            "procesaanpak. Synergie, van projecten én van budgetten, is een belangrijk doel: Den Haag "
            "wil ‘projectjes’ voorkomen en bouwen aan duurzame wijkallianties. Fysiek herstel is een "
            "middel om participatie uit te lokken. Voor 40% komen de financiën niet uit de "
            "wijkaanpak.\n\n"
            "Toetsing van resultaten vindt men belangrijk, naast lerend vermogen. Het programmabureau "
            "gaat bewust om met zijn directe werkomgeving: politiek, bestuurlijk en ambtelijk. Er is "
            "druk op de vakdiensten om meer wijkgericht te werken; die kanteling komt op gang, maar "
            "verloopt trager dan gewenst.\n\n"
            "Het beleid wil ‘opwaartse kracht’ bevorderen: een combinatie van algemene "
            "wijkontwikkeling en persoonlijke levensverbetering. Of dat werkt in probleemwijken met "
            "veel kwetsbare burgers, is een open vraag. De rol van professionals, de opbouwwerkers, "
            "vindt men belangrijk."
        ),
        "sources": [ARTICLE, FACT_SHEET],
        "assessments": [
            {
                "dimension": "reikwijdte",
                "option": "selectie-van-wijken",
                "value": "Zeven (probleem)wijken, niet de hele stad",
                "text": (
                    "De focus ligt op een beperkt aantal (probleem)wijken: zeven in totaal. Welke "
                    "zeven dat zijn, staat nog niet in de bronnen van Buurtwijs."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "schaal",
                "option": "wijken",
                "value": "Zeven focuswijken, in een stad met acht stadsdelen en 44 CBS-wijken",
                "text": (
                    "De aanpak werkt in zeven wijken. De stad zelf is verdeeld in acht stadsdelen en "
                    "telt volgens de CBS-indeling van 2018 44 wijken."
                ),
                "sources": [ARTICLE, FACT_SHEET, CBS_WIJKKAART_2018],
            },
            {
                "dimension": "doelen-en-inhoud",
                "option": "opwaartse-kracht",
                "value": "‘Opwaartse kracht’: wijkontwikkeling en persoonlijke levensverbetering samen",
                "text": (
                    "Het beleid wil ‘opwaartse kracht’ bevorderen, een combinatie van algemene "
                    "wijkontwikkeling en persoonlijke levensverbetering. Synergie van projecten en "
                    "budgetten is een belangrijk doel: de stad wil ‘projectjes’ voorkomen en bouwen "
                    "aan duurzame wijkallianties."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "sturing-en-organisatie",
                "option": "programmasturing",
                "value": "Gedegen programmasturing met een open procesaanpak, vanuit een klein programmabureau",
                "text": (
                    "Den Haag kiest bewust voor een gedegen programmasturing in combinatie met een "
                    "open procesaanpak. Het kleine programmabureau gaat bewust om met zijn directe "
                    "werkomgeving: politiek, bestuurlijk en ambtelijk."
                ),
                "sources": [ARTICLE, FACT_SHEET],
            },
            {
                "dimension": "verhouding-stad-en-wijk",
                "option": "vakdiensten-onder-druk",
                "value": "Druk op de vakdiensten om wijkgerichter te werken; die kanteling gaat trager dan gewenst",
                "text": (
                    "Er is druk op de vakdiensten om meer wijkgericht te werken. Die kanteling komt "
                    "wel op gang, maar verloopt trager dan gewenst."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "professionals-in-de-wijk",
                "option": "opbouwwerkers",
                "value": "Opbouwwerkers hebben een belangrijke rol",
                "text": "De rol van professionals, de opbouwwerkers, wordt belangrijk gevonden.",
                "sources": [ARTICLE],
            },
            {
                "dimension": "financiering",
                "option": "deels-uit-andere-budgetten",
                "value": "40% van de financiën komt niet uit de wijkaanpak; synergie van budgetten is een doel",
                "text": (
                    "Voor 40% komen de financiën niet uit de wijkaanpak zelf. Synergie van budgetten "
                    "is, net als synergie van projecten, een belangrijk doel."
                ),
                "sources": [ARTICLE],
            },
            {
                "dimension": "bewonersparticipatie",
                "option": "fysiek-herstel",
                "value": "Fysiek herstel als middel om participatie uit te lokken",
                "text": "Fysiek herstel van de wijk is een middel om participatie van bewoners uit te lokken.",
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
                "dimension": "resultaten-en-leren",
                "option": "toetsing-en-lerend-vermogen",
                "value": "Toetsing van resultaten en lerend vermogen vindt men belangrijk",
                "text": "Toetsing van resultaten wordt belangrijk gevonden, naast lerend vermogen.",
                "sources": [ARTICLE],
            },
        ],
        "traits": [
            trait(
                "sterk",
                "sturing-en-organisatie",
                "Een bewuste keuze voor gedegen programmasturing, gecombineerd met een open procesaanpak.",
            ),
            trait(
                "sterk",
                "sturing-en-organisatie",
                (
                    "Het programmabureau gaat bewust om met zijn directe werkomgeving: politiek, "
                    "bestuurlijk en ambtelijk."
                ),
            ),
            trait(
                "sterk",
                "doelen-en-inhoud",
                (
                    "Synergie van projecten en budgetten: geen losse ‘projectjes’, maar bouwen aan "
                    "duurzame wijkallianties."
                ),
            ),
            trait(
                "sterk",
                "resultaten-en-leren",
                "Aandacht voor het toetsen van resultaten en voor lerend vermogen.",
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
                "verhouding-stad-en-wijk",
                (
                    "De kanteling van de vakdiensten naar meer wijkgericht werken komt op gang, maar "
                    "verloopt trager dan gewenst."
                ),
            ),
            trait(
                "open-vraag",
                "doelen-en-inhoud",
                "Werkt het bevorderen van opwaartse kracht in probleemwijken met veel kwetsbare burgers?",
            ),
        ],
        "periods": [
            {
                "title": "Opwaartse kracht in zeven wijken",
                "label": "2014–2018",
                "starts_on": date(2014, 3, 19),
                "ends_on": date(2018, 3, 21),
                "description": (
                    "Van 2014 tot 2018 liep de Haagse wijkaanpak onder de naam „Opwaartse kracht”, "
                    "met een klein programmabureau en een focus op zeven wijken."
                ),
                "sources": [FACT_SHEET, ARTICLE],
            },
            {
                "title": "Na de raadsverkiezingen",
                "passage": in_article(ELECTIONS_SECTION),
                "label": "na 21 maart 2018",
                "starts_on": date(2018, 3, 21),
                "description": (
                    "Bij de raadsverkiezingen van 21 maart 2018 hield Den Haag geen aparte "
                    "wijkverkiezingen. Hoe de wijkaanpak na de verkiezingen verderging, beschrijven "
                    "de bronnen nog niet."
                ),
                "sources": [ARTICLE],
            },
        ],
    },
    DEN_HAAG_SECTION,
)
