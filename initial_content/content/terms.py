"""The glossary: terms the article and the fact sheet use, explained in plain Dutch."""

from .common import slug_for
from .sources import ARTICLE, FACT_SHEET, ROTTERDAM_WIJKRADEN_2022, WIJKWIJZER_UTRECHT


def term(name: str, definition: str, sources: list[str]) -> dict:
    return {
        "name": name,
        "slug": slug_for(name),
        "definition": definition,
        "general_definition": name in GENERAL,
        "sources": sources,
    }


# Terms whose explanation of the word itself is a general one: the sources use the word without
# saying what it means, so they back only what the entry says about the cities. Checked against
# ../shared/source/ (the article and facts.md); the other terms are explained by the sources.
GENERAL = {
    "Doorzettingsmacht",
    "Wmo",
    "Sociaal makelaar",
    "Gebiedswerker",
    "Opbouwwerker",
    "Bestuurscommissie",
    "Wijkalliantie",
    "Programmasturing",
    "Open procesaanpak",
    "Programmabureau",
    "Vakdienst",
    "Stadsvernieuwing",
    "Wijkgericht werken",
    "Doorontwikkeling",
    "Wijkbureau",
    "Deelgemeente",
    "Stadsdeel",
}


TERMS = [
    term(
        "Kanteling",
        "Het omvormen van een organisatie zodat zij vanuit de wijk werkt in plaats van vanuit de "
        "eigen dienst of sector. Utrecht bracht al vroeg een ‘lichte kanteling’ tot stand met kleine "
        "wijkteams van ambtenaren in de wijk; in Den Haag komt de kanteling van de vakdiensten op "
        "gang, maar trager dan gewenst.",
        [ARTICLE],
    ),
    term(
        "Doorzettingsmacht",
        "Het vermogen om een besluit of aanpak echt door te zetten, ook als andere afdelingen of "
        "organisaties moeten meewerken. Volgens Krijnen hebben de Utrechtse wijkteams er te weinig "
        "van.",
        [ARTICLE],
    ),
    term(
        "Opwaartse kracht",
        "Naam en doel van de Haagse wijkaanpak (2014–2018): een combinatie van algemene "
        "wijkontwikkeling en persoonlijke levensverbetering.",
        [ARTICLE, FACT_SHEET],
    ),
    term(
        "Wmo",
        "De Wet maatschappelijke ondersteuning: de wet waarmee gemeenten inwoners ondersteunen die "
        "hulp nodig hebben om zelfstandig te wonen en mee te doen. Naast ondersteuning voor "
        "individuele inwoners heeft de uitvoering een collectieve kant, die Utrecht nadrukkelijk "
        "wil versterken.",
        [ARTICLE],
    ),
    term(
        "Wijkagenda",
        "Agenda met de prioriteiten voor een wijk of gebied voor meerdere jaren. In Amsterdam "
        "hoort een vierjarige wijkagenda bij de vaste methode van gebiedsgericht werken.",
        [ARTICLE],
    ),
    term(
        "Gebiedsagenda",
        "De Amsterdamse agenda voor een gebied voor vier jaar, met de prioriteiten van dat gebied. "
        "Elk van de 22 gebieden had er een (2015–2022); het artikel spreekt van vierjarige "
        "wijkagenda's.",
        [FACT_SHEET, ARTICLE],
    ),
    term(
        "Gebiedsplan",
        "Jaarlijks plan voor een gebied, met wat er dat jaar gebeurt. In Amsterdam maakt elk gebied "
        "een gebiedsplan; Krijnen ziet het risico dat die plichtmatig en oppervlakkig worden "
        "gemaakt.",
        [ARTICLE, FACT_SHEET],
    ),
    term(
        "Sociaal makelaar",
        "Wijkprofessional die mensen, initiatieven en organisaties in een wijk met elkaar verbindt. "
        "In Utrecht heeft de sociaal makelaar een vrijere rol dan de gebiedswerker.",
        [ARTICLE],
    ),
    term(
        "Gebiedswerker",
        "Wijkprofessional die voor een gebied werkt. Utrecht onderscheidt de gebiedswerker "
        "duidelijk van de sociaal makelaar.",
        [ARTICLE],
    ),
    term(
        "Opbouwwerker",
        "Professional die bewoners helpt zich te organiseren en samen op te komen voor hun wijk. "
        "Den Haag vindt hun rol in de wijkaanpak belangrijk.",
        [ARTICLE],
    ),
    term(
        "Gebiedsmakelaar",
        "Professional in het Amsterdamse gebiedsgericht werken die in een gebied werkt en daarbij "
        "met budgetten kan werken.",
        [ARTICLE],
    ),
    term(
        "Wijkteam",
        "In het artikel: een klein team van gemeenteambtenaren dat in de wijk zelf werkt, zoals in "
        "Utrecht.",
        [ARTICLE],
    ),
    term(
        "Stadsdeelcommissie",
        "In Amsterdam een commissie die de bewoners van een stadsdeel kiezen, tegelijk met de "
        "gemeenteraad, zoals op 21 maart 2018.",
        [ARTICLE, FACT_SHEET],
    ),
    term(
        "Gebiedscommissie",
        "In Rotterdam een commissie die de bewoners van een gebied kiezen. Van 2014 tot 2018 had elk "
        "van de veertien gebieden er een; vanaf 21 maart 2018 nog twaalf gebieden.",
        [FACT_SHEET],
    ),
    term(
        "Bestuurscommissie",
        "Commissie waaraan de gemeenteraad of het college bevoegdheden overdraagt, op grond van de "
        "Gemeentewet. Het artikel gebruikt de term voor de gekozen organen in de Rotterdamse "
        "gebieden.",
        [ARTICLE],
    ),
    term(
        "Wijkraad",
        "Raad die de bewoners van een wijk kiezen. In Rotterdam kwamen er vanaf 21 maart 2018 "
        "veertien, in Noord en Feijenoord; vanaf maart 2022 heeft de hele stad 39 wijkraden.",
        [ARTICLE, FACT_SHEET, ROTTERDAM_WIJKRADEN_2022],
    ),
    term(
        "Wijkcomité",
        "Comité voor een wijk waarvan de leden worden geloot in plaats van gekozen. Zes Rotterdamse "
        "wijken probeerden het vanaf 2018.",
        [FACT_SHEET],
    ),
    term(
        "Wijkalliantie",
        "Blijvend samenwerkingsverband van partijen in een wijk. Den Haag wil aan duurzame "
        "wijkallianties bouwen in plaats van losse ‘projectjes’ te doen.",
        [ARTICLE],
    ),
    term(
        "Programmasturing",
        "Sturing van samenhangende projecten en budgetten als één programma, met gezamenlijke "
        "doelen. Den Haag koos er bewust voor, gecombineerd met een open procesaanpak.",
        [ARTICLE],
    ),
    term(
        "Open procesaanpak",
        "Werkwijze waarin het verloop en de uitkomst niet vooraf vastliggen, maar onderweg samen met "
        "betrokkenen worden bepaald. Den Haag combineert die met gedegen programmasturing.",
        [ARTICLE],
    ),
    term(
        "Programmabureau",
        "Kleine eenheid die een programma coördineert. Het Haagse programmabureau van Opwaartse "
        "kracht gaat bewust om met zijn politieke, bestuurlijke en ambtelijke omgeving.",
        [ARTICLE, FACT_SHEET],
    ),
    term(
        "Vakdienst",
        "Gemeentelijke dienst die voor de hele stad één beleidsterrein behartigt. In Den Haag is er "
        "druk op de vakdiensten om meer wijkgericht te werken.",
        [ARTICLE],
    ),
    term(
        "Stadsvernieuwing",
        "Vernieuwing van oude stadswijken, vooral van de woningen en de openbare ruimte. Utrecht "
        "begon zijn wijkgericht werken met de stadsvernieuwing van de jaren tachtig en negentig.",
        [ARTICLE],
    ),
    term(
        "Wijkgericht werken",
        "Werken vanuit en voor de wijk: gemeente en professionals stemmen hun werk af op wat een "
        "wijk nodig heeft. Utrecht doet dat in alle wijken.",
        [ARTICLE],
    ),
    term(
        "Gebiedsgericht werken",
        "Werken per gebied, met agenda's en plannen voor dat gebied. Amsterdam voerde het in als "
        "algemene werkmethode voor de hele stad, met een jaarlijkse cyclus.",
        [ARTICLE],
    ),
    term(
        "Doorontwikkeling",
        "Het stap voor stap verbeteren van een bestaande werkwijze op grond van ervaring. In "
        "Amsterdam maakt de uniforme methode dat mogelijk.",
        [ARTICLE],
    ),
    term(
        "Wijkwethouder",
        "Wethouder die aan een of meer wijken gekoppeld is. In Utrecht heeft elke wijk een eigen "
        "wijkwethouder.",
        [ARTICLE, WIJKWIJZER_UTRECHT],
    ),
    term(
        "Wijkbureau",
        "Kantoor van de gemeente in de wijk. In Utrecht heeft elke wijk er een.",
        [WIJKWIJZER_UTRECHT],
    ),
    term(
        "Deelgemeente",
        "Deel van een gemeente met een eigen gekozen bestuur. De veertien Rotterdamse gebieden zijn "
        "de voormalige deelgemeenten.",
        [FACT_SHEET],
    ),
    term(
        "Stadsdeel",
        "Deel van een grote stad met een eigen bestuurlijke of ambtelijke organisatie. Amsterdam "
        "heeft zeven stadsdelen (sinds 24 maart 2022 plus stadsgebied Weesp); Den Haag heeft er acht.",
        [FACT_SHEET],
    ),
]
