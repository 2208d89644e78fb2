"""Writing the search index: refresh a few objects after an edit, or rebuild everything."""

from collections.abc import Iterable

from django.db import transaction

from approaches.models import Approach, Assessment, Trait
from cities.models import District
from editorial.scopes import SITE, raise_versions
from search.documents import BUILDERS
from search.models import Kind, SearchEntry

UPDATED_FIELDS = ["title", "other_names", "body", "description", "tie_order", "url", "city_name"]


def refresh(kind: Kind, ids: Iterable[int]) -> None:
    """Bring the entries of these objects in line with the content: update, add or remove."""
    ids = set(ids)
    if not ids:
        return
    entries = list(BUILDERS[kind](ids))
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, object_id__in=ids).exclude(
            object_id__in=[entry.object_id for entry in entries]
        ).delete()
        _upsert(entries)


def remove(kind: Kind, object_id: int) -> None:
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def rebuild() -> int:
    """Replace the whole index with entries built from the content; returns their number.

    Search answers kept for readers (editorial.renders) follow the site's version, which moves
    with the new index."""
    entries = [entry for build in BUILDERS.values() for entry in build()]
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchEntry.objects.bulk_create(entries, batch_size=500)
        raise_versions({SITE})
    return len(entries)


def _upsert(entries: list[SearchEntry]) -> None:
    # An upsert, so two editors saving at once cannot collide on the unique (kind, object).
    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=UPDATED_FIELDS,
    )


def refresh_city(city_id: int) -> None:
    """A city's name, page and publication reach into every entry that belongs to it."""
    refresh(Kind.CITY, [city_id])
    refresh(Kind.DISTRICT, District.objects.filter(city=city_id).values_list("pk", flat=True))
    refresh_approaches(Approach.objects.filter(city=city_id).values_list("pk", flat=True))


def refresh_approaches(approach_ids: Iterable[int]) -> None:
    """An approach's publication and name order decide its parts' visibility and anchors."""
    approach_ids = list(approach_ids)
    refresh(Kind.APPROACH, approach_ids)
    refresh(
        Kind.ASSESSMENT,
        Assessment.objects.filter(approach__in=approach_ids).values_list("pk", flat=True),
    )
    refresh(
        Kind.TRAIT, Trait.objects.filter(approach__in=approach_ids).values_list("pk", flat=True)
    )
    refresh(
        Kind.ROLE,
        Approach.roles.through.objects.filter(approach__in=approach_ids).values_list(
            "role", flat=True
        ),
    )
