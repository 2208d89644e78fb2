"""A district page, and what the city pages share with it: districts with their city, dates.

Every query goes through ``visible_to(request.user)``: the public sees what is published, staff
also see drafts (marked "Concept" in the templates) and, in place of the published text, changes
that wait for publication (``apply_pending``). Each page fetches what it shows in a fixed number
of queries, whatever the number of districts.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from cities.boundary_sources import boundary_source_slug
from cities.district_facts import DistrictFacts
from cities.models import City, District
from editorial.models import Status
from editorial.pending import apply_pending
from editorial.renders import kept_for_readers
from editorial.scopes import city_scopes
from library.models import Source

# Districts nest from the largest to the smallest unit; this order sorts siblings of mixed kinds.
KIND_ORDER = {kind: n for n, kind in enumerate(District.Kind.values)}


BOUNDARIES = [
    "geometry",
    "city__geometry",
    "parent__geometry",
    "parent__parent__geometry",
    "parent__parent__parent__geometry",
]


def published_city_scopes(city_slug: str) -> list[str] | None:
    """The scopes of a published city's pages (one query); None when there is no such city."""
    found = list(City.objects.published().filter(slug=city_slug).values_list("pk", flat=True))
    return city_scopes(found) if found else None


def _scopes_of_district_page(request, city_slug: str, district_slug: str) -> list[str]:
    found = District.objects.published().filter(
        city__slug=city_slug, city__status=Status.PUBLISHED, slug=district_slug
    )
    city_ids = found.values_list("city_id", flat=True)
    if not city_ids:
        raise Http404("Deze wijk staat niet (meer) op Buurtwijs.")
    return city_scopes(city_ids)


@require_safe
@kept_for_readers(_scopes_of_district_page)
def district_detail(request, city_slug: str, district_slug: str):
    user = request.user
    district = get_object_or_404(
        District.objects.visible_to(user)
        .filter(city__in=City.objects.visible_to(user))
        .select_related("city", "parent__parent__parent")
        # Boundaries are drawn by the map from its own query, and only when not drawn before.
        .defer(*BOUNDARIES)
        .annotate(has_boundary=ExpressionWrapper(Q(geometry__isnull=False), BooleanField())),
        city__slug=city_slug,
        slug=district_slug,
    )
    city = district.city
    ancestors, children, neighbours = _related_districts(user, district)
    approaches = list(city.approaches.visible_to(user).order_by("name"))
    pending_preview = apply_pending(
        user, [district, city, *ancestors, *children, *neighbours, *approaches]
    )
    for approach in approaches:
        approach.city = city  # its URL then costs no query
    facts = DistrictFacts(district, ancestors, children, sorted_by_name(neighbours), approaches)
    facts.cite_all(_cited_sources(user, district, approaches))
    context = {
        "city": city,
        "district": district,
        "pending_preview": pending_preview,
        "ancestors": ancestors,
        "parent": ancestors[-1] if ancestors else None,
        "children": sorted(children, key=lambda child: (KIND_ORDER[child.kind], child.name)),
        "approaches": approaches,
        "facts": facts,
        "last_updated": changed_on(district),
    }
    context["breadcrumbs"] = [
        ("Steden", reverse("cities:list")),
        (city.name, city.get_absolute_url()),
        *((area.name, area.get_absolute_url()) for area in ancestors),
        (district.name, district.get_absolute_url()),
    ]
    return render(request, "cities/district_detail.html", context)


def _related_districts(user, district: District):
    """The visible larger areas (largest first), areas within and neighbours, in one query."""
    chain = []
    area = district.parent
    while area is not None and len(chain) < 3:  # select_related loaded three levels
        chain.append(area)
        area = area.parent
    links = District.neighbours.through.objects.filter(from_district=district)
    rows = with_city(
        district.city,
        District.objects.visible_to(user)
        .filter(
            Q(pk__in=[a.pk for a in chain])
            | Q(parent=district)
            | Q(pk__in=links.values("to_district"))
        )
        .annotate(is_neighbour=Exists(links.filter(to_district=OuterRef("pk"))))
        .defer("geometry"),
    )
    by_pk = {row.pk: row for row in rows}
    ancestors = [by_pk[a.pk] for a in reversed(chain) if a.pk in by_pk]
    children = [row for row in rows if row.parent_id == district.pk]
    neighbours = [row for row in rows if row.is_neighbour]
    return ancestors, children, neighbours


def _cited_sources(user, district: District, approaches) -> list[Source]:
    """The sources of the district, its boundary, its city and the city's approaches (one query).

    Each row says which of these it backs (``for_district``, ``for_approach``, ``for_city``).
    """
    through = Source.districts.through
    cities_through = Source.cities.through
    approaches_through = Source.approaches.through
    boundary = boundary_source_slug(district)
    return list(
        Source.objects.visible_to(user)
        .annotate(
            for_district=Exists(through.objects.filter(source=OuterRef("pk"), district=district)),
            for_city=Exists(
                cities_through.objects.filter(source=OuterRef("pk"), city=district.city_id)
            ),
            for_approach=Exists(
                approaches_through.objects.filter(
                    source=OuterRef("pk"), approach__in=[a.pk for a in approaches]
                )
            ),
        )
        .filter(Q(for_district=True) | Q(for_city=True) | Q(for_approach=True) | Q(slug=boundary))
        .order_by("title")
    )


def sorted_by_name(districts) -> list[District]:
    return sorted(districts, key=lambda d: d.name.casefold())


def with_city(city: City, districts) -> list[District]:
    """Give each district its (already loaded) city, so its URL costs no query of its own."""
    districts = list(districts)
    for district in districts:
        district.city = city
    return districts


def changed_on(obj):
    """The date readers see as 'laatst bijgewerkt': the last publication, else the last save."""
    return obj.published_at or obj.updated_at


def last_updated(objects):
    return max((changed_on(obj) for obj in objects), default=None)
