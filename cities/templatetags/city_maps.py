"""Template tags that put the server-drawn maps on the home and district pages (the city
page's map is part of its districts section, cities.district_section).

Each tag runs one query for the boundaries it draws (only the fields it needs), whatever the
number of districts, and renders nothing where there is no geometry.
"""

from django import template
from django.contrib.auth.models import AnonymousUser
from django.utils.safestring import mark_safe

from cities import maps
from cities.models import City, District

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or AnonymousUser()


@register.inclusion_tag("includes/district_map.html", takes_context=True)
def district_map(context, district: District):
    """The city with this district highlighted (for a stadsdeel without a boundary: its areas)."""
    city = district.city
    rows = maps.map_districts(city, _user(context), include_pk=district.pk)
    own = [d for d in rows if d.pk == district.pk]
    highlighted = own or [d for d in rows if d.parent_id == district.pk]
    if not highlighted:
        return {"map": None}
    marked = {d.pk for d in highlighted}
    base = [d for d in rows if d.pk not in marked and d.parent_id != district.pk]
    areas = [maps.area(d, name=d.name, url="") for d in base] + [
        maps.area(d, name=d.name, url="", is_highlighted=True) for d in highlighted
    ]
    map_id = f"kaart-{city.slug}-{district.slug}"
    kind = district.get_kind_display().lower()
    title = f"Ligging van {district.name} in {city.name}"
    desc = f"Kaart van {city.name} waarop {kind} {district.name} donker is gemarkeerd."
    svg = maps.district_map_svg(map_id, title, desc, city, areas)
    return {
        "map": {"svg": mark_safe(svg), "id": map_id},  # noqa: S308 (escaped in maps)
        "city": city,
        "district": district,
        "kind": kind,
        "attribution": maps.attribution(city, [*base, *highlighted]),
    }


@register.inclusion_tag("includes/home_maps.html", takes_context=True)
def home_maps(context):
    """The cities at a glance: each outline links to the city's page."""
    cities = list(
        City.objects.visible_to(_user(context))
        .filter(geometry_type__in=maps.POLYGON_TYPES)
        .only("id", "name", "slug", "cbs_code", "geometry_digest")
        .order_by("name")
    )
    return {
        "cities": [
            {"city": c, "url": c.get_absolute_url(), "svg": mark_safe(svg)}  # noqa: S308
            for c, svg in zip(cities, maps.outline_svgs(cities), strict=True)
        ],
        "attribution": f"Kaart: {maps.CBS_ATTRIBUTION}",
    }
