"""Read-only parts of the city and district forms: links to the rows edited elsewhere, a map.

Each costs one query at most, however many districts a city has.
"""

from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from cities.maps import Projection, path_data, polygons
from cities.models import District

PREVIEW_WIDTH = 240
PREVIEW_MAX_HEIGHT = 200
# Coarser than the public maps: a preview only has to be recognisable.
PREVIEW_TOLERANCE = 1.5


def _changelist(model_name: str, app_label: str, **filters) -> str:
    address = reverse(f"admin:{app_label}_{model_name}_changelist")
    return f"{address}?{urlencode(filters)}" if filters else address


def district_links(city):
    """The number of districts per kind, each a link to the filtered district list (one query)."""
    counts = dict(
        city.districts.order_by()
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    total = sum(counts.values())
    items = [
        (_changelist("district", "cities", city__id__exact=city.pk, kind__exact=kind), n, label)
        for kind, label in District.Kind.choices
        if (n := counts.get(kind))
    ]
    add = reverse("admin:cities_district_add") + "?" + urlencode({"city": city.pk})
    return format_html(
        '<ul class="related-links">'
        '<li><a href="{}">Alle {} wijken en gebieden van {}</a></li>{}'
        '<li><a href="{}" class="addlink">Wijk of gebied toevoegen</a></li></ul>',
        _changelist("district", "cities", city__id__exact=city.pk),
        total,
        city,
        format_html_join("", '<li><a href="{}">{} × {}</a></li>', items),
        add,
    )


def approach_links(city):
    """The city's approaches, each a link to its form (one query)."""
    approaches = list(city.approaches.order_by("name").only("pk", "name", "status"))
    add = reverse("admin:approaches_approach_add") + "?" + urlencode({"city": city.pk})
    rows = format_html_join(
        "",
        '<li><a href="{}">{}</a> ({})</li>',
        (
            (
                reverse("admin:approaches_approach_change", args=[a.pk]),
                a.name,
                a.get_status_display(),
            )
            for a in approaches
        ),
    )
    none = "" if approaches else format_html("<li>{}</li>", "Nog geen aanpak beschreven.")
    return format_html(
        '<ul class="related-links">{}{}'
        '<li><a href="{}" class="addlink">Aanpak toevoegen</a></li></ul>',
        rows,
        none,
        add,
    )


def outline_preview(place):
    """A small drawing of the boundary, read-only: boundaries come from the CBS and municipal
    data (load_boundaries), never from a form field."""
    geometry = place.geometry
    if not polygons(geometry):
        return "Geen grens bekend."
    project = Projection([geometry], PREVIEW_WIDTH, PREVIEW_MAX_HEIGHT)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="admin-outline" viewBox="{}" width="{}"'
        ' height="{}" role="img" aria-label="Grens van {}"><path d="{}"/></svg>',
        project.view_box,
        project.width,
        project.height,
        place,
        path_data(geometry, project, PREVIEW_TOLERANCE),
    )
