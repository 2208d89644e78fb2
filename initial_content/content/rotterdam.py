"""Rotterdam: what the sources tell about its gebieden and their elected bodies (a thin profile).

The article only mentions Rotterdam where it compares district elections; the rest comes from
the fact sheet and the Verordening op de Wijkraden 2022.
"""

from datetime import date

from .common import (
    ELECTIONS_SECTION,
    district,
    in_article,
    slug_for,
    trait,
    with_passages,
)
from .sources import (
    ARTICLE,
    CBS_GEBIEDEN_2017,
    CBS_WIJKKAART_2018,
    FACT_SHEET,
    ROTTERDAM_WIJKRADEN_2022,
)

CITY = {
    "slug": "rotterdam",
    "name": "Rotterdam",
    "official_name": "Rotterdam",
    "cbs_code": "GM0599",
    "inhabitants": 634_660,
    "inhabitants_year": 2017,
    "inhabitants_source": CBS_GEBIEDEN_2017,
    "summary": (
        "Rotterdam is verdeeld in veertien gebieden, de voormalige deelgemeenten. Van 2014 tot "
        "2018 had elk gebied een gekozen gebiedscommissie. Sinds de verkiezingen van 21 maart 2018 "
        "houden twaalf gebieden die commissie; in Noord en Feijenoord kiezen bewoners in plaats "
        "daarvan veertien wijkraden, en zes wijken proberen een wijkcomité met gelote leden. Vanaf "
        "maart 2022 vervangen 39 gekozen wijkraden dit alles. Over de werkwijze in de wijken zeggen "
        "de bronnen van Buurtwijs nog weinig."
    ),
    "democracy_link": "gemengd",
    "democracy_text": (
        "Rotterdam koppelt het werk in de gebieden wél aan de lokale democratie (het artikel "
        "noemt bestuurscommissies en wijkraden). Van 2014 tot 2018 kozen bewoners in elk van de "
        "veertien gebieden een gebiedscommissie. Bij de raadsverkiezingen van 21 maart 2018 kozen "
        "ze in twaalf gebieden opnieuw een gebiedscommissie, en in Noord en Feijenoord veertien "
        "wijkraden; zes wijken proberen een wijkcomité waarvan de leden worden geloot. Vanaf maart "
        "2022 zijn er 39 gekozen wijkraden.\n\n"
        "Volgens Henk Krijnen is het voordeel van zulke verkiezingen dat het stellen van "
        "gebiedsgerichte prioriteiten politiek is gelegitimeerd, en dat burgers zich door naar de "
        "stembus te gaan kunnen identificeren met hun wijk."
    ),
    "district_elections": True,
    "sources": [ARTICLE, CBS_GEBIEDEN_2017, FACT_SHEET, ROTTERDAM_WIJKRADEN_2022],
}

# (CBS wijk code of the same name, gebied); Noord and Feijenoord lost their gebiedscommissie in 2018.
GEBIEDEN = [
    ("WK059915", "Charlois"),
    ("WK059903", "Delfshaven"),
    ("WK059910", "Feijenoord"),
    ("WK059906", "Hillegersberg-Schiebroek"),
    ("WK059917", "Hoek van Holland"),
    ("WK059916", "Hoogvliet"),
    ("WK059912", "IJsselmonde"),
    ("WK059908", "Kralingen-Crooswijk"),
    ("WK059905", "Noord"),
    ("WK059904", "Overschie"),
    ("WK059913", "Pernis"),
    ("WK059914", "Prins Alexander"),
    ("WK059901", "Rotterdam Centrum"),
    ("WK059927", "Rozenburg"),
]
WIJKRAAD_GEBIEDEN = {"Noord", "Feijenoord"}

WIJKRADEN = {
    "noord": [
        "Blijdorp/Blijdorpsepolder",
        "Agniesebuurt",
        "Provenierswijk",
        "Oude Noorden",
        "Bergpolder",
        "Liskwartier",
    ],
    "feijenoord": [
        "Katendrecht/Wilhelminapier",
        "Noordereiland",
        "Kop van Zuid-Entrepot",
        "Vreewijk",
        "Feijenoord",
        "Afrikaanderwijk",
        "Hillesluis",
        "Bloemhof",
    ],
}

# (wijk, gebied it lies in)
WIJKCOMITES = [
    ("Oud-Mathenesse/Witte Dorp", "delfshaven"),
    ("Middelland", "delfshaven"),
    ("Nesselande", "prins-alexander"),
    ("Zevenkamp", "prins-alexander"),
    ("Pendrecht", "charlois"),
    ("Tarwewijk", "charlois"),
]

# The wijk Feijenoord shares its name with the gebied; slugs must differ within the city.
SLUG_EXCEPTIONS = {"Feijenoord": "wijk-feijenoord"}


def _gebied(code: str, name: str) -> dict:
    if name in WIJKRAAD_GEBIEDEN:
        count = len(WIJKRADEN[name.lower()])
        body = ""
        summary = (
            "Gebied van Rotterdam, een voormalige deelgemeente. Van 2014 tot 2018 had het een "
            "gekozen gebiedscommissie; sinds de verkiezingen van 21 maart 2018 kiezen de bewoners "
            f"in plaats daarvan {count} wijkraden."
        )
    else:
        body = "gebiedscommissie"
        summary = (
            "Gebied van Rotterdam, een voormalige deelgemeente, met een gekozen gebiedscommissie "
            "van 2014 tot 2018 en opnieuw vanaf 21 maart 2018. Vanaf maart 2022 nemen gekozen "
            "wijkraden die rol over."
        )
    return district(
        name, "gebied", [FACT_SHEET, CBS_WIJKKAART_2018], cbs_code=code, body=body, summary=summary
    )


def _wijkraad_wijk(name: str, gebied: str) -> dict:
    return district(
        name,
        "wijk",
        [FACT_SHEET],
        slug=SLUG_EXCEPTIONS.get(name, slug_for(name)),
        parent=gebied,
        body="wijkraad",
        summary=(
            "Wijk met een eigen gekozen wijkraad sinds de verkiezingen van 21 maart 2018, in "
            "plaats van een gebiedscommissie voor het hele gebied."
        ),
    )


def _wijkcomite_wijk(name: str, gebied: str) -> dict:
    return district(
        name,
        "wijk",
        [FACT_SHEET],
        parent=gebied,
        body="wijkcomite",
        summary=(
            "Een van de zes Rotterdamse wijken die vanaf 2018 een wijkcomité proberen, waarvan de "
            "leden worden geloot."
        ),
    )


# Gebieden first: the wijken name their gebied as parent.
DISTRICTS = (
    [_gebied(*row) for row in GEBIEDEN]
    + [_wijkraad_wijk(name, gebied) for gebied, names in WIJKRADEN.items() for name in names]
    + [_wijkcomite_wijk(*row) for row in WIJKCOMITES]
)

APPROACH = with_passages(
    {
        "slug": "gebiedscommissies-en-wijkraden",
        "name": "Gebiedscommissies, wijkraden en wijkcomités",
        "scope": "hele-stad",
        "summary": (
            "Van de Rotterdamse aanpak is vooral de bestuurlijke kant bekend: veertien gebieden met "
            "gekozen gebiedscommissies, sinds 2018 wijkraden in Noord en Feijenoord en wijkcomités met "
            "gelote leden in zes wijken. Hoe het werk in de wijken verloopt, beschrijven de bronnen nog "
            "niet."
        ),
        "body": (
            "Rotterdam is verdeeld in veertien gebieden, de voormalige deelgemeenten. Van 2014 tot "
            "2018 kozen de bewoners van elk gebied een gebiedscommissie.\n\n"
            "Bij de raadsverkiezingen van 21 maart 2018 veranderde dat deels. Twaalf gebieden houden "
            "een gekozen gebiedscommissie. In Noord en Feijenoord komen er veertien gekozen wijkraden "
            "voor in de plaats. Zes wijken proberen een wijkcomité waarvan de leden worden geloot: "
            "Oud-Mathenesse/Witte Dorp, Middelland, Nesselande, Zevenkamp, Pendrecht en Tarwewijk.\n\n"
            "Vanaf maart 2022 vervangen 39 gekozen wijkraden de gebiedscommissies, wijkraden en "
            "wijkcomités (Verordening op de Wijkraden 2022)."
        ),
        "is_incomplete": True,
        "incomplete_note": (
            "Het artikel van Henk Krijnen typeert de aanpak van Utrecht, Den Haag en Amsterdam; "
            "Rotterdam komt er alleen in voor waar het gaat om verkiezingen voor de wijk. De bronnen "
            "van Buurtwijs beschrijven daarom alleen de bestuurlijke indeling: gebieden, "
            "gebiedscommissies, wijkraden en wijkcomités. Over de werkwijze in de wijken, de sturing, "
            "de professionals, de financiering, de resultaten en de vernieuwing van het wijkwerk zeggen "
            "ze niets. De reikwijdte ‘hele stad’ slaat alleen op die bestuurlijke indeling, die alle "
            "gebieden omvat."
        ),
        "sources": [ARTICLE, FACT_SHEET, ROTTERDAM_WIJKRADEN_2022],
        "assessments": [
            {
                "dimension": "schaal",
                "option": None,  # the sources do not describe the scale of the work itself
                "value": "Veertien gebieden; vanaf 2018 ook 14 wijkraden en 6 wijkcomités; vanaf 2022 39 wijkraden",
                "text": (
                    "Rotterdam werkt met veertien gebieden, de voormalige deelgemeenten. Sinds 21 maart "
                    "2018 zijn Noord en Feijenoord verdeeld over veertien wijken met een wijkraad, en "
                    "hebben zes wijken elders een wijkcomité. Vanaf maart 2022 is de stad verdeeld over "
                    "39 wijkraden."
                ),
                "sources": [FACT_SHEET, ROTTERDAM_WIJKRADEN_2022],
            },
            {
                "dimension": "lokale-democratie",
                "option": "gekoppeld",
                "value": "Gekozen gebiedscommissies en, in Noord en Feijenoord, gekozen wijkraden",
                "text": (
                    "Rotterdammers kiezen organen voor hun gebied of wijk: van 2014 tot 2018 veertien "
                    "gebiedscommissies, vanaf 21 maart 2018 twaalf gebiedscommissies en veertien "
                    "wijkraden, vanaf maart 2022 39 wijkraden. Voordeel volgens Krijnen: het stellen "
                    "van gebiedsgerichte prioriteiten is politiek gelegitimeerd, en via de stembus "
                    "kunnen burgers zich identificeren met hun wijk."
                ),
                "sources": [ARTICLE, FACT_SHEET, ROTTERDAM_WIJKRADEN_2022],
            },
            {
                "dimension": "bewonersparticipatie",
                "option": "gelote-wijkcomites",
                "value": "Zes wijken proberen wijkcomités met gelote leden",
                "text": (
                    "Naast de gekozen organen proberen zes wijken vanaf 2018 een wijkcomité waarvan de "
                    "leden worden geloot: Oud-Mathenesse/Witte Dorp, Middelland, Nesselande, "
                    "Zevenkamp, Pendrecht en Tarwewijk."
                ),
                "sources": [FACT_SHEET],
            },
        ],
        "traits": [
            trait(
                "sterk",
                "lokale-democratie",
                (
                    "Door gekozen gebiedscommissies en wijkraden zijn gebiedsgerichte prioriteiten "
                    "politiek gelegitimeerd, en kunnen burgers zich via de stembus identificeren met "
                    "hun wijk."
                ),
            ),
        ],
        "periods": [
            {
                "title": "Veertien gekozen gebiedscommissies",
                "label": "2014–2018",
                "starts_on": date(2014, 3, 19),
                "ends_on": date(2018, 3, 21),
                "description": (
                    "Elk van de veertien gebieden, de voormalige deelgemeenten, had een gekozen "
                    "gebiedscommissie."
                ),
                "sources": [FACT_SHEET],
            },
            {
                "title": "Gebiedscommissies, wijkraden en wijkcomités",
                "passage": in_article(ELECTIONS_SECTION),
                "label": "vanaf 21 maart 2018",
                "starts_on": date(2018, 3, 21),
                "ends_on": date(2022, 3, 16),
                "description": (
                    "Twaalf gebieden houden een gekozen gebiedscommissie. In Noord en Feijenoord kiezen "
                    "bewoners in plaats daarvan veertien wijkraden, en zes wijken proberen een "
                    "wijkcomité met gelote leden."
                ),
                "sources": [FACT_SHEET, ARTICLE],
            },
            {
                "title": "39 gekozen wijkraden",
                "label": "vanaf maart 2022",
                "starts_on": date(2022, 3, 16),
                "description": (
                    "Vanaf maart 2022 vervangen 39 gekozen wijkraden de gebiedscommissies, wijkraden en "
                    "wijkcomités."
                ),
                "sources": [ROTTERDAM_WIJKRADEN_2022, FACT_SHEET],
            },
        ],
    },
    ELECTIONS_SECTION,
)
