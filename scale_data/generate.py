"""A large, clearly synthetic data set for the speed benchmark (README, "Snelheid").

Every synthetic object has a slug starting with ``synth-``, a name ending in "(synthetisch)" and
cites the source "Synthetische testdata", so it is never mistaken for real content and can be
removed in one go. Real content is never changed: synthetic approaches only get synthetic roles,
and dimensions are only made when the database has none (an empty test database).
"""

import random
from dataclasses import dataclass

from django.utils import timezone

from approaches.models import Approach, Assessment, Dimension, Period, Role, Trait
from cities.models import City, District
from editorial.bulk import bulk_change
from editorial.models import Status
from library.models import Source

PREFIX = "synth-"
MARK = "(synthetisch)"
SOURCE_SLUG = "synth-testdata"
# CBS codes far above real municipalities (GM1983 is the highest) and below the test factories'.
FIRST_CBS_NUMBER = 7000
MAX_CITIES = 1000
MAX_DISTRICTS = 99
STADSDELEN_PER_CITY = 4
ROLES = 5
BATCH = 1000

WORDS = [
    "wijkaanpak", "gebiedsgericht", "werken", "bewoners", "wijkagenda", "opbouwwerk", "sociaal",
    "makelaar", "participatie", "wijkraad", "gebiedscommissie", "welzijn", "veiligheid", "wonen",
    "jeugd", "armoede", "zorg", "samenwerking", "corporaties", "gemeenteraad", "begroting",
    "doorzettingsmacht", "kanteling", "netwerk", "buurthuis", "initiatieven", "leefbaarheid",
    "focuswijk", "evaluatie", "sturing", "professionals",
]  # fmt: skip


@dataclass
class Counts:
    cities: int = 0
    districts: int = 0
    approaches: int = 0
    assessments: int = 0
    traits: int = 0

    def __str__(self) -> str:
        return (
            f"{self.cities} steden, {self.districts} wijken, {self.approaches} aanpakken, "
            f"{self.assessments} typeringen, {self.traits} kenmerken"
        )


def _text(rng: random.Random, sentences: int) -> str:
    """Filler that reads like content to the search index and is plainly marked as synthetic."""
    parts = ["Synthetische testtekst."]
    for _ in range(sentences):
        words = rng.choices(WORDS, k=rng.randint(8, 16))
        parts.append(" ".join(words).capitalize() + ".")
    return " ".join(parts)


def make(cities: int = 350, districts: int = 40, seed: int = 1) -> Counts:
    """Replace any earlier synthetic data by a fresh set (one transaction, one version bump)."""
    if not 1 <= cities <= MAX_CITIES or not STADSDELEN_PER_CITY < districts <= MAX_DISTRICTS:
        lowest = STADSDELEN_PER_CITY + 1
        raise ValueError(f"Kies 1–{MAX_CITIES} steden en {lowest}–{MAX_DISTRICTS} wijken per stad.")
    rng = random.Random(seed)  # noqa: S311 - repeatable filler, not a secret
    with bulk_change():
        remove()
        source = _source()
        dimensions = list(Dimension.objects.published()) or _dimensions()
        city_list = _cities(rng, cities, source)
        _districts(rng, city_list, districts, source)
        approaches = _approaches(rng, city_list, source)
        _periods(rng, approaches, source)
        _assessments(rng, approaches, dimensions, source)
        _traits(rng, approaches, dimensions, source)
        _roles(rng, approaches, source)
    return counts()


def remove() -> Counts:
    """Delete every synthetic object; real content is untouched."""
    found = counts()
    with bulk_change():
        cities = City.objects.filter(slug__startswith=PREFIX)
        District.objects.filter(city__in=cities).update(parent=None)
        cities.delete()
        Role.objects.filter(slug__startswith=PREFIX).delete()
        Dimension.objects.filter(slug__startswith=PREFIX).delete()
        Source.objects.filter(slug=SOURCE_SLUG).delete()
    return found


def counts() -> Counts:
    """How much synthetic data the database holds (queries)."""
    city_filter = {"city__slug__startswith": PREFIX}
    return Counts(
        cities=City.objects.filter(slug__startswith=PREFIX).count(),
        districts=District.objects.filter(**city_filter).count(),
        approaches=Approach.objects.filter(**city_filter).count(),
        assessments=Assessment.objects.filter(approach__city__slug__startswith=PREFIX).count(),
        traits=Trait.objects.filter(approach__city__slug__startswith=PREFIX).count(),
    )


def _published() -> dict:
    return {"status": Status.PUBLISHED, "published_at": timezone.now()}


def _cite(model, objects, source: Source) -> None:
    """Let every object cite the synthetic source, through the model's `sources` table."""
    through = model.sources.through
    column = model._meta.model_name + "_id"
    links = [through(**{column: obj.pk, "source_id": source.pk}) for obj in objects]
    through.objects.bulk_create(links, batch_size=BATCH)


def _source() -> Source:
    return Source.objects.create(
        slug=SOURCE_SLUG,
        title="Synthetische testdata",
        kind=Source.Kind.DATA,
        description="Gegenereerd door manage.py make_scale_data voor de snelheidsmeting. "
        "Geen echte stad, wijk of aanpak.",
        **_published(),
    )


def _dimensions() -> list[Dimension]:
    names = [
        "Reikwijdte",
        "Sturing",
        "Professionals",
        "Financiering",
        "Participatie",
        "Lokale democratie",
        "Resultaten",
        "Vernieuwing",
    ]
    return Dimension.objects.bulk_create(
        Dimension(
            name=f"{name} {MARK}",
            slug=f"{PREFIX}dimensie-{n}",
            question=f"Hoe staat het met {name.lower()}?",
            order=n,
            **_published(),
        )
        for n, name in enumerate(names, start=1)
    )


def _cities(rng: random.Random, number: int, source: Source) -> list[City]:
    cities = City.objects.bulk_create(
        [
            City(
                name=f"Stad {n:03d} {MARK}",
                official_name=f"Gemeente Stad {n:03d} {MARK}",
                slug=f"{PREFIX}stad-{n:03d}",
                cbs_code=f"GM{FIRST_CBS_NUMBER + n:04d}",
                inhabitants=rng.randint(20_000, 900_000),
                inhabitants_year=2024,
                summary=_text(rng, 3),
                democracy_text=_text(rng, 2),
                **_published(),
            )
            for n in range(number)
        ],
        batch_size=BATCH,
    )
    _cite(City, cities, source)
    return cities


def _districts(rng: random.Random, cities: list[City], per_city: int, source: Source) -> None:
    def district(city: City, n: int, kind: str, parent: District | None = None) -> District:
        return District(
            city=city,
            parent=parent,
            kind=kind,
            name=f"Wijk {n:02d} van {city.name}",
            slug=f"{PREFIX}wijk-{n:02d}",
            cbs_code=f"WK{city.cbs_code[2:]}{n:02d}",
            focus_area=District.Focus.YES if n % 5 == 0 else District.Focus.UNKNOWN,
            summary=_text(rng, 2),
            **_published(),
        )

    stadsdelen = District.objects.bulk_create(
        [
            district(c, n, District.Kind.STADSDEEL)
            for c in cities
            for n in range(STADSDELEN_PER_CITY)
        ],
        batch_size=BATCH,
    )
    wijken = District.objects.bulk_create(
        [
            district(
                city,
                n,
                District.Kind.WIJK,
                stadsdelen[i * STADSDELEN_PER_CITY + n % STADSDELEN_PER_CITY],
            )
            for i, city in enumerate(cities)
            for n in range(STADSDELEN_PER_CITY, per_city)
        ],
        batch_size=BATCH,
    )
    _cite(District, stadsdelen + wijken, source)


def _approaches(rng: random.Random, cities: list[City], source: Source) -> list[Approach]:
    approaches = Approach.objects.bulk_create(
        [
            Approach(
                city=city,
                name=f"Wijkaanpak van {city.name}",
                slug=f"{PREFIX}aanpak",
                scope=rng.choice(Approach.Scope.values),
                summary=_text(rng, 3),
                body=_text(rng, 12),
                **_published(),
            )
            for city in cities
        ],
        batch_size=BATCH,
    )
    _cite(Approach, approaches, source)
    return approaches


def _periods(rng: random.Random, approaches: list[Approach], source: Source) -> None:
    periods = Period.objects.bulk_create(
        [
            Period(
                approach=a,
                title=f"Periode {label} {MARK}",
                label=label,
                description=_text(rng, 3),
                **_published(),
            )
            for a in approaches
            for label in ("2014–2018", "na 2018")
        ],
        batch_size=BATCH,
    )
    _cite(Period, periods, source)


def _assessments(
    rng, approaches: list[Approach], dimensions: list[Dimension], source: Source
) -> None:
    assessments = Assessment.objects.bulk_create(
        [
            Assessment(
                approach=a,
                dimension=d,
                value=" ".join(rng.choices(WORDS, k=4)).capitalize(),
                text=_text(rng, 4),
                **_published(),
            )
            for a in approaches
            for d in dimensions
        ],
        batch_size=BATCH,
    )
    _cite(Assessment, assessments, source)


def _traits(rng, approaches: list[Approach], dimensions: list[Dimension], source: Source) -> None:
    kinds = [
        Trait.Kind.STRENGTH,
        Trait.Kind.STRENGTH,
        Trait.Kind.WEAKNESS,
        Trait.Kind.WEAKNESS,
        Trait.Kind.RISK,
        Trait.Kind.OPEN_QUESTION,
    ]
    traits = Trait.objects.bulk_create(
        [
            Trait(
                approach=a,
                kind=kind,
                dimension=rng.choice(dimensions),
                text=_text(rng, 1),
                order=n,
                **_published(),
            )
            for a in approaches
            for n, kind in enumerate(kinds)
        ],
        batch_size=BATCH,
    )
    _cite(Trait, traits, source)


def _roles(rng: random.Random, approaches: list[Approach], source: Source) -> None:
    roles = Role.objects.bulk_create(
        Role(
            name=f"Rol {n} {MARK}",
            slug=f"{PREFIX}rol-{n}",
            description=_text(rng, 2),
            **_published(),
        )
        for n in range(1, ROLES + 1)
    )
    through = Role.approaches.through
    links = [through(role_id=r.pk, approach_id=a.pk) for r in roles for a in approaches]
    through.objects.bulk_create(links, batch_size=BATCH)
    _cite(Role, roles, source)
