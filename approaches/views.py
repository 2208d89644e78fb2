"""The city pages, which show each city through its approach, and the comparison.

- The city list and a city's profile: every query goes through ``visible_to(request.user)``, so
  the public sees what is published and staff also see drafts and, in place of the published
  text, changes that wait for publication (``apply_pending``). Each page fetches what it shows
  in a fixed number of queries, whatever the number of districts.
- Cities side by side: the same GET form with and without JavaScript, the table alone for htmx,
  and the table as CSV.
"""

from django.conf import settings
from django.db import connection
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from approaches import embed
from approaches.compare import MAX_CITIES, MIN_CITIES, Table, build_table, select_cities
from approaches.models import Approach, Assessment, Dimension, Period, Role, Trait
from approaches.spreadsheet import csv_download, inert
from cities.district_section import district_section
from cities.models import City, District
from cities.views import last_updated, published_city_scopes
from editorial.pending import apply_pending
from editorial.renders import kept_for_readers
from library.models import Source
from library.references import References

# --- The city list and a city's profile ------------------------------------------------

# Local democracy on the city page rests on what the city's texts cite, not on its statistics
# (codes, inhabitants) or boundary data, which back the header and the map.
DEMOCRACY_KINDS = [Source.Kind.ARTICLE, Source.Kind.POLICY, Source.Kind.COMPILATION]


@require_safe
@kept_for_readers()
def city_list(request):
    cities = list(
        cities_for_cards(request.user).annotate(
            district_count=Coalesce(Subquery(_visible_district_count(request.user)), 0)
        )
    )
    # Staff see the cards with the changes that wait for publication, as on the city pages.
    apply_pending(request.user, [*cities, *(a for c in cities for a in c.approaches.all())])
    breadcrumbs = [("Steden", reverse("cities:list"))]
    return render(
        request, "approaches/city_list.html", {"cities": cities, "breadcrumbs": breadcrumbs}
    )


def _scopes_of_city_page(request, city_slug: str) -> list[str]:
    scopes = published_city_scopes(city_slug)
    if scopes is None:
        raise Http404("Deze stad staat niet (meer) op Buurtwijs.")
    return scopes


@require_safe
@kept_for_readers(_scopes_of_city_page)
def city_profile(request, city_slug: str):
    user = request.user
    city = get_object_or_404(
        City.objects.visible_to(user).select_related("inhabitants_source").defer("geometry"),
        slug=city_slug,
    )
    approaches = list(_approaches_for_profile(user, city))
    districts = district_section(user, city)
    pending_preview = [
        *apply_pending(user, [city, *_city_page_parts(approaches)]),
        *districts["pending"],
    ]
    for number, approach in enumerate(approaches):
        # The first approach owns the plain anchors (#aanpak, #kenmerken) that links point to.
        approach.anchor_suffix = f"-{approach.slug}" if number else ""
        approach.trait_groups = trait_groups(approach.traits.all())
    links = claim_links(claims_on_city_page(city, approaches))
    references = number_claims(city, approaches, links, cited_sources(user, city, links))
    sources = references.sources
    context = {
        "city": city,
        "districts": districts,
        "pending_preview": pending_preview,
        "approaches": approaches,
        "sources": sources,
        "references": references.entries,
        # When the facts are from, apart from when the page was last edited.
        "periods": dated_references(references, sources),
        "last_updated": last_updated([city, *approaches, *_approach_parts(approaches)]),
        "breadcrumbs": [("Steden", reverse("cities:list")), (city.name, city.get_absolute_url())],
    }
    return render(request, "approaches/city_profile.html", context)


def number_claims(city: City, approaches, links, sources: list[Source]) -> References:
    """Give every claim on the city page the numbers of its sources, in the order the page shows
    them (header, then per approach its description, typering, traits and roles, then local
    democracy, then history), from the claims' ``links`` and the visible ``sources``."""
    cites = _claim_citations(city, links, {source.pk: source for source in sources})
    references = References()

    def number(kind: str, claim, passage: str = "") -> SafeString:
        return references.cite(cites.get((kind, claim.pk), []), passage)

    city.inhabitants_refs = number("inhabitants", city)
    for approach in approaches:
        approach.refs = number("approach", approach)
        for assessment in approach.assessments.all():
            assessment.refs = number("assessment", assessment, assessment.passage)
        for trait in approach.traits.all():
            trait.refs = number("trait", trait, trait.passage)
        for role in approach.roles.all():
            role.refs = number("role", role, role.passage)
    city_sources = cites.get(("city", city.pk), [])
    city.democracy_refs = references.cite([s for s in city_sources if s.kind in DEMOCRACY_KINDS])
    for approach in approaches:
        for period in approach.periods.all():
            period.refs = number("period", period, period.passage)
    # The city's other sources back the profile as a whole (its boundaries, its codes). A source
    # that only hidden claims cite stays off the list.
    references.cite(city_sources)
    return references


def dated_references(references: References, sources) -> list[tuple[str, SafeString]]:
    """Each time the cited sources describe, with the numbers of the sources that describe it."""
    by_period: dict[str, list[Source]] = {}
    for source in sources:
        if source.period:
            by_period.setdefault(source.period, []).append(source)
    return [(period, references.cite(cited)) for period, cited in by_period.items()]


# The claims on a city page that cite sources, with the table that links each to them.
CLAIM_LINKS = [
    ("city", City.sources.through, "city_id"),
    ("approach", Approach.sources.through, "approach_id"),
    ("assessment", Assessment.sources.through, "assessment_id"),
    ("trait", Trait.sources.through, "trait_id"),
    ("role", Role.sources.through, "role_id"),
    ("period", Period.sources.through, "period_id"),
]


def claims_on_city_page(city: City, approaches) -> dict[str, list[int]]:
    """The pks of the claims the page shows, per kind (as ``CLAIM_LINKS`` names them)."""
    parts = {"city": [city.pk], "approach": [a.pk for a in approaches]}
    for kind, related in [
        ("assessment", "assessments"), ("trait", "traits"), ("role", "roles"), ("period", "periods")
    ]:  # fmt: skip
        parts[kind] = [part.pk for a in approaches for part in getattr(a, related).all()]
    return parts


def claim_links(claims: dict[str, list[int]]) -> list[tuple[str, int, int]]:
    """(kind of claim, its pk, a source's pk) for every source link of these claims, in one
    query. Written in SQL: six lookups by key, where the ORM's union of joins took longer to
    plan than to run."""
    quote = connection.ops.quote_name
    selects, params = [], []
    for kind, through, column in CLAIM_LINKS:
        selects.append(
            f"SELECT %s, {quote(column)}, source_id FROM {quote(through._meta.db_table)}"  # noqa: S608 - quoted names
            f" WHERE {quote(column)} = ANY(%s)"
        )
        params += [kind, claims[kind]]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return cursor.fetchall()


def cited_sources(user, city: City, links) -> list[Source]:
    """The visible sources these links and the city's inhabitants figure name, by title."""
    pks = {source for _, _, source in links}
    if city.inhabitants_source_id:
        pks.add(city.inhabitants_source_id)
    return list(Source.objects.visible_to(user).filter(pk__in=pks).order_by("title"))


def _claim_citations(city: City, links, visible: dict[int, Source]):
    """(kind of claim, its pk) -> its visible sources, by title."""
    cites: dict[tuple[str, int], list[Source]] = {}
    for kind, claim, source_id in links:
        if source_id in visible:
            cites.setdefault((kind, claim), []).append(visible[source_id])
    if city.inhabitants_source_id in visible:
        cites[("inhabitants", city.pk)] = [visible[city.inhabitants_source_id]]
    return {
        key: sorted(set(found), key=lambda source: (source.title, source.pk))
        for key, found in cites.items()
    }


# What a city card (includes/city_card.html) shows of an approach, and what staff preview.
CARD_APPROACH_FIELDS = ["city_id", "name", "scope", "status", "pending_changes"]


def cities_for_cards(user):
    """Cities with what their cards on the home page and the city list show (two queries)."""
    approaches = Approach.objects.visible_to(user).only(*CARD_APPROACH_FIELDS).order_by("name")
    return (
        City.objects.visible_to(user)
        .defer("geometry")
        .prefetch_related(Prefetch("approaches", queryset=approaches))
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


# --- Cities side by side -----------------------------------------------------------------

TEMPLATE = "approaches/compare.html"
HIDE_EQUAL = "verberg_gelijk"


@require_safe
# The form lists every city, so any change reaches it.
@kept_for_readers(reads=("steden", HIDE_EQUAL, "formaat"), dated=True)
def compare(request):
    available = list(City.objects.visible_to(request.user).defer("geometry").order_by("name"))
    selection = select_cities(request.GET.getlist("steden"), available)
    hide_equal = request.GET.get(HIDE_EQUAL) == "1"
    table = _table(request.user, selection, hide_equal)
    if request.GET.get("formaat") == "csv":
        response = _csv_response(request, selection, table, hide_equal)
    else:
        response = _page(request, available, selection, table, hide_equal)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _table(user, selection, hide_equal: bool) -> Table | None:
    if not selection.is_comparison:
        return None
    table = build_table(user, selection.cities)
    return table.without_equal_rows() if hide_equal else table


def _page(request, available, selection, table, hide_equal: bool):
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    query = [("steden", slug) for slug in selection.slugs]
    if hide_equal:
        query.append((HIDE_EQUAL, "1"))
    page_path = reverse("compare") + ("?" + urlencode(query) if query else "")
    context = {
        "available": available,
        "selection": selection,
        "chosen_slugs": set(selection.slugs),
        "table": table,
        "hide_equal": hide_equal,
        "prompt": _prompt(selection, asked="steden" in request.GET),
        "csv_url": reverse("compare") + "?" + urlencode([*query, ("formaat", "csv")]),
        "json_url": reverse("api-v1:comparison")
        + "?"
        + urlencode([("steden", slug) for slug in selection.slugs]),
        "embed_url": request.build_absolute_uri(embed.embed_url(selection.slugs)),
        "page_url": request.build_absolute_uri(page_path),
        # Built from the cities it shows, never from what the request held.
        "page_path": page_path,
        "today": timezone.localdate(),
        "contact_email": settings.CONTACT_EMAIL,
        "fragment": fragment,
        "min_cities": MIN_CITIES,
        "max_cities": MAX_CITIES,
        "breadcrumbs": [("Vergelijken", reverse("compare"))],
    }
    return render(request, f"{TEMPLATE}#table" if fragment else TEMPLATE, context)


def _prompt(selection, asked: bool) -> str:
    """What to do next when there is no table yet."""
    if selection.is_comparison:
        return ""
    if selection.cities:
        return f"Kies nog minstens één stad om {selection.cities[0].name} mee te vergelijken."
    if asked:
        return f"Kies {MIN_CITIES} tot {MAX_CITIES} steden om ze naast elkaar te zien."
    return ""


def _csv_response(request, selection, table: Table | None, hide_equal: bool) -> HttpResponse:
    if table is None:
        # Plain text, so nothing the reader typed is repeated here.
        return HttpResponse(
            f"Kies {MIN_CITIES} tot {MAX_CITIES} bekende steden om een vergelijking te downloaden.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response, writer = csv_download("vergelijking-" + "-".join(selection.slugs) + ".csv")
    query = [("steden", slug) for slug in selection.slugs] + (
        [(HIDE_EQUAL, "1")] if hide_equal else []
    )
    address = request.build_absolute_uri(reverse("compare") + "?" + urlencode(query))
    writer.writerow([f"Buurtwijs: {selection.names} vergeleken"])
    writer.writerow(["Adres", address])
    writer.writerow(["Datum", timezone.localdate().strftime("%d-%m-%Y")])
    writer.writerow([])
    writer.writerow(["Thema", "Onderwerp", *(city.name for city in table.cities)])
    for group in table.groups:
        for row in group.rows:
            cells = [inert(cell.as_text()) for cell in row.cells]
            writer.writerow([group.label, row.label, *cells])
    writer.writerow([])
    writer.writerow(["Bronnen"])
    for source in table.sources:
        writer.writerow(
            [inert(source.citation), request.build_absolute_uri(source.get_absolute_url())]
        )
    return response
