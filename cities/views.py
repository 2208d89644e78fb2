"""A district page, and the district tree and dates that the city pages share.

Every query goes through ``visible_to(request.user)``: the public sees what is published, staff
also see drafts (marked "Concept" in the templates) and, in place of the published text, changes
that wait for publication (``apply_pending``). Each page fetches what it shows in a fixed number
of queries, whatever the number of districts.
"""

from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from cities.models import City, District
from editorial.pending import apply_pending
from library.models import Source

# Districts nest from the largest to the smallest unit; this order sorts siblings of mixed kinds.
KIND_ORDER = {kind: n for n, kind in enumerate(District.Kind.values)}


@require_safe
def district_detail(request, city_slug: str, district_slug: str):
    user = request.user
    district = get_object_or_404(
        District.objects.visible_to(user)
        .filter(city__in=City.objects.visible_to(user))
        .select_related("city", "parent__parent__parent"),
        city__slug=city_slug,
        slug=district_slug,
    )
    ancestors = _visible_ancestors(user, district)
    children = with_city(
        district.city, District.objects.visible_to(user).filter(parent=district).defer("geometry")
    )
    pending_preview = apply_pending(user, [district, district.city, *ancestors, *children])
    context = {
        "city": district.city,
        "district": district,
        "pending_preview": pending_preview,
        "ancestors": ancestors,
        "children": sorted(children, key=lambda child: (KIND_ORDER[child.kind], child.name)),
        "sources": list(Source.objects.visible_to(user).filter(districts=district)),
        "last_updated": changed_on(district),
    }
    context["parent"] = context["ancestors"][-1] if context["ancestors"] else None
    context["breadcrumbs"] = [
        ("Steden", reverse("cities:list")),
        (district.city.name, district.city.get_absolute_url()),
        *((area.name, area.get_absolute_url()) for area in context["ancestors"]),
        (district.name, district.get_absolute_url()),
    ]
    return render(request, "cities/district_detail.html", context)


def with_city(city: City, districts) -> list[District]:
    """Give each district its (already loaded) city, so its URL costs no query of its own."""
    districts = list(districts)
    for district in districts:
        district.city = city
    return districts


def _visible_ancestors(user, district: District) -> list[District]:
    """The larger areas a district lies in, largest first, without those the reader may not see."""
    chain = []
    area = district.parent
    while area is not None and len(chain) < 3:  # select_related loaded three levels
        chain.append(area)
        area = area.parent
    if not chain:
        return []
    visible = District.objects.visible_to(user).filter(pk__in=[a.pk for a in chain])
    visible_ids = set(visible.values_list("pk", flat=True))
    return with_city(district.city, (a for a in reversed(chain) if a.pk in visible_ids))


@dataclass
class DistrictNode:
    district: District
    children: list["DistrictNode"] = field(default_factory=list)


def district_tree(districts: list[District]) -> list[DistrictNode]:
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


def changed_on(obj):
    """The date readers see as 'laatst bijgewerkt': the last publication, else the last save."""
    return obj.published_at or obj.updated_at


def last_updated(objects):
    return max((changed_on(obj) for obj in objects), default=None)
