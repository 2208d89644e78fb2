"""How a field's value is shown to an editor and kept as JSON while it waits for publication.

Shared by the locking (conflict messages), the history (comparisons) and the pending changes.
"""

import json

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.formats import localize

EMPTY = "(leeg)"


def model_field(model, name):
    """The model field called ``name``; None for a field of the form only (the loaded version)."""
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def display(field, value) -> str:
    """A value as an editor reads it: choices by label, booleans as ja/nee, rows by name."""
    if value is None or value == "" or value == []:
        return EMPTY
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.QuerySet | list | tuple):
        return ", ".join(str(item) for item in value) or EMPTY
    return localize(value) if not isinstance(value, str) else value


def value_to_json(field, value):
    """A form's cleaned value of ``field`` in a form JSON can hold (pks for relations)."""
    if field.many_to_many:
        return sorted(item.pk if isinstance(item, models.Model) else item for item in value or [])
    if isinstance(value, models.Model):
        return value.pk
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def value_from_json(field, stored):
    if field.many_to_many:
        target = field.target_field
        return [target.to_python(pk) for pk in stored or []]
    return field.to_python(stored)
