"""The shapes of the API's answers, as the OpenAPI schema publishes them.

Field descriptions are the data dictionary. Tables that can also be downloaded (districts,
terms, sources) take their fields from ``api.columns``, so the API and the files never differ.
Links are paths on this site (no host), so they are the same whichever address was asked.
"""

from datetime import date
from typing import Any

from ninja import Field, Schema
from pydantic import create_model

from api.columns import DISTRICT_COLUMNS, SOURCE_COLUMNS, TERM_COLUMNS, Column


class Error(Schema):
    status: int = Field(description="De HTTP-statuscode.")
    message: str = Field(description="Wat er mis is, in het Nederlands.")
    parameter: str | None = Field(
        None, description="De parameter die niet klopt; leeg als het om het adres gaat."
    )


class PageLinks(Schema):
    self: str
    first: str
    last: str
    next: str | None = Field(description="De volgende pagina; leeg op de laatste.")
    previous: str | None = Field(description="De vorige pagina; leeg op de eerste.")


class PageMeta(Schema):
    count: int = Field(description="Het totale aantal items over alle pagina's.")
    page: int = Field(description="Het nummer van deze pagina (vanaf 1).")
    per_page: int = Field(description="Het aantal items per pagina.")
    pages: int = Field(description="Het aantal pagina's (minstens 1).")
    links: PageLinks


def from_columns(name: str, columns: list[Column], **extra: Any) -> type[Schema]:
    fields = {c.name: (c.type, Field(description=c.description)) for c in columns}
    return create_model(name, __base__=Schema, **fields, **extra)


def page_of(item: type[Schema], name: str) -> type[Schema]:
    return create_model(name, __base__=PageMeta, items=(list[item], ...))


class Links(Schema):
    self: str = Field(description="Dit item in de API.")
    html: str = Field(description="De pagina op Buurtwijs.")


class CityLinks(Links):
    districts: str = Field(description="De wijken en gebieden van de stad in de API.")
    feed: str = Field(description="Atom-feed met gepubliceerde wijzigingen van deze stad.")
    districts_csv: str
    districts_geojson: str


class ApproachSummary(Schema):
    slug: str = Field(description="Vaste naam, uniek binnen de stad.")
    name: str
    scope: str = Field(description="Reikwijdte: hele-stad, focuswijken of uniforme-methode.")
    scope_label: str = Field(description="De reikwijdte in woorden.")
    focus_area_count: int | None = Field(
        description="Aantal focuswijken volgens de bron; leeg als onbekend of niet van toepassing."
    )


class CitySummary(Schema):
    slug: str
    name: str
    official_name: str = Field(description="Officiële gemeentenaam, zoals 's-Gravenhage.")
    cbs_code: str = Field(description="CBS-gemeentecode, GM + vier cijfers.")
    inhabitants: int | None = Field(description="Aantal inwoners; leeg als onbekend.")
    inhabitants_year: int | None = Field(description="Het jaar van het inwonertal.")
    inhabitants_source: str | None = Field(description="Slug van de bron van het inwonertal.")
    summary: str = Field(description="Korte beschrijving (Markdown).")
    democracy_link: str = Field(
        description="Koppeling met de lokale democratie: geen, stadsdeelcommissies, "
        "gebiedscommissies, wijkraden of gemengd."
    )
    democracy_link_label: str
    district_elections: bool = Field(
        description="Of inwoners een eigen orgaan kiezen voor hun wijk, gebied of stadsdeel."
    )
    approach: ApproachSummary | None = Field(
        description="De eerste aanpak op naam, zoals de vergelijking die toont; leeg als er "
        "nog geen is beschreven."
    )
    links: CityLinks


class Period(Schema):
    title: str
    label: str = Field(description="De periode zoals getoond, bijvoorbeeld ‘2014–2018’.")
    starts_on: date | None = Field(description="Begindatum; leeg als onbekend.")
    ends_on: date | None = Field(description="Einddatum; leeg als onbekend of nog lopend.")
    description: str = Field(description="Markdown.")
    sources: list[str] = Field(description="Slugs van de bronnen.")


class Assessment(Schema):
    dimension: str = Field(description="Slug van de dimensie.")
    dimension_name: str
    value: str = Field(description="Korte typering, zoals in de vergelijkingstabel.")
    text: str = Field(description="Toelichting (Markdown); kan leeg zijn.")
    sources: list[str]


class Trait(Schema):
    kind: str = Field(description="sterk, zwak, risico of open-vraag.")
    kind_label: str
    dimension: str | None = Field(
        description="Slug van de dimensie waar het over gaat, als die er is."
    )
    text: str = Field(description="Markdown.")
    sources: list[str]


class RoleRef(Schema):
    slug: str
    name: str
    link: str = Field(description="De rol in de API.")


class Approach(ApproachSummary):
    summary: str = Field(description="Markdown.")
    body: str = Field(description="Beschrijving (Markdown); kan leeg zijn.")
    is_incomplete: bool = Field(description="Of de bronnen over deze aanpak nog weinig zeggen.")
    incomplete_note: str = Field(description="Wat er ontbreekt; leeg als niets.")
    periods: list[Period]
    assessments: list[Assessment] = Field(
        description="Per dimensie, in de volgorde van de dimensies."
    )
    traits: list[Trait]
    roles: list[RoleRef]
    sources: list[str]


Source = from_columns("Source", SOURCE_COLUMNS)
Term = from_columns("Term", TERM_COLUMNS)


class CityDetail(CitySummary):
    democracy_text: str = Field(description="Toelichting op de lokale democratie (Markdown).")
    district_count: int = Field(description="Aantal gepubliceerde wijken en gebieden.")
    approaches: list[Approach] = Field(description="Alle gepubliceerde aanpakken, op naam.")
    sources: list[Source] = Field(description="De bronnen van het stadsprofiel zelf.")


class DistrictLinks(Links):
    city: str
    parent: str | None = Field(description="Het grotere gebied in de API; leeg als er geen is.")


District = from_columns(
    "District",
    DISTRICT_COLUMNS,
    links=(DistrictLinks, ...),
    geometry=(
        dict[str, Any] | None,
        Field(
            None,
            description="Alleen met ?geometrie=true: de grens als GeoJSON-geometrie (WGS84); "
            "leeg als de grens niet bekend is.",
        ),
    ),
)


class Dimension(Schema):
    slug: str
    name: str
    question: str = Field(description="De vraag die de dimensie beantwoordt.")
    order: int = Field(description="Volgorde waarin de redactie de dimensies toont.")


class ApproachRef(Schema):
    city: str = Field(description="Slug van de stad.")
    slug: str
    name: str
    link: str = Field(description="De stad (met deze aanpak) in de API.")


class Role(Schema):
    slug: str
    name: str
    description: str = Field(description="Markdown.")
    approaches: list[ApproachRef] = Field(description="De gepubliceerde aanpakken met deze rol.")
    sources: list[str]


class ComparisonItem(Schema):
    text: str
    url: str = Field(description="Pagina op Buurtwijs; leeg als het item nergens naar verwijst.")
    markdown: bool = Field(description="Of de tekst Markdown is.")


class ComparisonCell(Schema):
    city: str = Field(description="Slug van de stad in deze kolom.")
    value: str = Field(description="Korte waarde; leeg als de bronnen er niets over zeggen.")
    detail: str = Field(description="Langere toelichting (Markdown); kan leeg zijn.")
    items: list[ComparisonItem]
    url: str


class ComparisonRow(Schema):
    key: str = Field(description="Vaste naam van de rij, zoals op /vergelijk/ (#rij-<key>).")
    label: str
    question: str = Field(description="De vraag van de dimensie; leeg voor andere rijen.")
    differs: bool = Field(description="Of de steden op deze rij verschillen.")
    cells: list[ComparisonCell] = Field(description="Eén cel per stad, in de gevraagde volgorde.")


class ComparisonCity(Schema):
    slug: str
    name: str
    link: str


class Comparison(Schema):
    cities: list[ComparisonCity]
    rows: list[ComparisonRow]
    html: str = Field(description="Dezelfde vergelijking op Buurtwijs.")
    csv: str = Field(description="Dezelfde tabel als CSV.")


class SearchResult(Schema):
    kind: str = Field(description="stad, wijk, aanpak, typering, kenmerk, rol, begrip of bron.")
    kind_label: str
    title: str
    snippet: str = Field(description="Tekst rond de treffer, zonder opmaak.")
    url: str = Field(description="Pagina op Buurtwijs.")
    city: str | None = Field(description="Naam van de stad, als het resultaat bij een stad hoort.")


class SearchResults(Schema):
    query: str = Field(description="De zoekvraag zoals gezocht (ingekort tot 200 tekens).")
    count: int
    similar_only: bool = Field(
        description="Waar: niets gevonden, dit zijn titels die op de zoekvraag lijken."
    )
    suggestion: str | None = Field(description="‘Bedoelde u …?’: de best passende naam.")
    notes: list[str] = Field(description="Wat er aan de zoekvraag is veranderd.")
    results: list[SearchResult]


class IndexLinks(Schema):
    cities: str
    dimensions: str
    comparison: str = Field(description="Vul ?steden= twee tot vier keer in.")
    roles: str
    terms: str
    sources: str
    search: str
    openapi: str
    reference: str
    data: str


class Index(Schema):
    name: str
    licence: str
    licence_url: str
    links: IndexLinks


CityPage = page_of(CitySummary, "CityPage")
DistrictPage = page_of(District, "DistrictPage")
DimensionPage = page_of(Dimension, "DimensionPage")
RolePage = page_of(Role, "RolePage")
TermPage = page_of(Term, "TermPage")
SourcePage = page_of(Source, "SourcePage")
