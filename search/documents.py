"""What goes into the search index for each kind of content, and where a result links to.

Only what the public can see is indexed: an object must be published, and so must everything its
page depends on (a district's city, an assessment's approach, city and dimension). Texts are stored
as plain text (Markdown rendered, then stripped), so snippets never carry an editor's markup.
"""

from collections.abc import Iterable, Iterator
from html import unescape

from django.utils.html import strip_tags

from approaches.models import Approach, Assessment, Role, Trait
from cities.models import City, District
from editorial.models import Status
from library.models import Source, Term
from library.rich_text import render_markdown
from search.models import Kind, SearchEntry

PUBLISHED = Status.PUBLISHED
# ts_headline marks matches with these characters; they are removed from the indexed text so
# only PostgreSQL can put them there (see search.query.highlight).
MARK_START, MARK_STOP = "\ue000", "\ue001"
# ts_headline puts this between the fragments of a snippet, so each can be shown on its own.
FRAGMENT_BREAK = "\ue002"


def plain(markdown_text: str) -> str:
    """An editor's Markdown as plain text for the index."""
    text = unescape(strip_tags(render_markdown(markdown_text)))
    for marker in (MARK_START, MARK_STOP, FRAGMENT_BREAK):
        text = text.replace(marker, "")
    return " ".join(text.split())


def join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def dutch_list(names: list[str]) -> str:
    """ "Utrecht", "Utrecht en Rotterdam", "Amsterdam, Rotterdam en Utrecht"."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def role_description(cities: list[str]) -> str:
    """ "rol in Utrecht en Rotterdam"; beyond four cities their number ("rol in 12 steden")."""
    if len(cities) > 4:
        return f"rol in {len(cities)} steden"
    return f"rol in {dutch_list(cities)}"


def district_description(district: District) -> str:
    """What and where: "wijk in Rotterdam, gebied Feijenoord" (the parent tells namesakes apart)."""
    where = f"{district.get_kind_display().lower()} in {district.city.name}"
    if _published_parent(district):
        return f"{where}, {district.parent.get_kind_display().lower()} {district.parent.name}"
    return where


# From large to small, as districts nest.
DISTRICT_SIZES = [
    District.Kind.STADSDEEL,
    District.Kind.GEBIED,
    District.Kind.WIJK,
    District.Kind.BUURT,
]


def _published_parent(district: District) -> bool:
    # A draft larger area is left out, as on the district page's breadcrumbs.
    return bool(district.parent_id) and district.parent.status == PUBLISHED


def anchor_suffixes(city_ids: Iterable[int]) -> dict[int, str]:
    """Anchor suffix per approach as the city page sets it: the first by name owns '#aanpak'.

    Queries the database once.
    """
    suffixes: dict[int, str] = {}
    seen_cities: set[int] = set()
    approaches = (
        Approach.objects.published()
        .filter(city__in=city_ids)
        .order_by("city", "name")
        .values_list("pk", "city_id", "slug")
    )
    for pk, city_id, slug in approaches:
        suffixes[pk] = f"-{slug}" if city_id in seen_cities else ""
        seen_cities.add(city_id)
    return suffixes


def _only(queryset, ids):
    return queryset if ids is None else queryset.filter(pk__in=ids)


def city_entries(ids=None) -> Iterator[SearchEntry]:
    for city in _only(City.objects.published(), ids):
        yield SearchEntry(
            kind=Kind.CITY,
            object_id=city.pk,
            title=city.name,
            body=join(
                city.official_name if city.official_name != city.name else "",
                plain(city.summary),
                city.get_democracy_link_display(),
                plain(city.democracy_text),
            ),
            description="stad",
            url=city.get_absolute_url(),
            city_name=city.name,
        )


def district_entries(ids=None) -> Iterator[SearchEntry]:
    districts = District.objects.published().filter(city__status=PUBLISHED)
    for district in _only(districts, ids).select_related("city", "parent"):
        yield SearchEntry(
            kind=Kind.DISTRICT,
            object_id=district.pk,
            title=district.name,
            other_names="\n".join(district.other_name_list),
            body=plain(district.summary),
            description=district_description(district),
            tie_order=DISTRICT_SIZES.index(district.kind),
            url=district.get_absolute_url(),
            city_name=district.city.name,
        )


def approach_entries(ids=None) -> Iterator[SearchEntry]:
    approaches = list(
        _only(Approach.objects.published().filter(city__status=PUBLISHED), ids).select_related(
            "city"
        )
    )
    suffixes = anchor_suffixes({a.city_id for a in approaches})
    for approach in approaches:
        yield SearchEntry(
            kind=Kind.APPROACH,
            object_id=approach.pk,
            title=approach.name,
            body=join(approach.get_scope_display(), plain(approach.summary), plain(approach.body)),
            description=f"aanpak van {approach.city.name}",
            url=f"{approach.city.get_absolute_url()}#aanpak{suffixes.get(approach.pk, '')}",
            city_name=approach.city.name,
        )


def assessment_entries(ids=None) -> Iterator[SearchEntry]:
    assessments = list(
        _only(Assessment.objects.published(), ids)
        .filter(
            approach__status=PUBLISHED,
            approach__city__status=PUBLISHED,
            dimension__status=PUBLISHED,
        )
        .select_related("approach__city", "dimension")
    )
    suffixes = anchor_suffixes({a.approach.city_id for a in assessments})
    for assessment in assessments:
        city = assessment.approach.city
        yield SearchEntry(
            kind=Kind.ASSESSMENT,
            object_id=assessment.pk,
            title=f"{assessment.dimension.name}: {assessment.value}",
            body=plain(assessment.text),
            description=f"typering van de aanpak van {city.name}",
            url=f"{city.get_absolute_url()}#typering{suffixes.get(assessment.approach_id, '')}",
            city_name=city.name,
        )


def trait_entries(ids=None) -> Iterator[SearchEntry]:
    traits = list(
        _only(Trait.objects.published(), ids)
        .filter(approach__status=PUBLISHED, approach__city__status=PUBLISHED)
        .select_related("approach__city")
    )
    suffixes = anchor_suffixes({t.approach.city_id for t in traits})
    for trait in traits:
        city = trait.approach.city
        yield SearchEntry(
            kind=Kind.TRAIT,
            object_id=trait.pk,
            title=trait.get_kind_display(),
            body=plain(trait.text),
            description=f"over de aanpak van {city.name}",
            url=f"{city.get_absolute_url()}#kenmerken{suffixes.get(trait.approach_id, '')}",
            city_name=city.name,
        )


def role_entries(ids=None) -> Iterator[SearchEntry]:
    """Roles are described on the city pages that use them; a role no page shows is left out."""
    roles = list(_only(Role.objects.published(), ids))
    uses = _approaches_using(roles)
    suffixes = anchor_suffixes({a.city_id for used in uses.values() for a in used})
    for role in roles:
        used_in = uses.get(role.pk)
        if not used_in:
            continue
        first = used_in[0]
        cities = list(dict.fromkeys(a.city.name for a in used_in))
        yield SearchEntry(
            kind=Kind.ROLE,
            object_id=role.pk,
            title=role.name,
            body=join(plain(role.description), "Gebruikt in " + ", ".join(cities) + "."),
            description=role_description(cities),
            url=f"{first.city.get_absolute_url()}#rollen{suffixes.get(first.pk, '')}",
            city_name=cities[0] if len(cities) == 1 else "",
        )


def _approaches_using(roles: list[Role]) -> dict[int, list[Approach]]:
    """Published approaches per role, by city name (one query)."""
    links = (
        Role.approaches.through.objects.filter(
            role__in=roles,
            approach__status=PUBLISHED,
            approach__city__status=PUBLISHED,
        )
        .select_related("approach__city")
        .order_by("approach__city__name", "approach__name")
    )
    uses: dict[int, list[Approach]] = {}
    for link in links:
        uses.setdefault(link.role_id, []).append(link.approach)
    return uses


def term_entries(ids=None) -> Iterator[SearchEntry]:
    for term in _only(Term.objects.published(), ids):
        yield SearchEntry(
            kind=Kind.TERM,
            object_id=term.pk,
            title=term.name,
            body=plain(term.definition),
            description="begrip",
            url=term.get_absolute_url(),
        )


def source_entries(ids=None) -> Iterator[SearchEntry]:
    for source in _only(Source.objects.published(), ids):
        yield SearchEntry(
            kind=Kind.SOURCE,
            object_id=source.pk,
            title=source.title,
            body=join(source.author, source.publisher, plain(source.description)),
            description="bron",
            url=source.get_absolute_url(),
        )


BUILDERS = {
    Kind.CITY: city_entries,
    Kind.DISTRICT: district_entries,
    Kind.APPROACH: approach_entries,
    Kind.ASSESSMENT: assessment_entries,
    Kind.TRAIT: trait_entries,
    Kind.ROLE: role_entries,
    Kind.TERM: term_entries,
    Kind.SOURCE: source_entries,
}
