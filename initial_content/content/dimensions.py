"""The axes along which the approaches are compared, in the order the comparison shows them.

Each dimension has a theme (its group of rows in the comparison) and a few options: short
categories an approach can be given on it. They are the article's own distinctions, worded
shortly; an approach the sources say nothing about on a dimension gets no option (unknown).
"""

DIMENSIONS = [
    {
        "slug": "reikwijdte",
        "theme": "opzet",
        "options": [
            {"slug": "hele-stad", "label": "Hele stad"},
            {"slug": "selectie-van-wijken", "label": "Een selectie van wijken"},
        ],
        "name": "Reikwijdte",
        "question": "Werkt de stad in al haar wijken op deze manier, of alleen in een selectie?",
    },
    {
        "slug": "schaal",
        "theme": "opzet",
        "options": [
            {"slug": "wijken", "label": "Wijken"},
            {"slug": "gebieden-binnen-stadsdelen", "label": "Gebieden binnen stadsdelen"},
        ],
        "name": "Schaal en indeling",
        "question": "Op welke schaal wordt gewerkt: stadsdeel, gebied, wijk of buurt?",
    },
    {
        "slug": "doelen-en-inhoud",
        "theme": "opzet",
        "options": [
            {"slug": "collectieve-dimensie-wmo", "label": "Collectieve kant van de Wmo versterken"},
            {"slug": "opwaartse-kracht", "label": "Opwaartse kracht: wijk en persoon samen"},
        ],
        "name": "Doelen en inhoud",
        "question": "Waar richt de aanpak zich inhoudelijk op?",
    },
    {
        "slug": "sturing-en-organisatie",
        "theme": "organisatie",
        "options": [
            {"slug": "wijkwethouders-en-wijkteams", "label": "Wijkwethouders en kleine wijkteams"},
            {"slug": "programmasturing", "label": "Programmasturing vanuit een programmabureau"},
            {
                "slug": "stedelijke-methode",
                "label": "Eén stedelijke methode, ingevuld per stadsdeel",
            },
        ],
        "name": "Sturing en organisatie",
        "question": "Hoe is de aanpak bestuurlijk en ambtelijk georganiseerd en hoe wordt hij gestuurd?",
    },
    {
        "slug": "verhouding-stad-en-wijk",
        "theme": "organisatie",
        "options": [
            {"slug": "wethouders-aan-wijken", "label": "Wethouders aan wijken gekoppeld"},
            {
                "slug": "vakdiensten-onder-druk",
                "label": "Druk op vakdiensten om wijkgericht te werken",
            },
            {
                "slug": "afstemming-prioriteiten",
                "label": "Afstemming stedelijke en wijkprioriteiten",
            },
        ],
        "name": "Verhouding stad en wijk",
        "question": (
            "Hoe verhouden stedelijke prioriteiten en de vakdiensten van de gemeente zich tot de wijk?"
        ),
    },
    {
        "slug": "professionals-in-de-wijk",
        "theme": "mensen",
        "options": [
            {
                "slug": "sociaal-makelaars-en-gebiedswerkers",
                "label": "Sociaal makelaars en gebiedswerkers",
            },
            {"slug": "opbouwwerkers", "label": "Opbouwwerkers"},
            {"slug": "gebiedsmakelaars", "label": "Gebiedsmakelaars"},
        ],
        "name": "Professionals in de wijk",
        "question": "Welke professionals werken in de wijk, en met welke rol?",
    },
    {
        "slug": "financiering",
        "theme": "organisatie",
        "options": [
            {
                "slug": "deels-uit-andere-budgetten",
                "label": "Deels uit andere budgetten dan de wijkaanpak",
            },
            {"slug": "budgetten-gebiedsmakelaars", "label": "Budgetten bij de gebiedsmakelaars"},
        ],
        "name": "Financiering",
        "question": "Waar komt het geld voor het wijkwerk vandaan, en wie beschikt erover?",
    },
    {
        "slug": "bewonersparticipatie",
        "theme": "mensen",
        "options": [
            {"slug": "fysiek-herstel", "label": "Participatie uitlokken met fysiek herstel"},
            {"slug": "burgerinspraak", "label": "Burgerinspraak als vast onderdeel"},
            {"slug": "gelote-wijkcomites", "label": "Wijkcomités met gelote leden (proef)"},
        ],
        "name": "Bewonersparticipatie",
        "question": "Hoe worden bewoners bij het werk in hun wijk betrokken?",
    },
    {
        "slug": "lokale-democratie",
        "theme": "democratie",
        "options": [
            {"slug": "gekoppeld", "label": "Gekoppeld aan gekozen organen"},
            {"slug": "niet-gekoppeld", "label": "Niet gekoppeld"},
        ],
        "name": "Lokale democratie",
        "question": "Is het wijkwerk gekoppeld aan gekozen organen voor wijk, gebied of stadsdeel?",
    },
    {
        "slug": "resultaten-en-leren",
        "theme": "leren",
        "options": [
            {
                "slug": "toetsing-en-lerend-vermogen",
                "label": "Toetsing van resultaten en lerend vermogen",
            },
            {"slug": "leren-tussen-stadsdelen", "label": "Stadsdelen leren van elkaar"},
        ],
        "name": "Resultaten en leren",
        "question": "Hoe worden resultaten getoetst, en hoe leert de aanpak van de praktijk?",
    },
    {
        "slug": "innovatie-en-ontwikkeling",
        "theme": "leren",
        "options": [
            {
                "slug": "aandacht-voor-vernieuwing",
                "label": "Aandacht voor vernieuwing en professionele ontwikkeling",
            },
        ],
        "name": "Innovatie en ontwikkeling",
        "question": "Is er aandacht voor vernieuwing van het wijkwerk en voor professionele ontwikkeling?",
    },
]

for position, dimension in enumerate(DIMENSIONS, start=1):
    dimension["order"] = position * 10
    for option_position, option in enumerate(dimension["options"], start=1):
        option["order"] = option_position * 10
