"""Portal-wide pages: home, glossary, sources, about, and the error pages."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.db.models.functions import Coalesce, Lower
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from approaches.models import Approach, Assessment, Period, Role, Trait
from buurtwijs.models import Source, Term
from cities.models import City, District

RECENT_LIMIT = 8
PLURALS = {
    "typering": "typeringen",
    "kenmerk": "kenmerken",
    "periode": "periodes",
    "wijk of gebied": "wijken en gebieden",
}


@require_safe
def home(request):
    user = request.user
    cities = City.objects.visible_to(user).prefetch_related(
        Prefetch("approaches", queryset=Approach.objects.visible_to(user).order_by("name"))
    )
    return render(request, "home.html", {"cities": cities, "recent": recent_changes(user)})


@dataclass(frozen=True)
class Change:
    """One line of "Onlangs bijgewerkt"."""

    kind: str
    title: str
    url: str
    changed_at: datetime
    is_published: bool


def recent_changes(user, limit: int = RECENT_LIMIT) -> list[Change]:
    """The latest published or updated content across cities, districts, approaches and traits.

    One small query per model, each already cut to ``limit``, merged here: a fixed number of
    queries however much content there is.
    """
    changes = []
    for queryset, describe in (
        (City.objects.all(), _city_change),
        (District.objects.select_related("city"), _district_change),
        (Approach.objects.select_related("city"), _approach_change),
        (Trait.objects.select_related("approach__city"), _trait_change),
        (Term.objects.all(), _term_change),
    ):
        latest = (
            queryset.visible_to(user)
            .annotate(changed_at=Coalesce("published_at", "updated_at"))
            .order_by("-changed_at", "-pk")[:limit]
        )
        changes.extend(describe(obj) for obj in latest)
    changes.sort(key=lambda change: change.changed_at, reverse=True)
    return changes[:limit]


def _city_change(city) -> Change:
    return Change("Stad", city.name, city.get_absolute_url(), city.changed_at, city.is_published)


def _district_change(district) -> Change:
    return Change(
        district.get_kind_display(),
        f"{district.name}, {district.city.name}",
        district.get_absolute_url(),
        district.changed_at,
        district.is_published,
    )


def _approach_change(approach) -> Change:
    return Change(
        "Aanpak",
        f"{approach.city.name}: {approach.name}",
        approach.get_absolute_url(),
        approach.changed_at,
        approach.is_published,
    )


def _trait_change(trait) -> Change:
    city = trait.approach.city
    return Change(
        trait.get_kind_display(),
        f"{city.name}: {_shorten(trait.text)}",
        city.get_absolute_url() + "#kenmerken",
        trait.changed_at,
        trait.is_published,
    )


def _term_change(term) -> Change:
    return Change("Begrip", term.name, term.get_absolute_url(), term.changed_at, term.is_published)


def _shorten(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@require_safe
def glossary(request):
    terms = list(
        Term.objects.visible_to(request.user)
        .order_by(Lower("name"), "pk")
        .prefetch_related(Prefetch("sources", queryset=Source.objects.visible_to(request.user)))
    )
    context = {"letters": by_initial(terms), "breadcrumbs": [("Begrippen", reverse("glossary"))]}
    return render(request, "glossary.html", context)


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
def sources(request):
    sources = list(_sources_with_citations(request.user))
    inhabitants = _cities_citing_for_inhabitants(request.user)
    entries = [(source, citations_of(source, inhabitants.get(source.pk, []))) for source in sources]
    breadcrumbs = [("Bronnen", reverse("sources"))]
    return render(request, "sources.html", {"entries": entries, "breadcrumbs": breadcrumbs})


def _sources_with_citations(user):
    visible = lambda model: model.objects.visible_to(user)  # noqa: E731
    return Source.objects.visible_to(user).prefetch_related(
        Prefetch("cities", queryset=visible(City)),
        Prefetch("districts", queryset=visible(District).select_related("city")),
        Prefetch("approaches", queryset=visible(Approach).select_related("city")),
        Prefetch("periods", queryset=visible(Period).select_related("approach__city")),
        Prefetch("assessments", queryset=visible(Assessment).select_related("approach__city")),
        Prefetch("traits", queryset=visible(Trait).select_related("approach__city")),
        Prefetch("roles", queryset=visible(Role)),
        Prefetch("terms", queryset=visible(Term)),
    )


def _cities_citing_for_inhabitants(user) -> dict[int, list]:
    """The inhabitants figure names its source through a plain foreign key, not the citations."""
    by_source = defaultdict(list)
    for city in City.objects.visible_to(user).filter(inhabitants_source__isnull=False):
        by_source[city.inhabitants_source_id].append(city)
    return by_source


@dataclass
class CityCitations:
    """What one source backs on one city's pages."""

    city: City
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
    roles: list[Role]

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


@require_safe
def about(request):
    context = {
        "breadcrumbs": [("Over Buurtwijs", reverse("about"))],
        "contact_email": settings.CONTACT_EMAIL,
    }
    return render(request, "about.html", context)


def page_not_found(request, exception):
    context = {"breadcrumbs": [("Pagina niet gevonden", None)]}
    return render(request, "404.html", context, status=404)


def server_error(request):
    """Rendered without the request or the database: either may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render())
