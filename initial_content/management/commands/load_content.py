"""Loads the portal's initial content from `initial_content/content/`.

Only what is missing is created, looked up by a natural key per model (see `ContentLoader`).
A row an editor deleted, or whose key (a slug, a trait's kind and position, a period's title) an
editor changed, counts as missing and is created again on the next run.

An existing row is changed only while it is still the loader's own: nobody has saved it since it
was created (its version is still 1 and no change waits for publication). Such a row gets the
fields the content gained later (a dimension's theme, an assessment's option, passages, a source's
bibliographic details, whether a term's explanation is a general one), so a database made before
those fields existed is completed on the next run. Once anyone saves a row, through the admin or
otherwise, the loader never touches it again: an option an editor cleared stays cleared.
"""

from collections import Counter

from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone

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
            change.changed = bool(loader.created.total() or loader.filled.total())
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
        self.filled: Counter = Counter()
        self.options: dict[tuple[str, str], DimensionOption] = {}
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
        summary = f"{self.created.total()} nieuw, {self.existing.total()} bestonden al"
        if self.filled.total():
            summary += f", waarvan {self.filled.total()} aangevuld"
        return summary

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

    def fill_in(self, row: models.Model, values: dict) -> None:
        """Brings these fields of a row nobody has saved yet up to date (see the module doc).

        Uses ``update()``, which leaves the version at 1: the row stays the loader's own.
        """
        if row.version != 1 or row.pending_changes:
            return
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        if changed:
            type(row).objects.filter(pk=row.pk).update(**changed)
            for name, value in changed.items():
                setattr(row, name, value)
            self.filled[type(row)] += 1

    def ensure_filled(self, model, key: dict, fields: dict, sources=(), later=()) -> models.Model:
        """``ensure``, then ``fill_in`` the fields named in ``later`` on an existing row."""
        row, created = self.ensure(model, key, fields, sources)
        if not created:
            self.fill_in(row, {name: fields[name] for name in later})
        return row

    def cite(self, slugs) -> list[Source]:
        # A KeyError here means a content module cites a source that sources.py does not define.
        return [self.sources[slug] for slug in slugs]

    def load_sources(self) -> None:
        for data in SOURCES:
            fields = without(data, "slug", "based_on")
            later = ["kind", "publisher", "part_of", "published_year", "description"]
            later = [name for name in later if name in fields]
            self.sources[data["slug"]] = self.ensure_filled(
                Source, {"slug": data["slug"]}, fields, later=later
            )
        # A compilation names the sources it was made from; they are all known by now.
        for data in SOURCES:
            source = self.sources[data["slug"]]
            if data.get("based_on") and source.version == 1 and not source.based_on.exists():
                source.based_on.add(*self.cite(data["based_on"]))
                if source.created_at < self.now:  # an older row, completed
                    self.filled[Source] += 1

    def load_dimensions(self) -> None:
        for data in DIMENSIONS:
            fields = without(data, "slug", "options")
            dimension = self.ensure_filled(
                Dimension, {"slug": data["slug"]}, fields, later=["theme"]
            )
            self.dimensions[data["slug"]] = dimension
            for option in data["options"]:
                key = {"dimension": dimension, "slug": option["slug"]}
                found, _ = self.ensure(DimensionOption, key, without(option, "slug"))
                self.options[(data["slug"], option["slug"])] = found

    def load_terms(self) -> None:
        for data in TERMS:
            fields = without(data, "slug", "sources")
            self.ensure_filled(
                Term, {"slug": data["slug"]}, fields, data["sources"], later=["general_definition"]
            )

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
            option = self.options[(data["dimension"], data["option"])] if data["option"] else None
            fields = {
                "value": data["value"],
                "text": data["text"],
                "option": option,
                "passage": data.get("passage", ""),
            }
            self.ensure_filled(
                Assessment, key, fields, data["sources"], later=["option", "passage"]
            )

    def load_traits(self, approach: Approach, rows: list[dict]) -> None:
        # A trait is known by its kind and its position among the traits of that kind, so an
        # editor can rewrite its text without the next run adding the original again.
        positions: Counter = Counter()
        for data in rows:
            positions[data["kind"]] += 1
            key = {"approach": approach, "kind": data["kind"], "order": positions[data["kind"]]}
            dimension = self.dimensions[data["dimension"]] if data["dimension"] else None
            fields = {
                "text": data["text"],
                "dimension": dimension,
                "passage": data.get("passage", ""),
            }
            self.ensure_filled(Trait, key, fields, data["sources"], later=["passage"])

    def load_periods(self, approach: Approach, rows: list[dict]) -> None:
        for data in rows:
            key = {"approach": approach, "title": data["title"]}
            fields = {"passage": ""} | without(data, "title", "sources")
            self.ensure_filled(Period, key, fields, data["sources"], later=["passage"])

    def load_roles(self) -> None:
        for data in ROLES:
            fields = {"passage": "", "editor_note": ""} | without(
                data, "slug", "sources", "approaches"
            )
            role, created = self.ensure(Role, {"slug": data["slug"]}, fields, data["sources"])
            if not created:
                # The editors' notes once stood in the public description.
                self.fill_in(role, without(fields, "name"))
            if created:
                role.approaches.add(*(self.approaches[key] for key in data["approaches"]))


def without(data: dict, *keys: str) -> dict:
    return {name: value for name, value in data.items() if name not in keys}
