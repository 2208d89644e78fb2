"""Factory functions for tests: each makes a valid, published object; pass fields to override."""

import itertools

from django.utils.text import slugify

from approaches.models import (
    Approach,
    Assessment,
    Dimension,
    DimensionOption,
    Period,
    Role,
    Trait,
)
from cities.models import City, District
from editorial.models import Status
from library.models import Source, Term

_numbers = itertools.count(1)


def _next() -> int:
    return next(_numbers)


def make_source(**fields) -> Source:
    n = _next()
    defaults = {"title": f"Bron {n}", "slug": f"bron-{n}", "status": Status.PUBLISHED}
    return Source.objects.create(**defaults | fields)


def make_term(**fields) -> Term:
    n = _next()
    defaults = {
        "name": f"Begrip {n}",
        "slug": f"begrip-{n}",
        "definition": "Uitleg.",
        "status": Status.PUBLISHED,
    }
    return Term.objects.create(**defaults | fields)


def make_city(**fields) -> City:
    n = _next()
    defaults = {
        "name": f"Stad {n}",
        "official_name": f"Stad {n}",
        "slug": f"stad-{n}",
        # Four digits whatever the counter has reached in a long test session.
        "cbs_code": f"GM{(9000 + n) % 10000:04d}",
        "summary": "Een stad om mee te testen.",
        "status": Status.PUBLISHED,
    }
    return City.objects.create(**defaults | fields)


def make_district(city: City | None = None, **fields) -> District:
    n = _next()
    defaults = {
        "city": city or make_city(),
        "name": f"Wijk {n}",
        "slug": f"wijk-{n}",
        "kind": District.Kind.WIJK,
        "status": Status.PUBLISHED,
    }
    return District.objects.create(**defaults | fields)


def make_dimension(**fields) -> Dimension:
    n = _next()
    defaults = {
        "name": f"Dimensie {n}",
        "slug": f"dimensie-{n}",
        "question": "Hoe?",
        "order": n,
        "status": Status.PUBLISHED,
    }
    return Dimension.objects.create(**defaults | fields)


def make_approach(city: City | None = None, **fields) -> Approach:
    n = _next()
    defaults = {
        "city": city or make_city(),
        "name": f"Aanpak {n}",
        "slug": f"aanpak-{n}",
        "scope": Approach.Scope.WHOLE_CITY,
        "summary": "Een aanpak om mee te testen.",
        "status": Status.PUBLISHED,
    }
    return Approach.objects.create(**defaults | fields)


def make_option(dimension: Dimension, label: str, **fields) -> DimensionOption:
    """The dimension's option with this label, made when it does not exist yet."""
    defaults = {"order": _next(), "status": Status.PUBLISHED} | fields
    option, _ = DimensionOption.objects.get_or_create(
        dimension=dimension, slug=slugify(label), defaults={"label": label, **defaults}
    )
    return option


def make_assessment(approach=None, dimension=None, category=None, **fields) -> Assessment:
    """An assessment; ``category`` names its option on the dimension (made when missing)."""
    dimension = dimension or make_dimension()
    if category is not None:
        fields["option"] = make_option(dimension, category)
    defaults = {
        "approach": approach or make_approach(),
        "dimension": dimension,
        "value": "Kort",
        "text": "Langer.",
        "status": Status.PUBLISHED,
    }
    return Assessment.objects.create(**defaults | fields)


def make_trait(approach=None, **fields) -> Trait:
    defaults = {
        "approach": approach or make_approach(),
        "kind": Trait.Kind.STRENGTH,
        "text": "Een sterk punt.",
        "status": Status.PUBLISHED,
    }
    return Trait.objects.create(**defaults | fields)


def make_period(approach=None, **fields) -> Period:
    defaults = {
        "approach": approach or make_approach(),
        "title": "Een periode",
        "label": "2014–2018",
        "description": "Wat er gebeurde.",
        "status": Status.PUBLISHED,
    }
    return Period.objects.create(**defaults | fields)


def make_role(**fields) -> Role:
    n = _next()
    defaults = {
        "name": f"Rol {n}",
        "slug": f"rol-{n}",
        "description": "Wat deze rol doet.",
        "status": Status.PUBLISHED,
    }
    return Role.objects.create(**defaults | fields)
