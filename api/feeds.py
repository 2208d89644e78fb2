"""Atom feeds of published changes: the whole site, and one per city.

An entry is one publication of one object (a new publication of the same object is a new
entry), links to the page that shows it and says which fields changed, read from the history
that django-reversion keeps. Where there is no earlier version to compare with, the entry
simply says the item was published. Drafts and changes that still wait are never listed.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from reversion.errors import RevertError
from reversion.models import Version

from api import published
from approaches.models import Approach, Assessment, Period, Trait
from cities.models import City, District
from library.models import Source, Term

FEED_LIMIT = 30
# Versions looked at per object to find the state before the last publication.
VERSIONS_LOOKED_AT = 10
# Bookkeeping, not content.
SKIPPED_FIELDS = {
    "id", "status", "version", "created_at", "updated_at", "published_at", "pending_changes",
    "geometry",
}  # fmt: skip


@dataclass
class Entry:
    kind: str
    title: str
    url: str
    published_at: datetime
    obj: object
    what_changed: str = "Gepubliceerd."


def _city_url(approach) -> str:
    return approach.city.get_absolute_url()


# (model, how a reader names it, title, link, filter to one city, the published chain above it)
KINDS = [
    (City, lambda o: "Stad", lambda o: o.name, lambda o: o.get_absolute_url(), "pk", ""),
    (District, lambda o: o.get_kind_display(), lambda o: f"{o.name}, {o.city.name}",
     lambda o: o.get_absolute_url(), "city", "city"),
    (Approach, lambda o: "Aanpak", lambda o: f"{o.city.name}: {o.name}",
     lambda o: o.get_absolute_url(), "city", "city"),
    (Assessment, lambda o: "Typering", lambda o: f"{o.approach.city.name}: {o.dimension.name}",
     lambda o: _city_url(o.approach) + "#typering", "approach__city", "approach__city"),
    (Trait, lambda o: o.get_kind_display(), lambda o: f"{o.approach.city.name}: {_short(o.text)}",
     lambda o: _city_url(o.approach) + "#kenmerken", "approach__city", "approach__city"),
    (Period, lambda o: "Periode", lambda o: f"{o.approach.city.name}: {o.label}, {o.title}",
     lambda o: _city_url(o.approach) + "#geschiedenis", "approach__city", "approach__city"),
    (Term, lambda o: "Begrip", lambda o: o.name, lambda o: o.get_absolute_url(), None, ""),
    (Source, lambda o: "Bron", lambda o: o.title, lambda o: o.get_absolute_url(), None, ""),
]  # fmt: skip


def _short(text: str, length: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _published_chain(chain: str) -> Q:
    """The object's page must answer: everything it hangs from is published too."""
    cities = City.objects.published()
    if chain == "city":
        return Q(city__in=cities)
    if chain == "approach__city":
        return Q(approach__in=Approach.objects.published().filter(city__in=cities))
    return Q()


def changes(city: City | None = None, limit: int = FEED_LIMIT) -> list[Entry]:
    """The latest publications, newest first; one query per kind, then the history."""
    entries = []
    for model, kind, title, url, city_field, chain in KINDS:
        if city is not None and city_field is None:
            continue
        queryset = model.objects.published().filter(published_at__isnull=False)
        queryset = queryset.filter(_published_chain(chain))
        if model is Assessment:
            queryset = queryset.filter(dimension__in=published.dimensions())
        if city is not None:
            queryset = queryset.filter(**{city_field: city.pk})
        if chain:
            queryset = queryset.select_related(chain)
        if model is Assessment:
            queryset = queryset.select_related("dimension")
        for obj in queryset.order_by("-published_at", "-pk")[:limit]:
            entries.append(Entry(kind(obj), title(obj), url(obj), obj.published_at, obj))
    entries.sort(key=lambda entry: entry.published_at, reverse=True)
    entries = entries[:limit]
    describe_changes(entries)
    return entries


def describe_changes(entries: list[Entry]) -> None:
    """Name the fields each publication changed (one query per kind of object listed)."""
    by_model: dict[type, list[Entry]] = {}
    for entry in entries:
        by_model.setdefault(type(entry.obj), []).append(entry)
    for model, listed in by_model.items():
        versions: dict[str, list[Version]] = {}
        history = Version.objects.get_for_model(model).filter(
            object_id__in=[str(entry.obj.pk) for entry in listed]
        )
        for version in history.order_by("-pk"):
            versions.setdefault(version.object_id, []).append(version)
        for entry in listed:
            entry.what_changed = what_changed(entry.obj, versions.get(str(entry.obj.pk), []))


def what_changed(obj, versions: list[Version]) -> str:
    """Compare the published object with the newest stored version that differs from it."""
    fields = [
        f for f in obj._meta.concrete_fields if f.name not in SKIPPED_FIELDS and not f.many_to_many
    ]
    now = {f.attname: getattr(obj, f.attname) for f in fields}
    for version in versions[:VERSIONS_LOOKED_AT]:
        try:
            then = version.field_dict
        except RevertError:  # stored before a field changed so that it can no longer be read
            continue
        changed = [f for f in fields if f.attname in then and then[f.attname] != now[f.attname]]
        if changed:
            labels = ", ".join(str(f.verbose_name) for f in changed)
            return f"Gewijzigd: {labels}."
    return "Gepubliceerd."


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "Buurtwijs: gepubliceerde wijzigingen"
    subtitle = "Wat de redactie van Buurtwijs onlangs heeft gepubliceerd of gewijzigd."
    author_name = "Redactie Buurtwijs"

    def link(self):
        return reverse("home")

    def items(self):
        return changes()

    def item_title(self, entry: Entry) -> str:
        return f"{entry.kind}: {entry.title}"

    def item_description(self, entry: Entry) -> str:
        return entry.what_changed

    def item_link(self, entry: Entry) -> str:
        return entry.url

    def item_guid(self, entry: Entry) -> str:
        stamp = entry.published_at.strftime("%Y%m%dT%H%M%S%fZ")
        return f"tag:buurtwijs.nl,2026:{entry.obj._meta.label_lower}/{entry.obj.pk}/{stamp}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry: Entry) -> datetime:
        return entry.published_at

    def item_updateddate(self, entry: Entry) -> datetime:
        return entry.published_at


class CityChangesFeed(ChangesFeed):
    def get_object(self, request, city_slug: str) -> City:
        city = City.objects.published().filter(slug=city_slug).first()
        if city is None:
            raise Http404("Deze stad kennen we niet.")
        return city

    def title(self, city: City) -> str:
        return f"Buurtwijs: wijzigingen in {city.name}"

    def subtitle(self, city: City) -> str:
        return f"Wat de redactie van Buurtwijs onlangs over {city.name} heeft gepubliceerd."

    def link(self, city: City) -> str:
        return city.get_absolute_url()

    def items(self, city: City):
        return changes(city)
