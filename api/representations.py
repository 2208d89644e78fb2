"""Published objects as the plain data the API returns (shapes in ``api.schemas``)."""

from django.urls import reverse
from django.utils.http import urlencode

from api.columns import DISTRICT_COLUMNS, SOURCE_COLUMNS, TERM_COLUMNS, row
from approaches.compare import Cell, Table
from cities.models import City, District


def api_url(name: str, *args, query: list[tuple[str, str]] | None = None) -> str:
    url = reverse(f"api-v1:{name}", args=args)
    return f"{url}?{urlencode(query)}" if query else url


def city_links(city: City) -> dict:
    return {
        "self": api_url("city", city.slug),
        "html": city.get_absolute_url(),
        "districts": api_url("districts", city.slug),
        "feed": reverse("city_feed", args=[city.slug]),
        "districts_csv": reverse("data:districts_csv", args=[city.slug]),
        "districts_geojson": reverse("data:districts_geojson", args=[city.slug]),
    }


def approach_summary(approach) -> dict:
    return {
        "slug": approach.slug,
        "name": approach.name,
        "scope": approach.scope,
        "scope_label": approach.get_scope_display(),
        "focus_area_count": approach.focus_area_count,
    }


def city_summary(city: City, first_approach=None) -> dict:
    """The city as listed; ``first_approach`` is the one the comparison shows for it."""
    return {
        "slug": city.slug,
        "name": city.name,
        "official_name": city.official_name,
        "cbs_code": city.cbs_code,
        "inhabitants": city.inhabitants,
        "inhabitants_year": city.inhabitants_year,
        "inhabitants_source": _inhabitants_source(city),
        "summary": city.summary,
        "democracy_link": city.democracy_link,
        "democracy_link_label": city.get_democracy_link_display(),
        "district_elections": city.district_elections,
        "approach": approach_summary(first_approach) if first_approach else None,
        "links": city_links(city),
    }


def _inhabitants_source(city: City) -> str | None:
    source = city.inhabitants_source
    return source.slug if source is not None and source.is_published else None


def city_in_full(city: City, district_count: int) -> dict:
    """Expects ``full_approaches`` and ``published_sources`` (``api.published.city_in_full``)."""
    approaches = city.full_approaches
    return city_summary(city, approaches[0] if approaches else None) | {
        "democracy_text": city.democracy_text,
        "district_count": district_count,
        "approaches": [approach_in_full(a) for a in approaches],
        "sources": [row(SOURCE_COLUMNS, source) for source in city.published_sources],
    }


def _slugs(obj) -> list[str]:
    return [source.slug for source in obj.published_sources]


def approach_in_full(approach) -> dict:
    return approach_summary(approach) | {
        "summary": approach.summary,
        "body": approach.body,
        "is_incomplete": approach.is_incomplete,
        "incomplete_note": approach.incomplete_note,
        "periods": [
            {
                "title": p.title,
                "label": p.label,
                "starts_on": p.starts_on,
                "ends_on": p.ends_on,
                "description": p.description,
                "sources": _slugs(p),
            }
            for p in approach.periods.all()
        ],
        "assessments": [
            {
                "dimension": a.dimension.slug,
                "dimension_name": a.dimension.name,
                "value": a.value,
                "text": a.text,
                "sources": _slugs(a),
            }
            for a in approach.assessments.all()
        ],
        "traits": [_trait(t) for t in approach.traits.all()],
        "roles": [
            {"slug": r.slug, "name": r.name, "link": api_url("role", r.slug)}
            for r in approach.roles.all()
        ],
        "sources": _slugs(approach),
    }


def _trait(trait) -> dict:
    dimension = trait.dimension
    return {
        "kind": trait.kind,
        "kind_label": trait.get_kind_display(),
        "dimension": dimension.slug if dimension is not None and dimension.is_published else None,
        "text": trait.text,
        "sources": _slugs(trait),
    }


def district(district: District, geometry: bool = False) -> dict:
    data = row(DISTRICT_COLUMNS, district)
    parent = data["parent"]
    data["links"] = {
        "self": api_url("district", district.city.slug, district.slug),
        "html": district.get_absolute_url(),
        "city": api_url("city", district.city.slug),
        "parent": api_url("district", district.city.slug, parent) if parent else None,
    }
    if geometry:
        data["geometry"] = district.geometry
    return data


def term(term) -> dict:
    return row(TERM_COLUMNS, term)


def source(source) -> dict:
    return row(SOURCE_COLUMNS, source)


def dimension(dimension) -> dict:
    return {
        "slug": dimension.slug,
        "name": dimension.name,
        "question": dimension.question,
        "order": dimension.order,
    }


def role(role) -> dict:
    return {
        "slug": role.slug,
        "name": role.name,
        "description": role.description,
        "approaches": [
            {
                "city": a.city.slug,
                "slug": a.slug,
                "name": a.name,
                "link": api_url("city", a.city.slug),
            }
            for a in role.approaches.all()
        ],
        "sources": _slugs(role),
    }


def comparison(table: Table, html_url: str, csv_url: str) -> dict:
    slugs = [city.slug for city in table.cities]
    return {
        "cities": [
            {"slug": c.slug, "name": c.name, "link": api_url("city", c.slug)} for c in table.cities
        ],
        "rows": [
            {
                "key": r.key,
                "label": r.label,
                "question": r.question,
                "differs": r.differs,
                "cells": [_cell(slug, cell) for slug, cell in zip(slugs, r.cells, strict=True)],
            }
            for r in table.rows
        ],
        "html": html_url,
        "csv": csv_url,
    }


def _cell(city_slug: str, cell: Cell) -> dict:
    return {
        "city": city_slug,
        "value": cell.value,
        "detail": cell.detail,
        "items": [{"text": i.text, "url": i.url, "markdown": i.markdown} for i in cell.items],
        "url": cell.url,
    }
