"""What putting back an old version would change, shown to the editor before they do it.

Compares every object of a stored revision with what is saved now: texts word by word (``<del>``
for words that would disappear, ``<ins>`` for words that would come back), other fields as plain
values, and which rows the revert would bring back or remove.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from reversion.revisions import _get_options

from editorial.values import EMPTY, display

# Bookkeeping, not content: never worth showing in a comparison.
SKIPPED_FIELDS = {"id", "version", "created_at", "updated_at", "published_at", "geometry"}


@dataclass
class FieldChange:
    label: str
    now: SafeString
    then: SafeString


@dataclass
class ObjectChange:
    name: str
    model_name: str
    state: str = "gewijzigd"  # or "komt terug" / "verdwijnt"
    fields: list[FieldChange] = field(default_factory=list)


def word_diff(now: str, then: str) -> tuple[SafeString, SafeString]:
    """Both texts as HTML; words only in ``now`` in <del>, words only in ``then`` in <ins>."""
    now_words = re.split(r"(\s+)", now or "")
    then_words = re.split(r"(\s+)", then or "")
    matcher = difflib.SequenceMatcher(None, now_words, then_words, autojunk=False)
    left, right = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = escape("".join(now_words[i1:i2])), escape("".join(then_words[j1:j2]))
        if tag == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f"<del>{old}</del>")
        if new:
            right.append(f"<ins>{new}</ins>")
    return mark_safe("".join(left) or EMPTY), mark_safe("".join(right) or EMPTY)  # noqa: S308


def _value(model_field, value) -> str:
    if model_field.many_to_many:
        related = model_field.related_model._base_manager.filter(pk__in=value or [])
        return display(model_field, list(related))
    if model_field.is_relation:
        related = model_field.related_model._base_manager.filter(pk=value).first()
        return display(model_field, related)
    return display(model_field, value)


def current_values(obj) -> dict:
    values = {f.attname: f.value_from_object(obj) for f in obj._meta.concrete_fields}
    for m2m in obj._meta.many_to_many:
        values[m2m.name] = [related.pk for related in getattr(obj, m2m.name).all()]
    return values


def _compared_fields(model) -> list:
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return [f for f in fields if f.name not in SKIPPED_FIELDS and f.editable and not f.auto_created]


def compare(model, now: dict, then: dict) -> list[FieldChange]:
    changes = []
    for model_field in _compared_fields(model):
        key = model_field.name if model_field.many_to_many else model_field.attname
        before, after = now.get(key), then.get(key)
        if model_field.many_to_many:
            before, after = sorted(before or []), sorted(after or [])
        if before == after:
            continue
        if isinstance(model_field, models.CharField | models.TextField) and not model_field.choices:
            left, right = word_diff(before, after)
        else:
            left, right = escape(_value(model_field, before)), escape(_value(model_field, after))
        changes.append(FieldChange(capfirst(model_field.verbose_name), left, right))
    return changes


def _followed(obj) -> list:
    rows = []
    for name in _get_options(type(obj)).follow:
        rows.extend(getattr(obj, name).all())
    return rows


def revert_changes(version) -> list[ObjectChange]:
    """What reverting to ``version`` would change, main object first (queries)."""
    versions = sorted(version.revision.version_set.all(), key=lambda v: (v.pk != version.pk, v.pk))
    changes, seen = [], set()
    for stored in versions:
        model = stored._model
        if model is None:
            continue
        seen.add((model, str(stored.object_id)))
        current = model._base_manager.filter(pk=stored.object_id).first()
        change = ObjectChange(stored.object_repr, capfirst(model._meta.verbose_name))
        if current is None:
            change.state = "komt terug"
        change.fields = compare(
            model, current_values(current) if current else {}, stored.field_dict
        )
        if change.fields or current is None:
            changes.append(change)
    main = version.object
    if main is not None:
        for row in _followed(main):
            if (type(row), str(row.pk)) not in seen:
                name = capfirst(row._meta.verbose_name)
                changes.append(ObjectChange(str(row), name, state="verdwijnt"))
    return changes
