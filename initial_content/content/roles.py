"""Professional roles in district work, with the approaches that use them (city slug, approach slug)."""

from .sources import ARTICLE

UTRECHT = ("utrecht", "wijkgericht-werken")
DEN_HAAG = ("den-haag", "opwaartse-kracht")
AMSTERDAM = ("amsterdam", "gebiedsgericht-werken")

ROLES = [
    {
        "slug": "sociaal-makelaar",
        "name": "Sociaal makelaar",
        "description": (
            "Wijkprofessional die mensen, initiatieven en organisaties in een wijk met elkaar in "
            "verbinding brengt. In Utrecht is de sociaal makelaar een van de twee typen "
            "wijkprofessionals, naast de gebiedswerker, met volgens Krijnen „een meer vrije rol”."
        ),
        "approaches": [UTRECHT],
        "sources": [ARTICLE],
    },
    {
        "slug": "gebiedswerker",
        "name": "Gebiedswerker",
        "description": (
            "Wijkprofessional die voor een gebied werkt. Utrecht onderscheidt de gebiedswerker "
            "duidelijk van de sociaal makelaar, die een vrijere rol heeft. Het artikel beschrijft "
            "de taken van de gebiedswerker niet verder."
        ),
        "approaches": [UTRECHT],
        "sources": [ARTICLE],
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
    },
    {
        "slug": "opbouwwerker",
        "name": "Opbouwwerker",
        "description": (
            "Professional die bewoners helpt zich te organiseren en samen op te komen voor hun "
            "wijk. In de Haagse wijkaanpak vindt men de rol van opbouwwerkers belangrijk."
        ),
        "approaches": [DEN_HAAG],
        "sources": [ARTICLE],
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
    },
]
