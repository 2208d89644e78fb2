"""Changes of many rows at once (loading content, boundaries, benchmark data).

Saving a row normally makes the page cache move to a new content version and updates the row's
search entry. For thousands of rows in one go that is wasted work: inside ``bulk_change`` those
per-row reactions stand aside (they ask ``in_bulk_change``), and at the end, still inside the
one transaction, ``bulk_changed`` is sent once so that each reacts to the whole change (the cache
raises the version once, the search index is rebuilt once).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, transaction
from django.dispatch import Signal

# Sent with ``using`` (the database alias) at the end of a bulk change, before its commit.
bulk_changed = Signal()

_active: ContextVar[bool] = ContextVar("editorial_bulk_change", default=False)


class BulkChange:
    """What the body of ``bulk_change`` may say: that it found nothing to change after all."""

    changed = True


@contextmanager
def bulk_change(using: str = DEFAULT_DB_ALIAS) -> Iterator[BulkChange]:
    """One transaction; per-row reactions wait and ``bulk_changed`` is sent once at its end."""
    token = _active.set(True)
    change = BulkChange()
    try:
        with transaction.atomic(using=using):
            yield change
            if change.changed:
                bulk_changed.send(sender=bulk_change, using=using)
    finally:
        _active.reset(token)


def in_bulk_change() -> bool:
    return _active.get()
