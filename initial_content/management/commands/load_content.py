"""Loads the portal's initial content from `initial_content/content/`.

Only what is missing is created, looked up by a natural key per model (see `ContentLoader`).
An existing row is never changed, so whatever an editor did in the admin survives. A row an editor
deleted, or whose key (a slug, a trait's kind and position, a period's title) an editor changed,
counts as missing and is created again on the next run.
"""

from collections import Counter

from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone

from approaches.models import Approach, Assessment, Dimension, Period, Role, Trait
from cities.models import City, District
from editorial.bulk import bulk_change
from editorial.models import Status
from initial_content import content
from initial_content.content.dimensions import DIMENSIONS
from initial_content.content.roles import ROLES
from initial_content.content.sources import SOURCES
from initial_content.content.terms import TERMS
from library.models import Source, Term


class Command(BaseCommand):
    help = (
        "Laadt de startinhoud van Buurtwijs. Maakt alleen aan wat ontbreekt; wat al bestaat, "
        "blijft zoals een redacteur het achterliet."
    )

    def handle(self, *args, **options):
        loader = ContentLoader()
        # One transaction; at its end, if anything was created, one change of the content
        # version (the page cache key) and one rebuild of the search index.
        with bulk_change() as change:
            loader.load_all()
            change.changed = bool(loader.created.total())
        if options["verbosity"] >= 1:
            self.stdout.write(f"Startinhoud: {loader.summary()}.")
        if options["verbosity"] >= 2:
            for line in loader.details():
                self.stdout.write(f"  {line}")


class ContentLoader:
    """Creates the content rows that do not exist yet, all published at the same moment."""

    def __init__(self) -> None:
        self.now = timezone.now()
        self.created: Counter = Counter()
        self.existing: Counter = Counter()
        self.sources: dict[str, Source] = {}
        self.dimensions: dict[str, Dimension] = {}
        self.approaches: dict[tuple[str, str], Approach] = {}

    def load_all(self) -> None:
        self.load_sources()
        self.load_dimensions()
        self.load_terms()
        for module in content.CITY_MODULES:
            city = self.load_city(module.CITY)
            self.load_districts(city, module.DISTRICTS)
            self.load_approach(city, module.APPROACH)
        self.load_roles()

    def summary(self) -> str:
        return f"{self.created.total()} nieuw, {self.existing.total()} bestonden al"

    def details(self) -> list[str]:
        models_seen = list(dict.fromkeys([*self.created, *self.existing]))
        return [
            f"{model._meta.verbose_name_plural}: {self.created[model]} nieuw, "
            f"{self.existing[model]} bestonden al"
            for model in models_seen
        ]

    def ensure(self, model, key: dict, fields: dict, sources=()) -> tuple[models.Model, bool]:
        """The row with this natural key; created (published, citing `sources`) when missing."""
        found = model.objects.filter(**key).first()
        if found is not None:
            self.existing[model] += 1
            return found, False
        row = model.objects.create(**key, **fields, status=Status.PUBLISHED, published_at=self.now)
        if sources:
            row.sources.add(*self.cite(sources))
        self.created[model] += 1
        return row, True

    def cite(self, slugs) -> list[Source]:
        # A KeyError here means a content module cites a source that sources.py does not define.
        return [self.sources[slug] for slug in slugs]

    def load_sources(self) -> None:
        for data in SOURCES:
            fields = without(data, "slug")
            self.sources[data["slug"]], _ = self.ensure(Source, {"slug": data["slug"]}, fields)

    def load_dimensions(self) -> None:
        for data in DIMENSIONS:
            fields = without(data, "slug")
            self.dimensions[data["slug"]], _ = self.ensure(
                Dimension, {"slug": data["slug"]}, fields
            )

    def load_terms(self) -> None:
        for data in TERMS:
            fields = without(data, "slug", "sources")
            self.ensure(Term, {"slug": data["slug"]}, fields, data["sources"])

    def load_city(self, data: dict) -> City:
        fields = without(data, "slug", "sources") | {
            "inhabitants_source": self.sources[data["inhabitants_source"]]
        }
        city, _ = self.ensure(City, {"slug": data["slug"]}, fields, data["sources"])
        return city

    def load_districts(self, city: City, rows: list[dict]) -> None:
        # Content lists a larger area before the districts inside it.
        by_slug: dict[str, District] = {}
        for data in rows:
            parent = by_slug[data["parent"]] if data.get("parent") else None
            fields = without(data, "slug", "sources", "parent") | {"parent": parent}
            key = {"city": city, "slug": data["slug"]}
            by_slug[data["slug"]], _ = self.ensure(District, key, fields, data["sources"])

    def load_approach(self, city: City, data: dict) -> None:
        fields = without(data, "slug", "sources", "assessments", "traits", "periods")
        key = {"city": city, "slug": data["slug"]}
        approach, _ = self.ensure(Approach, key, fields, data["sources"])
        self.approaches[(city.slug, data["slug"])] = approach
        self.load_assessments(approach, data["assessments"])
        self.load_traits(approach, data["traits"])
        self.load_periods(approach, data["periods"])

    def load_assessments(self, approach: Approach, rows: list[dict]) -> None:
        for data in rows:
            key = {"approach": approach, "dimension": self.dimensions[data["dimension"]]}
            fields = {"value": data["value"], "text": data["text"]}
            self.ensure(Assessment, key, fields, data["sources"])

    def load_traits(self, approach: Approach, rows: list[dict]) -> None:
        # A trait is known by its kind and its position among the traits of that kind, so an
        # editor can rewrite its text without the next run adding the original again.
        positions: Counter = Counter()
        for data in rows:
            positions[data["kind"]] += 1
            key = {"approach": approach, "kind": data["kind"], "order": positions[data["kind"]]}
            dimension = self.dimensions[data["dimension"]] if data["dimension"] else None
            fields = {"text": data["text"], "dimension": dimension}
            self.ensure(Trait, key, fields, data["sources"])

    def load_periods(self, approach: Approach, rows: list[dict]) -> None:
        for data in rows:
            key = {"approach": approach, "title": data["title"]}
            self.ensure(Period, key, without(data, "title", "sources"), data["sources"])

    def load_roles(self) -> None:
        for data in ROLES:
            fields = without(data, "slug", "sources", "approaches")
            role, created = self.ensure(Role, {"slug": data["slug"]}, fields, data["sources"])
            if created:
                role.approaches.add(*(self.approaches[key] for key in data["approaches"]))


def without(data: dict, *keys: str) -> dict:
    return {name: value for name, value in data.items() if name not in keys}
