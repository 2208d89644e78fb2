"""The districts section of a city page: the map of its districts and their nested list.

It depends only on the city and its districts, so for readers it is kept per change of those
(``districts_scope``, editorial.renders.kept_part): a publish of the city's approach renders
the rest of its page again, not the map and the ~130 districts of Amsterdam. Staff see drafts
and held-back changes and get it fresh.

The list is written out in Python rather than through a recursive include: a template include
per district was most of the page's rendering time. It is made from plain rows (``Listed``):
readers' rows come straight from the database, a third of the cost of model instances; staff
need instances to show held-back changes in place (apply_pending).
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cities import maps
from cities.models import City, District, district_path, districts_scope
from cities.views import KIND_ORDER, with_city
from editorial.models import Status
from editorial.pending import apply_pending
from editorial.renders import kept_part
from editorial.scopes import SITE
from editorial.templatetags.editing import concept_badge

NOUNS = {
    frozenset({District.Kind.GEBIED}): ("gebied", "gebieden"),
    frozenset({District.Kind.WIJK}): ("wijk", "wijken"),
    frozenset({District.Kind.STADSDEEL}): ("stadsdeel", "stadsdelen"),
}
KIND_NAMES = {value: label.lower() for value, label in District.Kind.choices}
BODY_NAMES = {value: label.lower() for value, label in District.Body.choices}
FOCUS = ' <span class="badge badge-focus">Focuswijk</span>'
# What the list shows, in the order of Listed's first fields; the map reads its own fields.
ROW_FIELDS = ("pk", "parent_id", "name", "slug", "kind", "body", "focus_area", "status")
# Staff's instances also need their held-back changes, and the city for their address.
STAFF_FIELDS = ["city_id", *ROW_FIELDS[1:], "pending_changes"]


@dataclass(slots=True)
class Listed:
    """A district as its city's list shows it."""

    pk: int
    parent_id: int | None
    name: str
    slug: str
    kind: str
    body: str
    focus_area: str
    status: str
    url: str
    shows_pending: bool = False

    @property
    def is_focus_area(self) -> bool:
        return self.focus_area == District.Focus.YES

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def district_section(user, city: City) -> dict:
    """The map (``map``), the nested list (``tree``), ``count``, ``has_focus_areas``, and for
    staff the districts that show held-back changes (``pending``, apply_pending)."""

    def render() -> dict:
        listed, pending = _listed(user, city)
        return {
            "pending": pending,
            "map": city_map(user, city),
            "tree": district_list(district_tree(listed)) if listed else "",
            "count": len(listed),
            "has_focus_areas": any(d.is_focus_area for d in listed),
        }

    if user.is_authenticated:
        return render()
    return kept_part(("districts", city.pk), [SITE, districts_scope(city.pk)], render)


def _listed(user, city: City) -> tuple[list[Listed], list[District]]:
    """The districts the list shows, and for staff those that show held-back changes."""
    # Not the boundaries (150 KB for Amsterdam) or the texts.
    visible = District.objects.visible_to(user).filter(city=city)
    if not (user.is_authenticated and user.is_staff):
        rows = visible.values_list(*ROW_FIELDS)
        return [Listed(*row, url=district_path(city.slug, row[3])) for row in rows], []
    districts = with_city(city, visible.only(*STAFF_FIELDS))
    pending = apply_pending(user, districts)
    listed = [
        Listed(
            *(getattr(d, name) for name in ROW_FIELDS),
            url=d.get_absolute_url(),
            shows_pending=getattr(d, "shows_pending", False),
        )
        for d in districts
    ]
    return listed, pending


def city_map(user, city: City) -> SafeString:
    """The city's districts, each a link, with a legend and the same districts as a list (one
    query for the boundaries, whatever their number); nothing without boundaries."""
    districts = maps.map_districts(city, user)
    if not districts:
        return mark_safe("")
    singular, plural = NOUNS.get(
        frozenset(d.kind for d in districts), ("wijk of gebied", "wijken en gebieden")
    )
    # Built from the city at hand: district.get_absolute_url() would query each district's city.
    entries = [
        {"district": d, "url": district_path(city.slug, d.slug), "label": _label(d)}
        for d in districts
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
    context = {
        "map": {"svg": mark_safe(svg), "id": map_id, "legend": legend},  # noqa: S308 (escaped in maps)
        "city": city,
        "entries": entries,
        "singular": singular,
        "plural": plural,
        "attribution": maps.attribution(city, districts),
    }
    return mark_safe(render_to_string("includes/city_map.html", context))  # noqa: S308 (a template)


def _label(district: District) -> str:
    notes = []
    if district.is_focus_area:
        notes.append("focuswijk van de aanpak")
    if district.is_non_residential:
        notes.append("haven- of bedrijfsgebied")
    return f"{district.name} ({', '.join(notes)})" if notes else district.name


@dataclass
class DistrictNode:
    district: Listed
    children: list["DistrictNode"] = field(default_factory=list)


def district_tree(districts: list[Listed]) -> list[DistrictNode]:
    """Nest districts under their larger area (stadsdeel > gebied > wijk).

    A district whose larger area is not in the list (not visible, or none) becomes a root, so
    nothing disappears when an editor has not yet published a stadsdeel.
    """
    nodes = {d.pk: DistrictNode(d) for d in districts}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.district.parent_id)
        (parent.children if parent else roots).append(node)
    _sort_nodes(roots)
    return roots


def _sort_nodes(nodes: list[DistrictNode]) -> None:
    nodes.sort(key=lambda n: (KIND_ORDER[n.district.kind], n.district.name.casefold()))
    for node in nodes:
        _sort_nodes(node.children)


def district_list(nodes: list[DistrictNode]) -> SafeString:
    """``<ul class="district-tree">`` with each district's link, kind, body and badges."""
    parts: list[str] = []
    _write(nodes, parts)
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped in _write)


def _write(nodes: list[DistrictNode], parts: list[str]) -> None:
    parts.append('<ul class="district-tree">')
    for node in nodes:
        district = node.district
        facts = KIND_NAMES[district.kind]
        if district.body:
            facts += f" · {BODY_NAMES[district.body]}"
        parts.append(
            f'<li><a href="{escape(district.url)}">{escape(district.name)}</a> '
            f'<span class="district-facts">{escape(facts)}</span>'
        )
        if district.is_focus_area:
            parts.append(FOCUS)
        parts.append(concept_badge(district))
        if node.children:
            _write(node.children, parts)
        parts.append("</li>")
    parts.append("</ul>")
