"""Template tags that put the server-drawn maps on the home, city and district pages.

Each tag runs one query for the boundaries it draws (only the fields it needs), whatever the
number of districts, and renders nothing where there is no geometry.
"""

from django import template
from django.contrib.auth.models import AnonymousUser
from django.utils.safestring import mark_safe

from cities import maps
from cities.models import City, District, district_path

register = template.Library()

NOUNS = {
    frozenset({District.Kind.GEBIED}): ("gebied", "gebieden"),
    frozenset({District.Kind.WIJK}): ("wijk", "wijken"),
    frozenset({District.Kind.STADSDEEL}): ("stadsdeel", "stadsdelen"),
}


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or AnonymousUser()


def _noun(districts) -> tuple[str, str]:
    return NOUNS.get(frozenset(d.kind for d in districts), ("wijk of gebied", "wijken en gebieden"))


def _district_url(city: City, district: District) -> str:
    # Built from the city at hand: district.get_absolute_url() would query each district's city.
    return district_path(city.slug, district.slug)


def _label(district: District) -> str:
    notes = []
    if district.is_focus_area:
        notes.append("focuswijk van de aanpak")
    if district.is_non_residential:
        notes.append("haven- of bedrijfsgebied")
    return f"{district.name} ({', '.join(notes)})" if notes else district.name


@register.inclusion_tag("includes/city_map.html", takes_context=True)
def city_map(context, city: City):
    """The city's districts, each a link, with a legend and the same districts as a list."""
    districts = maps.map_districts(city, _user(context))
    if not districts:
        return {"map": None}
    singular, plural = _noun(districts)
    entries = [
        {"district": d, "url": _district_url(city, d), "label": _label(d)} for d in districts
    ]
    legend = {
        "focus": any(d.is_focus_area for d in districts),
        "non_residential": any(d.is_non_residential for d in districts),
        "rest": bool(city.geometry_digest) and any(not d.cbs_code for d in districts),
    }
    map_id = f"kaart-{city.slug}"
    title = f"Kaart van {city.name} met {len(districts)} {plural}"
    desc = (
        f"{'Elke' if singular == 'wijk' else 'Elk'} {singular} is een link naar de eigen "
        f"pagina; grotere {plural} dragen hun naam."
        + (" Focuswijken van de aanpak zijn gearceerd." if legend["focus"] else "")
        + (" Haven- en bedrijfsgebieden zijn gestippeld." if legend["non_residential"] else "")
        + f" Onder de kaart staan dezelfde {plural} als lijst."
    )
    areas = [
        maps.area(
            d,
            name=e["label"],
            url=e["url"],
            is_focus_area=d.is_focus_area,
            is_non_residential=d.is_non_residential,
            label=d.name,
        )
        for e, d in zip(entries, districts, strict=True)
    ]
    svg = maps.city_map_svg(map_id, title, desc, city, areas)
    return {
        "map": {"svg": mark_safe(svg), "id": map_id, "legend": legend},  # noqa: S308 (escaped in maps)
        "city": city,
        "entries": entries,
        "singular": singular,
        "plural": plural,
        "attribution": maps.attribution(city, districts),
    }


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
        .filter(geometry__type__in=maps.POLYGON_TYPES)
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
