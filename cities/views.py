"""The city list, a city's profile and a district page.

Every query goes through ``visible_to(request.user)``: the public sees what is published, staff
also see drafts (marked "Concept" in the templates) and, in place of the published text, changes
that wait for publication (``apply_pending``). Each page fetches what it shows in a fixed number
of queries, whatever the number of districts.
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from approaches.models import Approach, Assessment, Dimension, Period, Role, Trait
from buurtwijs.models import Source, apply_pending
from cities.models import City, District

# Districts nest from the largest to the smallest unit; this order sorts siblings of mixed kinds.
KIND_ORDER = {kind: n for n, kind in enumerate(District.Kind.values)}


@require_safe
def city_list(request):
    cities = _cities_with_approaches(request.user).annotate(
        district_count=Coalesce(Subquery(_visible_district_count(request.user)), 0)
    )
    breadcrumbs = [("Steden", reverse("cities:list"))]
    return render(request, "cities/city_list.html", {"cities": cities, "breadcrumbs": breadcrumbs})


@require_safe
def city_detail(request, city_slug: str):
    user = request.user
    city = get_object_or_404(
        City.objects.visible_to(user).select_related("inhabitants_source"), slug=city_slug
    )
    approaches = list(_approaches_for_profile(user, city))
    # The map draws from its own query; the list needs no boundaries (150 KB for Amsterdam).
    districts = with_city(
        city, District.objects.visible_to(user).filter(city=city).defer("geometry")
    )
    pending_preview = apply_pending(user, [city, *districts, *_city_page_parts(approaches)])
    for number, approach in enumerate(approaches):
        # The first approach owns the plain anchors (#aanpak, #kenmerken) that links point to.
        approach.anchor_suffix = f"-{approach.slug}" if number else ""
        approach.trait_groups = trait_groups(approach.traits.all())
    context = {
        "city": city,
        "pending_preview": pending_preview,
        "approaches": approaches,
        "district_tree": district_tree(districts),
        "district_count": len(districts),
        "has_focus_areas": any(d.is_focus_area for d in districts),
        "sources": list(_sources_cited_on_city_page(user, city)),
        "last_updated": last_updated([city, *approaches, *_approach_parts(approaches)]),
        "breadcrumbs": [("Steden", reverse("cities:list")), (city.name, city.get_absolute_url())],
    }
    return render(request, "cities/city_detail.html", context)


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


def _cities_with_approaches(user):
    return City.objects.visible_to(user).prefetch_related(
        Prefetch("approaches", queryset=Approach.objects.visible_to(user).order_by("name"))
    )


def _visible_district_count(user):
    return (
        District.objects.visible_to(user)
        .filter(city=OuterRef("pk"))
        .order_by()
        .values("city")
        .annotate(count=Count("pk"))
        .values("count")
    )


def _approaches_for_profile(user, city: City):
    visible_dimensions = Dimension.objects.visible_to(user)
    return (
        Approach.objects.visible_to(user)
        .filter(city=city)
        .order_by("name")
        .prefetch_related(
            Prefetch(
                "assessments",
                queryset=Assessment.objects.visible_to(user)
                .filter(dimension__in=visible_dimensions)
                .select_related("dimension")
                .order_by("dimension__order", "dimension__name"),
            ),
            Prefetch("traits", queryset=Trait.objects.visible_to(user).order_by("order", "pk")),
            Prefetch("roles", queryset=Role.objects.visible_to(user).order_by("name")),
            Prefetch("periods", queryset=Period.objects.visible_to(user)),
        )
    )


TRAIT_HEADINGS = {
    Trait.Kind.STRENGTH: ("Sterke punten", "sterk"),
    Trait.Kind.WEAKNESS: ("Zwakke punten", "zwak"),
    Trait.Kind.RISK: ("Risico's", "risico"),
    Trait.Kind.OPEN_QUESTION: ("Open vragen", "open-vraag"),
}


def trait_groups(traits) -> list[tuple[str, str, list[Trait]]]:
    """Traits under their heading, in a fixed order, leaving out empty groups."""
    by_kind = {kind: [] for kind in TRAIT_HEADINGS}
    for trait in traits:
        by_kind[trait.kind].append(trait)
    return [(*TRAIT_HEADINGS[kind], items) for kind, items in by_kind.items() if items]


def _city_page_parts(approaches):
    """Everything of the approaches the city page shows, down to the dimension names."""
    for approach in approaches:
        yield approach
        for assessment in approach.assessments.all():
            yield from (assessment, assessment.dimension)
        yield from approach.traits.all()
        yield from approach.roles.all()
        yield from approach.periods.all()


def _approach_parts(approaches):
    for approach in approaches:
        yield from approach.assessments.all()
        yield from approach.traits.all()
        yield from approach.periods.all()


def _sources_cited_on_city_page(user, city: City):
    """Every visible source that backs something on the city page, in one query."""
    cited = (
        Q(cities=city)
        | Q(pk=city.inhabitants_source_id)
        | Q(pk__in=Approach.sources.through.objects.filter(approach__city=city).values("source"))
        | Q(
            pk__in=Assessment.sources.through.objects.filter(
                assessment__approach__city=city
            ).values("source")
        )
        | Q(
            pk__in=Trait.sources.through.objects.filter(trait__approach__city=city).values("source")
        )
        | Q(
            pk__in=Period.sources.through.objects.filter(period__approach__city=city).values(
                "source"
            )
        )
        | Q(
            pk__in=Role.sources.through.objects.filter(role__approaches__city=city).values("source")
        )
    )
    return Source.objects.visible_to(user).filter(cited).distinct().order_by("title")


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
