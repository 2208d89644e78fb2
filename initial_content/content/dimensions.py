"""The axes along which the approaches are compared, in the order the comparison shows them."""

DIMENSIONS = [
    {
        "slug": "reikwijdte",
        "name": "Reikwijdte",
        "question": "Werkt de stad in al haar wijken op deze manier, of alleen in een selectie?",
    },
    {
        "slug": "schaal",
        "name": "Schaal en indeling",
        "question": "Op welke schaal wordt gewerkt: stadsdeel, gebied, wijk of buurt?",
    },
    {
        "slug": "doelen-en-inhoud",
        "name": "Doelen en inhoud",
        "question": "Waar richt de aanpak zich inhoudelijk op?",
    },
    {
        "slug": "sturing-en-organisatie",
        "name": "Sturing en organisatie",
        "question": "Hoe is de aanpak bestuurlijk en ambtelijk georganiseerd en hoe wordt hij gestuurd?",
    },
    {
        "slug": "verhouding-stad-en-wijk",
        "name": "Verhouding stad en wijk",
        "question": (
            "Hoe verhouden stedelijke prioriteiten en de vakdiensten van de gemeente zich tot de wijk?"
        ),
    },
    {
        "slug": "professionals-in-de-wijk",
        "name": "Professionals in de wijk",
        "question": "Welke professionals werken in de wijk, en met welke rol?",
    },
    {
        "slug": "financiering",
        "name": "Financiering",
        "question": "Waar komt het geld voor het wijkwerk vandaan, en wie beschikt erover?",
    },
    {
        "slug": "bewonersparticipatie",
        "name": "Bewonersparticipatie",
        "question": "Hoe worden bewoners bij het werk in hun wijk betrokken?",
    },
    {
        "slug": "lokale-democratie",
        "name": "Lokale democratie",
        "question": "Is het wijkwerk gekoppeld aan gekozen organen voor wijk, gebied of stadsdeel?",
    },
    {
        "slug": "resultaten-en-leren",
        "name": "Resultaten en leren",
        "question": "Hoe worden resultaten getoetst, en hoe leert de aanpak van de praktijk?",
    },
    {
        "slug": "innovatie-en-ontwikkeling",
        "name": "Innovatie en ontwikkeling",
        "question": "Is er aandacht voor vernieuwing van het wijkwerk en voor professionele ontwikkeling?",
    },
]

for position, dimension in enumerate(DIMENSIONS, start=1):
    dimension["order"] = position * 10
