"""Which pages a change of content reaches, as version numbers per scope.

A scope is a group of pages that show the same content: ``city:<pk>`` for a city's own pages
(its profile, its districts, comparisons that include it), ``site`` for what any page may show
(sources, glossary terms, dimensions). Every change of a content model raises the version of
each scope it reaches, in the change's own transaction (``ScopeVersion`` rows). A model that
belongs to cities says which through ``city_ids()``; anything else reaches ``site``. A model may
also name the scopes of the page parts it shows in through ``part_scopes()``: a part of a page
kept on its own (a city's districts and map) stays valid while the rest of its page changes.

The numbers come from the database's clock (never lower than the last number plus one), so a
number is never handed out twice, not even after a rolled-back transaction or an emptied table:
what was kept for a number (editorial.renders) can never be mistaken for a later state.

A change reaches the scopes of the object both as it was and as it is: a district moved to
another city changes both cities' pages. Bulk changes (editorial.bulk) and fixtures loaded raw
reach ``site``, and so every page.
"""

from collections.abc import Iterable

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from editorial.bulk import bulk_changed, in_bulk_change
from editorial.models import ScopeVersion
from editorial.registry import content_models

SITE = "site"


def city_scope(pk: int) -> str:
    return f"city:{pk}"


def city_scopes(city_ids: Iterable[int]) -> list[str]:
    """The scopes of these cities' pages, with ``site``, which every page shows."""
    return [SITE, *(city_scope(pk) for pk in sorted(set(city_ids)))]


def latest_version(scopes: list[str] | None = None, using: str = DEFAULT_DB_ALIAS) -> int | None:
    """The highest version among ``scopes`` (one query); all scopes when None.

    The highest number moves whenever any of them moves, as every new number is above every
    earlier one. None when no scope has a row yet.
    """
    table = connections[using].ops.quote_name(ScopeVersion._meta.db_table)
    sql = f"SELECT max(value) FROM {table}"  # noqa: S608 - a quoted table name
    params = []
    if scopes is not None:
        sql += " WHERE scope = ANY(%s)"
        params = [list(scopes)]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def raise_versions(scopes: Iterable[str], using: str = DEFAULT_DB_ALIAS) -> None:
    """Give each scope a new, higher number (one query), as part of the current transaction."""
    scopes = sorted(set(scopes))  # one order for all writers: no deadlocks between them
    if not scopes:
        return
    table = connections[using].ops.quote_name(ScopeVersion._meta.db_table)
    sql = (
        f"INSERT INTO {table} (scope, value) "  # noqa: S608 - a quoted table name
        "SELECT scope, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint "
        "FROM unnest(%s::varchar[]) AS scope "
        f"ON CONFLICT (scope) DO UPDATE SET value = GREATEST({table}.value + 1, EXCLUDED.value)"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [scopes])


def scopes_of(obj) -> set[str]:
    """The scopes that show ``obj`` (may query); ``site`` for what belongs to no city."""
    if hasattr(obj, "city_ids"):
        scopes = {city_scope(pk) for pk in obj.city_ids() if pk is not None}
    elif obj._meta.auto_created:
        scopes = _scopes_of_link(obj)
    else:
        scopes = {SITE}
    if hasattr(obj, "part_scopes"):
        scopes |= obj.part_scopes()
    return scopes


def _scopes_of_link(link) -> set[str]:
    """A row of a many-to-many table shows on the pages of the ends that belong to cities."""
    scopes = set()
    for field in link._meta.concrete_fields:
        model = field.related_model
        if field.is_relation and hasattr(model, "city_ids"):
            end = model._base_manager.filter(pk=getattr(link, field.attname)).first()
            scopes |= scopes_of(end) if end is not None else set()
    return scopes or {SITE}


def _scopes_as_stored(instance) -> set[str]:
    """The scopes of the object as the database still has it (before a save)."""
    if instance.pk is None:
        return set()
    stored = type(instance)._base_manager.filter(pk=instance.pk).first()
    return scopes_of(stored) if stored is not None else set()


def _before_save(sender, instance, raw=False, **kwargs) -> None:
    if not raw and not in_bulk_change():
        instance._scopes_before_save = _scopes_as_stored(instance)


def _after_save(sender, instance, raw=False, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if in_bulk_change():
        return
    if raw:  # a fixture's rows arrive before the rows they point to: every page then
        raise_versions({SITE}, using)
        return
    before = instance.__dict__.pop("_scopes_before_save", set())
    raise_versions(before | scopes_of(instance), using)


def _before_delete(sender, instance, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if not in_bulk_change():
        raise_versions(scopes_of(instance), using)


def _links_changed(sender, instance, action, model, pk_set, using=DEFAULT_DB_ALIAS, **kwargs):
    # Before the change, while a link to be removed or cleared still counts for its scopes; an
    # added link's other end is in pk_set.
    if in_bulk_change() or not action.startswith("pre_"):
        return
    scopes = scopes_of(instance)
    if pk_set and hasattr(model, "city_ids"):
        for other in model._base_manager.filter(pk__in=pk_set):
            scopes |= scopes_of(other)
    raise_versions(scopes, using)


def _bulk_changed(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    raise_versions({SITE}, using)


def connect_signals() -> None:
    """Follow every content model and its link tables (from ready())."""
    bulk_changed.connect(_bulk_changed, dispatch_uid="scopes-bulk")
    for model in content_models(include_auto_created=True):
        uid = f"scopes-{model._meta.label_lower}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_after_save, sender=model, dispatch_uid=uid)
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=uid)
        m2m_changed.connect(_links_changed, sender=model, dispatch_uid=uid)
