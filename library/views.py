"""The glossary and the list of sources.

The sources page says, per source, what cites it. Those citing models live in the apps above
this one (cities, approaches); they are reached through their relations to ``Source`` by name,
so this app never imports them.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from editorial.renders import kept_for_readers
from library.models import Source, Term

PLURALS = {
    "typering": "typeringen",
    "kenmerk": "kenmerken",
    "periode": "periodes",
    "wijk of gebied": "wijken en gebieden",
}
# What cites a source, by the name of its relation, and what of each citing row the page shows.
CITING = {
    "cities": [],
    "districts": ["city"],
    "approaches": ["city"],
    "periods": ["approach__city"],
    "assessments": ["approach__city"],
    "traits": ["approach__city"],
    "roles": [],
    "terms": [],
}


@require_safe
@kept_for_readers()
def glossary(request):
    terms = list(
        Term.objects.visible_to(request.user)
        .order_by(Lower("name"), "pk")
        .prefetch_related(Prefetch("sources", queryset=Source.objects.visible_to(request.user)))
    )
    context = {"letters": by_initial(terms), "breadcrumbs": [("Begrippen", reverse("glossary"))]}
    return render(request, "library/glossary.html", context)


def by_initial(terms) -> list[tuple[str, str, list[Term]]]:
    """Terms grouped under their first letter (É under E), with the letter's anchor."""
    letters: dict[str, list[Term]] = {}
    for term in terms:
        initial = slugify(term.name[:1]).upper()
        letters.setdefault(initial if initial.isalpha() else "#", []).append(term)
    return [
        (letter, f"letter-{letter.lower()}" if letter != "#" else "letter-overig", items)
        for letter, items in letters.items()
    ]


@require_safe
@kept_for_readers()
def sources(request):
    sources = list(_sources_with_citations(request.user))
    inhabitants = _cities_citing_for_inhabitants(request.user)
    entries = [(source, citations_of(source, inhabitants.get(source.pk, []))) for source in sources]
    breadcrumbs = [("Bronnen", reverse("sources"))]
    return render(request, "library/sources.html", {"entries": entries, "breadcrumbs": breadcrumbs})


def _citing_model(relation: str):
    return Source._meta.get_field(relation).related_model


def _sources_with_citations(user):
    prefetches = []
    for relation, related in CITING.items():
        citing = _citing_model(relation).objects.visible_to(user)
        prefetches.append(
            Prefetch(relation, queryset=citing.select_related(*related) if related else citing)
        )
    for relation in ("based_on", "compilations"):
        prefetches.append(Prefetch(relation, queryset=Source.objects.visible_to(user)))
    return Source.objects.visible_to(user).prefetch_related(*prefetches)


def _cities_citing_for_inhabitants(user) -> dict[int, list]:
    """The inhabitants figure names its source through a plain foreign key, not the citations."""
    City = _citing_model("cities")
    by_source = defaultdict(list)
    for city in City.objects.visible_to(user).filter(inhabitants_source__isnull=False):
        by_source[city.inhabitants_source_id].append(city)
    return by_source


@dataclass
class CityCitations:
    """What one source backs on one city's pages."""

    city: object  # a cities.City
    parts: dict[str, int] = field(default_factory=dict)

    def add(self, label: str) -> None:
        self.parts[label] = self.parts.get(label, 0) + 1

    @property
    def summary(self) -> str:
        """E.g. "aanpak, 9 typeringen, 1 periode"."""
        return ", ".join(self._counted(label, count) for label, count in self.parts.items())

    @staticmethod
    def _counted(label: str, count: int) -> str:
        if label not in PLURALS:  # the profile, the approach, the inhabitants: there is one
            return label
        return f"{count} {label if count == 1 else PLURALS[label]}"


@dataclass
class Citations:
    cities: list[CityCitations]
    terms: list[Term]
    roles: list  # approaches.Role

    def __bool__(self) -> bool:
        return bool(self.cities or self.terms or self.roles)


def citations_of(source: Source, inhabitant_cities: list) -> Citations:
    """Summarise, per city, what a source backs: counts, not hundreds of single links."""
    per_city: dict[int, CityCitations] = {}

    def note(city, label):
        per_city.setdefault(city.pk, CityCitations(city)).add(label)

    for city in source.cities.all():
        note(city, "stadsprofiel")
    for city in inhabitant_cities:
        note(city, "inwonertal")
    for approach in source.approaches.all():
        note(approach.city, "aanpak")
    for label, items in (
        ("typering", source.assessments.all()),
        ("kenmerk", source.traits.all()),
        ("periode", source.periods.all()),
    ):
        for item in items:
            note(item.approach.city, label)
    for district in source.districts.all():
        note(district.city, "wijk of gebied")
    cities = sorted(per_city.values(), key=lambda c: c.city.name)
    return Citations(cities, list(source.terms.all()), list(source.roles.all()))
