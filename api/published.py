"""What the open data shows: published content only, whoever asks.

Unlike the pages, the API and the downloads never preview drafts or waiting changes, not even
for editors: a row is shown when it is published and so is everything it hangs from (a
district's city, an assessment's dimension). Each function fetches what it returns in a fixed
number of queries.
"""

import re

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from approaches.models import Approach, Assessment, Dimension, Period, Role, Trait
from cities.models import City, District
from library.models import Source, Term

# What a slug can be; anything else names nothing, and is never sent to the database (which
# refuses NUL bytes, for one).
SLUG = re.compile(r"[-\w]{1,120}")


def is_slug(value: str) -> bool:
    return SLUG.fullmatch(value) is not None


def sources() -> QuerySet[Source]:
    return Source.objects.published().order_by("title", "pk")


def with_sources(name: str = "sources") -> Prefetch:
    return Prefetch(name, queryset=sources(), to_attr="published_sources")


def cities() -> QuerySet[City]:
    first_approaches = Approach.objects.published().order_by("name", "pk")
    return (
        City.objects.published()
        .select_related("inhabitants_source")
        .defer("geometry")
        .order_by("name", "pk")
        .prefetch_related(Prefetch("approaches", queryset=first_approaches))
    )


def city(slug: str) -> City:
    found = (
        City.objects.published()
        .select_related("inhabitants_source")
        .defer("geometry")
        .filter(slug=slug)
        .first()
        if is_slug(slug)
        else None
    )
    if found is None:
        raise Http404("Er is geen gepubliceerde stad met deze slug.")
    return found


def city_in_full(slug: str) -> City:
    found = city(slug)
    found.full_approaches = list(
        Approach.objects.published()
        .filter(city=found)
        .order_by("name", "pk")
        .prefetch_related(
            Prefetch(
                "periods", queryset=Period.objects.published().prefetch_related(with_sources())
            ),
            Prefetch(
                "assessments",
                queryset=Assessment.objects.published()
                .filter(dimension__in=Dimension.objects.published())
                .select_related("dimension")
                .order_by("dimension__order", "dimension__name")
                .prefetch_related(with_sources()),
            ),
            Prefetch(
                "traits",
                queryset=Trait.objects.published()
                .select_related("dimension")
                .order_by("kind", "order", "pk")
                .prefetch_related(with_sources()),
            ),
            Prefetch("roles", queryset=Role.objects.published().order_by("name")),
            with_sources(),
        )
    )
    found.published_sources = list(sources().filter(cities=found))
    return found


def districts(city: City) -> QuerySet[District]:
    """A city's published districts; their parent comes along to tell whether it is published."""
    return (
        District.objects.published()
        .filter(city=city)
        .select_related("city", "parent")
        .defer("geometry", "city__geometry", "parent__geometry")
        .order_by("name", "pk")
    )


def district(city: City, slug: str) -> District:
    if not is_slug(slug):
        raise Http404(f"{city.name} heeft geen gepubliceerde wijk met deze slug.")
    found = (
        District.objects.published().filter(city=city, slug=slug).select_related("parent").first()
    )
    if found is None:
        raise Http404(f"{city.name} heeft geen gepubliceerde wijk met deze slug.")
    found.city = city
    return found


def dimensions() -> QuerySet[Dimension]:
    return Dimension.objects.published().order_by("order", "name")


def roles() -> QuerySet[Role]:
    used_by = Approach.objects.published().filter(city__in=City.objects.published())
    return (
        Role.objects.published()
        .order_by("name", "pk")
        .prefetch_related(
            Prefetch(
                "approaches", queryset=used_by.select_related("city").order_by("city__name", "name")
            ),
            with_sources(),
        )
    )


def terms() -> QuerySet[Term]:
    return Term.objects.published().order_by("name", "pk").prefetch_related(with_sources())


def districts_of(cities: list[City]) -> QuerySet[District]:
    return District.objects.published().filter(city__in=cities).order_by()
