"""The publications the initial content cites. Slugs are how content refers to them."""

from cities.boundary_sources import AMSTERDAM_GEBIEDEN, BOUNDARY_SOURCES, CBS_WIJKKAART_2018

# The boundary sources are named here as well, so content modules cite every source from one place.
__all__ = [
    "AMSTERDAM_GEBIEDEN",
    "ARTICLE",
    "CBS_GEBIEDEN_2017",
    "CBS_WIJKKAART_2018",
    "FACT_SHEET",
    "ROTTERDAM_WIJKRADEN_2022",
    "SOURCES",
    "WIJKWIJZER_UTRECHT",
]

ARTICLE = "typering-van-de-drie-steden"
CBS_GEBIEDEN_2017 = "cbs-gebieden-in-nederland-2017"
WIJKWIJZER_UTRECHT = "wijkwijzer-utrecht-2016"
ROTTERDAM_WIJKRADEN_2022 = "rotterdam-verordening-wijkraden-2022"
FACT_SHEET = "feitenoverzicht-vier-steden"

SOURCES = [
    {
        "slug": ARTICLE,
        "title": "Typering van de drie steden",
        "kind": "artikel",
        "author": "Henk Krijnen",
        "publisher": "Buurtwijs",
        "part_of": "een slotbeschouwing in meer delen over de wijkaanpak in Utrecht, Den Haag en Amsterdam",
        "published_year": 2018,
        "published_on_note": "geschreven vóór de raadsverkiezingen van 21 maart 2018",
        "description": (
            "Deel van een slotbeschouwing over de wijkaanpak in Utrecht, Den Haag en Amsterdam. "
            "Krijnen sprak met betrokken ambtenaren over de wijkaanpak van vroeger, van nu en van "
            "na 21 maart 2018, typeert per stad de aanpak en vergelijkt hoe de steden het "
            "wijkwerk al dan niet koppelen aan verkiezingen voor de wijk. Rotterdam komt alleen in "
            "dat laatste deel aan bod."
        ),
    },
    {
        "slug": CBS_GEBIEDEN_2017,
        "title": "Gebieden in Nederland 2017 (tabel 83553NED)",
        "kind": "statistiek",
        "publisher": "Centraal Bureau voor de Statistiek",
        "published_on_note": "inwonertallen per 1 januari 2017",
        "description": (
            "CBS-tabel met de gemeenten van 2017, hun CBS-codes en hun aantal inwoners. "
            "Bron van de gemeentecodes en inwonertallen van de vier steden."
        ),
    },
    {
        "slug": WIJKWIJZER_UTRECHT,
        "title": "WijkWijzer Utrecht 2016",
        "kind": "statistiek",
        "published_on_note": "2016",
        "description": (
            "Overzicht van de tien Utrechtse wijken, elk met een eigen wijkbureau en wijkwethouder."
        ),
    },
    *BOUNDARY_SOURCES,
    {
        "slug": ROTTERDAM_WIJKRADEN_2022,
        "title": "Verordening op de Wijkraden 2022",
        "kind": "beleid",
        "published_on_note": "2022",
        "description": (
            "Regelt de 39 gekozen wijkraden die vanaf maart 2022 de gebiedscommissies, wijkraden "
            "en wijkcomités van 2018 vervangen."
        ),
    },
    {
        "slug": FACT_SHEET,
        "title": "Feitenoverzicht vier steden",
        "kind": "samenstelling",
        "description": (
            "Een overzicht van gecontroleerde openbare feiten over de indeling en de gekozen "
            "organen van Utrecht, Den Haag, Amsterdam en Rotterdam, samengesteld voor de "
            "startinhoud van Buurtwijs en niet afzonderlijk gepubliceerd. Het is geen bron op "
            "zichzelf: waar het zijn herkomst noemt, staat die hieronder bij de onderliggende "
            "bronnen (de CBS-tabel voor codes en inwonertallen, de WijkWijzer voor de Utrechtse "
            "wijken, de Rotterdamse verordening voor de wijkraden van 2022, het artikel van "
            "Krijnen voor de gekozen stadsdeelcommissies). Voor de andere feiten, zoals de "
            "Amsterdamse stadsdelen en gebieden, de Haagse stadsdelen en de naam ‘Opwaartse "
            "kracht’, en de Rotterdamse gebieden, gebiedscommissies, wijkraden en wijkcomités, "
            "noemt het overzicht geen bron."
        ),
        "based_on": [ARTICLE, CBS_GEBIEDEN_2017, WIJKWIJZER_UTRECHT, ROTTERDAM_WIJKRADEN_2022],
    },
]
