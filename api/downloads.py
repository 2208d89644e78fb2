"""The tables people see on the site, as files: districts (CSV and GeoJSON), glossary, sources.

CSV files are for spreadsheets as Dutch readers use them: UTF-8 with a byte order mark and `;`
between fields (Excel with Dutch settings opens them as columns), one header row and nothing
else, so every other tool reads them as well. The licence, the date and the data dictionary
are on /data/; the file name carries the date of the last change. Yes/no fields say "ja" or
"nee", empty means unknown or not applicable, lists are separated by ", ".
"""

import json
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from api import published, representations
from api.columns import DISTRICT_COLUMNS, SOURCE_COLUMNS, TERM_COLUMNS, Column
from approaches.spreadsheet import csv_download, inert
from cities.maps import CBS_ATTRIBUTION

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"
CONTENT_CREDIT = "Buurtwijs, platform voor buurtontwikkeling"


def last_change(queryset) -> date | None:
    """The day the newest row of a dataset was last published (one query)."""
    newest = queryset.aggregate(at=Max(Coalesce("published_at", "updated_at")))["at"]
    return newest.date() if newest else None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return inert(str(value))


def csv_response(filename: str, columns: list[Column], objects) -> HttpResponse:
    response, writer = csv_download(filename)
    writer.writerow([column.name for column in columns])
    for obj in objects:
        writer.writerow([_cell(column.value(obj)) for column in columns])
    return response


def _dated(name: str, day: date | None, extension: str) -> str:
    return f"buurtwijs-{name}-{day.isoformat() if day else 'leeg'}.{extension}"


@require_safe
def districts_csv(request, city_slug: str):
    city = published.city(city_slug)
    districts = published.districts(city)
    filename = _dated(f"{city.slug}-wijken", last_change(districts), "csv")
    return csv_response(filename, DISTRICT_COLUMNS, districts)


@require_safe
def districts_geojson(request, city_slug: str):
    city = published.city(city_slug)
    districts = list(published.districts(city).defer(None).defer("city__geometry"))
    with_boundary = [d for d in districts if d.geometry]
    collection = {
        "type": "FeatureCollection",
        "name": f"Wijken en gebieden van {city.name}",
        "attribution": boundary_credits(city, with_boundary),
        "licence": f"Inhoud: {CONTENT_CREDIT}, {LICENCE} ({LICENCE_URL}). Grenzen: zie "
        "attribution; die houden de licentie van hun bron.",
        "source": reverse("data:index"),
        "updated": last_change(published.districts(city)),
        "features": [_feature(d) for d in districts],
    }
    body = json.dumps(collection, cls=DjangoJSONEncoder, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    filename = _dated(f"{city.slug}-wijken", collection["updated"], "geojson")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def boundary_credits(city, districts) -> str:
    """Credit the source of every boundary in the file, as the maps do (README, "Kaartdata")."""
    credits = []
    if any(not d.cbs_code for d in districts):
        credits.append(f"Gemeente {city.name}")
    if any(d.cbs_code for d in districts):
        credits.append(CBS_ATTRIBUTION)
    return "Grenzen: " + "; ".join(credits) if credits else "Dit bestand bevat geen grenzen."


def _feature(district) -> dict:
    properties = representations.district(district)
    properties.pop("links")
    return {"type": "Feature", "geometry": district.geometry, "properties": properties}


@require_safe
def terms_csv(request):
    terms = published.terms()
    return csv_response(_dated("begrippen", last_change(terms), "csv"), TERM_COLUMNS, terms)


@require_safe
def sources_csv(request):
    sources = published.sources()
    return csv_response(_dated("bronnen", last_change(sources), "csv"), SOURCE_COLUMNS, sources)
