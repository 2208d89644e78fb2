"""Changes to published content that wait for a chief editor.

An editor without the right to publish (Redacteur) may still improve a published page, but the
public keeps seeing the published text until a Hoofdredacteur publishes the change. What they
changed is kept on the row itself, in ``pending_changes`` ({field name: value as JSON}); the live
fields stay as they are. Editors see the pending values in the admin form and, with a banner, on
the real pages (``apply_pending`` below); search and the page cache only ever see the
live fields.

Keeping or dropping pending changes raises the row's version, so the optimistic locking in
``editorial.locking`` also covers them; the published date stays, as the public saw no change.
"""

from django.db import models
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone
from django.utils.text import capfirst

from editorial.history import FieldChange, compare, current_values
from editorial.values import model_field as _model_field
from editorial.values import value_to_json

# Sent when an object's held-back changes are stored or dropped. The public sees nothing new,
# but staff preview those changes on the pages, so what they see has changed.
held_back_changed = Signal()


def changed_values(form) -> dict:
    """What the editor changed in ``form``, as JSON by model field name."""
    values = {}
    for name in form.changed_data:
        model_field = _model_field(type(form.instance), name)
        if model_field is not None and name in form.cleaned_data:
            values[name] = value_to_json(model_field, form.cleaned_data[name])
    return values


def _live_json(obj, name):
    model_field = obj._meta.get_field(name)
    if model_field.many_to_many:
        return value_to_json(model_field, getattr(obj, name).values_list("pk", flat=True))
    return value_to_json(model_field, getattr(obj, model_field.attname))


def hold_back(obj, form) -> None:
    """Keep what ``form`` changed on the published ``obj`` apart from its live values (queries).

    ``obj`` holds the form's values when this is called; afterwards it holds the live values
    again, with the merged pending changes. A value changed back to the live one is dropped.
    """
    changed = changed_values(form)
    obj.refresh_from_db()
    merged = {**(obj.pending_changes or {}), **changed}
    pending = {name: value for name, value in merged.items() if value != _live_json(obj, name)}
    _store(obj, pending or None)


def discard_pending(obj) -> None:
    """Drop the held-back changes; the live values stay as they are (one query)."""
    _store(obj, None)


def _store(obj, pending) -> None:
    now = timezone.now()
    type(obj)._base_manager.filter(pk=obj.pk).update(
        pending_changes=pending, version=F("version") + 1, updated_at=now
    )
    obj.pending_changes, obj.updated_at = pending, now
    obj.version += 1
    held_back_changed.send(sender=type(obj), instance=obj, using=obj._state.db or "default")


def publish_pending(obj) -> None:
    """Make the held-back changes live, as a save does: new version, publication date (queries).

    Raises ValidationError when a value no longer fits, say a slug taken in the meantime.
    """
    values = obj.pending_values()
    links = {}
    for name, value in values.items():
        model_field = obj._meta.get_field(name)
        if model_field.many_to_many:
            links[name] = value
        else:
            setattr(obj, model_field.attname, value)
    others = [f.name for f in obj._meta.fields if f.name not in values]
    obj.clean_fields(exclude=others)
    obj.clean()
    obj.validate_unique()
    obj.validate_constraints()
    obj.pending_changes = None
    obj.save()
    for name, pks in links.items():
        getattr(obj, name).set(pks)


def pending_labels(obj) -> list[str]:
    """The names of the fields with held-back changes, as the form labels them."""
    labels = []
    for name in obj.pending_changes or {}:
        model_field = _model_field(type(obj), name)
        if model_field is not None:
            labels.append(capfirst(model_field.verbose_name))
    return labels


def pending_diff(obj) -> list[FieldChange]:
    """Live values against the held-back ones, texts word by word (queries)."""
    pending = {}
    for name, value in obj.pending_values().items():
        model_field = obj._meta.get_field(name)
        pending[name if model_field.many_to_many else model_field.attname] = value
    live = current_values(obj)
    return compare(type(obj), live, {**live, **pending})


# --- Previewing on the real pages ---------------------------------------------------------


def _previewable(model_field) -> bool:
    # Links to other rows and slugs stay as published: the page is built from the published
    # relations, and a pending slug would give links that lead nowhere yet.
    return not model_field.is_relation and not isinstance(model_field, models.SlugField)


def apply_pending(user, objects) -> list:
    """For staff, show each object's held-back changes in place of its published values.

    In memory only, never saved, and no queries. Others see the objects as published. Returns
    the objects that now show a change, which are also marked ``shows_pending``.
    """
    if not (user.is_authenticated and user.is_staff):
        return []
    shown = []
    for obj in objects:
        for name, value in obj.pending_values().items():
            model_field = obj._meta.get_field(name)
            if _previewable(model_field):
                setattr(obj, model_field.attname, value)
                obj.shows_pending = True
        if getattr(obj, "shows_pending", False):
            shown.append(obj)
    return shown
