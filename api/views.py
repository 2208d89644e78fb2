"""The open-data page (/data/) and the API reference (/api/v1/docs/)."""

from dataclasses import dataclass

from django.db.models import Max
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from api import published, reference
from api.columns import DISTRICT_COLUMNS, SOURCE_COLUMNS, TERM_COLUMNS, Column
from api.downloads import LICENCE, LICENCE_URL, last_change
from api.v1 import api
from cities.maps import CBS_ATTRIBUTION


@dataclass
class CityFiles:
    name: str
    csv_url: str
    geojson_url: str
    json_url: str
    updated: object


@dataclass
class Dataset:
    anchor: str
    title: str
    description: str
    columns: list[Column]


DATASETS = [
    Dataset(
        "wijken",
        "Wijken en gebieden",
        "Per stad de stadsdelen, gebieden, wijken en buurten met hun indeling, CBS-code, "
        "focusgebied en gekozen orgaan. Als CSV, en als GeoJSON met de grenzen.",
        DISTRICT_COLUMNS,
    ),
    Dataset("begrippen", "Begrippen", "De begrippenlijst met uitleg en bronnen.", TERM_COLUMNS),
    Dataset("bronnen", "Bronnen", "De publicaties waarop de inhoud steunt.", SOURCE_COLUMNS),
]


@require_safe
def data_page(request):
    context = {
        "city_files": _city_files(),
        "datasets": DATASETS,
        "terms_updated": last_change(published.terms()),
        "sources_updated": last_change(published.sources()),
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "cbs_attribution": CBS_ATTRIBUTION,
        "breadcrumbs": [("Open data", reverse("data:index"))],
    }
    return render(request, "api/data.html", context)


def _city_files() -> list[CityFiles]:
    """Each city's district files with the date of its last change (two queries)."""
    cities = list(published.cities().prefetch_related(None))
    updated = dict(
        published.districts_of(cities)
        .values("city")
        .annotate(at=Max(Coalesce("published_at", "updated_at")))
        .values_list("city", "at")
    )
    return [
        CityFiles(
            city.name,
            reverse("data:districts_csv", args=[city.slug]),
            reverse("data:districts_geojson", args=[city.slug]),
            reverse("api-v1:districts", args=[city.slug]),
            updated.get(city.pk),
        )
        for city in cities
    ]


@require_safe
def api_reference(request):
    schema = api.get_openapi_schema()
    context = {
        "schema": schema,
        "operations": reference.operations(schema),
        "models": reference.models(schema),
        "openapi_url": reverse("api-v1:openapi-json"),
        "breadcrumbs": [
            ("Open data", reverse("data:index")),
            ("API", reverse("api_reference")),
        ],
    }
    return render(request, "api/reference.html", context)
