"""The start page of the admin: what waits for publication and what others changed lately.

A Hoofdredacteur opens the admin to see what to review: rows with pending changes and drafts,
by whom and since when, and the latest changes by other editors, each a link to its form. A
fixed number of queries: two per content model and two for the admin log, however much content
there is. Other apps add a section of their own (a count with a link, say reader corrections)
with ``START_PAGE_SECTIONS.append(callable)``; the callable gets the request and returns a dict
with ``title``, ``count`` and ``url``, or None to show nothing.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import JSONField, Q
from django.urls import reverse

from editorial.models import Status
from editorial.registry import content_models

PER_LIST = 15
START_PAGE_SECTIONS: list = []


@dataclass
class Waiting:
    what: str  # "wijziging in concept" or "concept"
    kind: str
    name: str
    url: str
    since: datetime
    by: str = ""


def _models():
    return [model for model in content_models() if model in admin.site._registry]


def _admin_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _named_rows(model):
    """Rows with what their names need (a trait is named after its approach and city), and
    without their large read-only data (boundaries)."""
    related, large = [], []
    for field in model._meta.fields:
        if isinstance(field, JSONField) and field.name != "pending_changes":
            large.append(field.name)
        if field.many_to_one:
            related.append(field.name)
            for inner in field.related_model._meta.fields:
                if inner.many_to_one and inner.related_model is not field.related_model:
                    related.append(f"{field.name}__{inner.name}")
                if isinstance(inner, JSONField):
                    large.append(f"{field.name}__{inner.name}")
    rows = model._base_manager.defer(*large)
    return rows.select_related(*related) if related else rows


def waiting_for_publication() -> list[Waiting]:
    """The rows with pending changes and the drafts, newest first (PER_LIST of each at most)."""
    found = []
    for model in _models():
        rows = _named_rows(model)
        kind = str(model._meta.verbose_name)
        for what, condition in [
            ("wijziging in concept", Q(pending_changes__isnull=False)),
            ("concept", Q(status=Status.DRAFT)),
        ]:
            for row in rows.filter(condition).order_by("-updated_at")[:PER_LIST]:
                found.append(Waiting(what, kind, str(row), _admin_url(row), row.updated_at))
                found[-1].row = row
    found.sort(key=lambda item: item.since, reverse=True)
    found = found[: 2 * PER_LIST]
    _fill_in_editors(found)
    return found


def _fill_in_editors(items: list[Waiting]) -> None:
    """Who last changed each row, from one query of the admin log."""
    if not items:
        return
    types = ContentType.objects.get_for_models(*{type(item.row) for item in items})
    wanted = Q()
    for item in items:
        wanted |= Q(content_type=types[type(item.row)], object_id=str(item.row.pk))
    entries = LogEntry.objects.filter(wanted).select_related("user").order_by("-action_time")
    last_by = {}
    for entry in entries[: 20 * len(items)]:
        last_by.setdefault((entry.content_type_id, entry.object_id), entry)
    for item in items:
        entry = last_by.get((types[type(item.row)].pk, str(item.row.pk)))
        item.by = _who(entry.user) if entry else ""


def _who(user) -> str:
    return user.get_full_name() or user.get_username() if user else ""


def recent_changes_by_others(user) -> list[LogEntry]:
    types = ContentType.objects.get_for_models(*_models()).values()
    return list(
        LogEntry.objects.filter(content_type__in=types)
        .exclude(user=user)
        .select_related("user", "content_type")
        .order_by("-action_time")[:PER_LIST]
    )


def start_page_context(request) -> dict:
    sections = [section(request) for section in START_PAGE_SECTIONS]
    return {
        "waiting": waiting_for_publication(),
        "recent_by_others": [
            {
                "entry": entry,
                "by": _who(entry.user),
                "url": entry.get_admin_url(),
            }
            for entry in recent_changes_by_others(request.user)
        ],
        "extra_sections": [section for section in sections if section],
    }
