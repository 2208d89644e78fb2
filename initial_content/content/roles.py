"""Professional roles in district work, with the approaches that use them (city slug, approach slug)."""

from .common import AMSTERDAM_SECTION, DEN_HAAG_SECTION, UTRECHT_SECTION, in_article
from .sources import ARTICLE

UTRECHT = ("utrecht", "wijkgericht-werken")
DEN_HAAG = ("den-haag", "opwaartse-kracht")
AMSTERDAM = ("amsterdam", "gebiedsgericht-werken")

ROLES = [
    {
        "slug": "sociaal-makelaar",
        "name": "Sociaal makelaar",
        "description": (
            "In Utrecht is de sociaal makelaar een van de twee typen wijkprofessionals, naast de "
            "gebiedswerker, met volgens Krijnen „een meer vrije rol”."
        ),
        "editor_note": (
            "Het artikel geeft geen algemene omschrijving van de rol en zegt niet wat een sociaal "
            "makelaar doet; vul aan zodra een bron dat beschrijft."
        ),
        "approaches": [UTRECHT],
        "sources": [ARTICLE],
        "passage": in_article(UTRECHT_SECTION),
    },
    {
        "slug": "gebiedswerker",
        "name": "Gebiedswerker",
        "description": (
            "Een van de twee typen wijkprofessionals in Utrecht. Utrecht onderscheidt de "
            "gebiedswerker duidelijk van de sociaal makelaar, die een vrijere rol heeft."
        ),
        "editor_note": "Het artikel beschrijft de taken van de gebiedswerker niet verder.",
        "approaches": [UTRECHT],
        "sources": [ARTICLE],
        "passage": in_article(UTRECHT_SECTION),
    },
    {
        "slug": "wijkteam",
        "name": "Wijkteam",
        "description": (
            "Klein team van gemeenteambtenaren dat in de wijk zelf werkt. Met zulke teams bracht "
            "Utrecht al vroeg een lichte kanteling tot stand: er ontstond geen gemeentelijke "
            "wijkbureaucratie, maar de teams hebben te weinig doorzettingsmacht."
        ),
        "approaches": [UTRECHT],
        "sources": [ARTICLE],
        "passage": in_article(UTRECHT_SECTION),
    },
    {
        "slug": "opbouwwerker",
        "name": "Opbouwwerker",
        "description": (
            "Professional in de Haagse wijkaanpak. Men vindt de rol van opbouwwerkers daar "
            "belangrijk."
        ),
        "editor_note": (
            "Het artikel zegt alleen dat de rol van opbouwwerkers belangrijk wordt gevonden, niet "
            "wat zij doen; vul aan zodra een bron dat beschrijft."
        ),
        "approaches": [DEN_HAAG],
        "sources": [ARTICLE],
        "passage": in_article(DEN_HAAG_SECTION),
    },
    {
        "slug": "gebiedsmakelaar",
        "name": "Gebiedsmakelaar",
        "description": (
            "Professional in het Amsterdamse gebiedsgericht werken die in een gebied werkt en "
            "daarbij met budgetten kan werken. Of de bevoegdheden van gebiedsmakelaars moeten "
            "worden uitgebreid en hun budgetten verhoogd, is onderwerp van discussie."
        ),
        "approaches": [AMSTERDAM],
        "sources": [ARTICLE],
        "passage": in_article(AMSTERDAM_SECTION),
    },
]
