"""The read-only JSON API, /api/v1/ (django-ninja; the OpenAPI schema is at /api/v1/openapi.json).

Published content only (``api.published``). Every answer is JSON, errors included: 400 names the
parameter that is wrong, 404 says what was not found. Query parameters are declared per
operation (and so listed in the schema); nothing else in the query string is read.
"""

import math
import re
from functools import cache as memoize
from html import unescape

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from ninja import Field, NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer
from pydantic import field_validator

from api import published, representations, schemas
from approaches.compare import MAX_CITIES, MIN_CITIES, build_table
from cities.views import published_city_scopes
from editorial.renders import kept_for_readers
from editorial.scopes import SITE
from search.models import Kind
from search.query import MAX_RESULTS, clean_query, search

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50
# Headers that fit JSON: nothing here is a document that runs code or may be framed.
JSON_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Cross-Origin-Resource-Policy": "cross-origin",
}
ERRORS = {400: schemas.Error, 404: schemas.Error}


class InertJSONRenderer(JSONRenderer):
    """JSON in which no character can start markup, should anything ever read it as HTML.

    The same values as plain JSON: <, >, & and ' are written as \\u escapes, which every
    JSON reader turns back into the characters.
    """

    def render(self, request, data, *, response_status: int) -> str:
        text = super().render(request, data, response_status=response_status)
        return text.translate(INERT)


INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


class OpenDataAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        for name, value in JSON_HEADERS.items():
            response[name] = value
        return response


api = OpenDataAPI(
    title="Buurtwijs open data",
    version="1",
    description=(
        "De gepubliceerde inhoud van Buurtwijs als JSON: steden, hun aanpak, wijken, "
        "dimensies, de vergelijking, rollen, begrippen, bronnen en zoeken. Alleen lezen. "
        f"Licentie {LICENCE}; grenzen van wijken met de naamsvermelding van de kaartdata."
    ),
    urls_namespace="api-v1",
    docs_url=None,
    renderer=InertJSONRenderer(),
)


# --- Errors -------------------------------------------------------------------------------------


def error(request: HttpRequest, status: int, message: str, parameter: str | None = None):
    body = {"status": status, "message": message, "parameter": parameter}
    return api.create_response(request, body, status=status)


@api.exception_handler(ValidationError)
def invalid_parameter(request, exc: ValidationError):
    first = exc.errors[0]
    parameter = str(first["loc"][-1]) if first.get("loc") else None
    return error(request, 400, f"Ongeldige waarde voor ‘{parameter}’: {explain(first)}", parameter)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return error(request, 404, str(exc) or "Niet gevonden.")


def explain(problem: dict) -> str:
    """A pydantic error in Dutch, without repeating what was sent."""
    context = problem.get("ctx") or {}
    messages = {
        "missing": "deze parameter is verplicht.",
        "int_parsing": "verwacht een geheel getal.",
        "int_from_float": "verwacht een geheel getal.",
        "bool_parsing": "verwacht true of false.",
        "greater_than_equal": f"verwacht minstens {context.get('ge')}.",
        "less_than_equal": f"verwacht hoogstens {context.get('le')}.",
        "string_too_short": "mag niet leeg zijn.",
        "string_too_long": f"hoogstens {context.get('max_length')} tekens.",
        "too_short": f"geef er minstens {context.get('min_length')}.",
        "too_long": f"geef er hoogstens {context.get('max_length')}.",
    }
    return messages.get(problem.get("type"), "deze waarde kunnen we niet gebruiken.")


def unknown_path(request) -> HttpResponse:
    """Anything under /api/v1/ that is no resource: a JSON 404 too, never the HTML page."""
    return error(request, 404, "Dit adres bestaat niet in de API; zie /api/v1/openapi.json.")


def query_parameters(path: str) -> frozenset[str]:
    """The query parameters the API operation at ``path`` reads (as the schema lists them).

    For a page cache keyed on what a page reads: nothing else in the query string changes the
    answer. Empty for paths that are no API operation.
    """
    try:
        match = resolve(path)
    except Resolver404:
        return frozenset()
    template = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", match.route)
    return _query_parameters_by_path().get(template, frozenset())


def query_parameters_by_view_name() -> dict[str, frozenset[str]]:
    """The query parameters of every API operation by its view name ("api-v1:cities")."""
    patterns, _, namespace = api.urls
    prefix = reverse(f"{namespace}:index")
    by_path = _query_parameters_by_path()
    return {
        f"{namespace}:{pattern.name}": by_path.get(
            prefix + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern)), frozenset()
        )
        for pattern in patterns
        if pattern.name
    }


@memoize
def _query_parameters_by_path() -> dict[str, frozenset[str]]:
    return {
        path: frozenset(
            p["name"] for spec in methods.values() for p in spec["parameters"] if p["in"] == "query"
        )
        for path, methods in api.get_openapi_schema()["paths"].items()
    }


# --- Pages of results ---------------------------------------------------------------------------


class PageParams(Schema):
    pagina: int = Field(1, ge=1, description="Het nummer van de pagina, vanaf 1.")
    per_pagina: int = Field(
        DEFAULT_PER_PAGE,
        ge=1,
        le=MAX_PER_PAGE,
        description=f"Items per pagina, hoogstens {MAX_PER_PAGE}.",
    )


def page(request, queryset: QuerySet, params: PageParams, represent, extra=()) -> dict:
    count = queryset.count()
    pages = max(1, math.ceil(count / params.per_pagina))
    if params.pagina > pages:
        raise Http404(f"Pagina {params.pagina} bestaat niet; er {_pages(pages)}.")
    start = (params.pagina - 1) * params.per_pagina
    items = queryset[start : start + params.per_pagina]

    def link(number: int) -> str:
        query = [("pagina", number), ("per_pagina", params.per_pagina), *extra]
        return f"{request.path}?{urlencode(query)}"

    return {
        "count": count,
        "page": params.pagina,
        "per_page": params.per_pagina,
        "pages": pages,
        "links": {
            "self": link(params.pagina),
            "first": link(1),
            "last": link(pages),
            "next": link(params.pagina + 1) if params.pagina < pages else None,
            "previous": link(params.pagina - 1) if params.pagina > 1 else None,
        },
        "items": [represent(item) for item in items],
    }


def _pages(pages: int) -> str:
    return "is 1 pagina" if pages == 1 else f"zijn {pages} pagina's"


# --- Resources ----------------------------------------------------------------------------------


@api.get("/", response=schemas.Index, url_name="index", summary="Wat de API biedt")
def index(request):
    return {
        "name": "Buurtwijs open data",
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "links": {
            "cities": representations.api_url("cities"),
            "dimensions": representations.api_url("dimensions"),
            "comparison": representations.api_url("comparison"),
            "roles": representations.api_url("roles"),
            "terms": representations.api_url("terms"),
            "sources": representations.api_url("sources"),
            "search": representations.api_url("search"),
            "openapi": representations.api_url("openapi-json"),
            "reference": reverse("api_reference"),
            "data": reverse("data:index"),
        },
    }


def _scopes_of_city(request, stad: str, **params) -> list[str]:
    """The scopes of a city's resources; for a slug that is no published city only ``site``,
    and the operation answers the JSON 404 (which is not kept)."""
    return published_city_scopes(stad) or [SITE]


PAGE_PARAMETERS = ("pagina", "per_pagina")


@api.get(
    "/steden/",
    response={200: schemas.CityPage, **ERRORS},
    url_name="cities",
    summary="De steden",
    description="Elke gepubliceerde stad met haar (eerste) aanpak, reikwijdte, koppeling met "
    "de lokale democratie en eigen verkiezingen.",
)
@decorate_view(kept_for_readers(reads=PAGE_PARAMETERS, signed_in_too=True))
def cities(request, params: Query[PageParams]):
    def represent(city):
        return representations.city_summary(city, next(iter(city.approaches.all()), None))

    return page(request, published.cities(), params, represent)


@api.get(
    "/steden/{stad}/",
    response={200: schemas.CityDetail, **ERRORS},
    url_name="city",
    summary="Eén stad volledig",
    description="De stad met al haar aanpakken: periodes, typering per dimensie, sterke en "
    "zwakke punten, risico's, open vragen, rollen en bronnen.",
)
@decorate_view(kept_for_readers(_scopes_of_city, signed_in_too=True))
def city(request, stad: str):
    found = published.city_in_full(stad)
    return representations.city_in_full(found, published.districts(found).count())


class DistrictParams(Schema):
    geometrie: bool = Field(
        False, description="Met true: ook de grens als GeoJSON-geometrie (WGS84)."
    )


@api.get(
    "/steden/{stad}/wijken/",
    response={200: schemas.DistrictPage, **ERRORS},
    url_name="districts",
    summary="De wijken en gebieden van een stad",
    exclude_unset=True,
)
@decorate_view(
    kept_for_readers(_scopes_of_city, reads=(*PAGE_PARAMETERS, "geometrie"), signed_in_too=True)
)
def districts(request, stad: str, params: Query[PageParams], options: Query[DistrictParams]):
    found = published.city(stad)
    queryset = published.districts(found)
    if options.geometrie:
        queryset = queryset.defer(None).defer("city__geometry", "parent__geometry")
    extra = [("geometrie", "true")] if options.geometrie else []
    return page(
        request,
        queryset,
        params,
        lambda d: representations.district(d, geometry=options.geometrie),
        extra,
    )


@api.get(
    "/steden/{stad}/wijken/{wijk}/",
    response={200: schemas.District, **ERRORS},
    url_name="district",
    summary="Eén wijk of gebied",
    exclude_unset=True,
)
@decorate_view(kept_for_readers(_scopes_of_city, reads=("geometrie",), signed_in_too=True))
def district(request, stad: str, wijk: str, options: Query[DistrictParams]):
    found = published.district(published.city(stad), wijk)
    return representations.district(found, geometry=options.geometrie)


@api.get(
    "/dimensies/",
    response={200: schemas.DimensionPage, **ERRORS},
    url_name="dimensions",
    summary="De dimensies waarop aanpakken worden vergeleken",
)
def dimensions(request, params: Query[PageParams]):
    return page(request, published.dimensions(), params, representations.dimension)


class ComparisonParams(Schema):
    steden: list[str] = Field(
        ...,
        min_length=MIN_CITIES,
        max_length=MAX_CITIES,
        json_schema_extra={"uniqueItems": True},
        description=f"Slugs van {MIN_CITIES} tot {MAX_CITIES} verschillende steden, "
        "in de volgorde van de kolommen: ?steden=utrecht&steden=den-haag.",
    )

    @field_validator("steden")
    @classmethod
    def each_city_once(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("elke stad één keer")
        return value


@api.get(
    "/vergelijking/",
    response={200: schemas.Comparison, **ERRORS},
    url_name="comparison",
    summary="Twee tot vier steden naast elkaar",
    description="Dezelfde tabel als /vergelijk/: per rij (de aanpak, elke dimensie in zijn "
    "thema, de rijen over lokale democratie, de kenmerken) één cel per stad.",
)
@decorate_view(kept_for_readers(reads=("steden",), signed_in_too=True))
def comparison(request, params: Query[ComparisonParams]):
    chosen = [published.city(slug) for slug in params.steden]
    table = build_table(AnonymousUser(), chosen)
    query = urlencode([("steden", city.slug) for city in chosen])
    html_url = f"{reverse('compare')}?{query}"
    return representations.comparison(table, html_url, f"{html_url}&formaat=csv")


@api.get(
    "/rollen/",
    response={200: schemas.RolePage, **ERRORS},
    url_name="roles",
    summary="Rollen van professionals in de wijk",
)
def roles(request, params: Query[PageParams]):
    return page(request, published.roles(), params, representations.role)


@api.get("/rollen/{rol}/", response={200: schemas.Role, **ERRORS}, url_name="role",
         summary="Eén rol")  # fmt: skip
def role(request, rol: str):
    found = published.roles().filter(slug=rol).first() if published.is_slug(rol) else None
    if found is None:
        raise Http404("Er is geen gepubliceerde rol met deze slug.")
    return representations.role(found)


@api.get(
    "/begrippen/",
    response={200: schemas.TermPage, **ERRORS},
    url_name="terms",
    summary="De begrippenlijst",
)
def terms(request, params: Query[PageParams]):
    return page(request, published.terms(), params, representations.term)


@api.get(
    "/bronnen/",
    response={200: schemas.SourcePage, **ERRORS},
    url_name="sources",
    summary="De bronnen",
)
def sources(request, params: Query[PageParams]):
    return page(request, published.sources(), params, representations.source)


class SearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=200, description="De zoekvraag.")


@api.get(
    "/zoeken/",
    response={200: schemas.SearchResults, **ERRORS},
    url_name="search",
    summary="Zoeken in alles wat gepubliceerd is",
    description="Zoals /zoeken/: Nederlandse woordvormen, woorden in samenstellingen, en bij "
    "geen treffers titels die erop lijken. Hoogstens 60 resultaten, beste eerst.",
)
def search_endpoint(request, params: Query[SearchParams]):
    text, notes = clean_query(params.q)
    outcome = search(text, per_page=MAX_RESULTS) if text else None
    results = outcome.results if outcome else []
    return {
        "query": text,
        "count": len(results),
        "similar_only": bool(outcome and outcome.similar_only),
        "suggestion": (outcome.suggestion or None) if outcome else None,
        "notes": notes,
        "results": [_search_result(result) for result in results],
    }


def _search_result(result) -> dict:
    return {
        "kind": result.kind,
        "kind_label": Kind(result.kind).label,
        "title": plain(result.title),
        "snippet": plain(result.snippet),
        "url": result.url,
        "city": result.city_name or None,
    }


def plain(highlighted: str) -> str:
    """search.query's escaped HTML with <mark> back to plain text (the rest was escaped)."""
    return unescape(str(highlighted).replace("<mark>", "").replace("</mark>", ""))
