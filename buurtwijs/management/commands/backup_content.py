"""manage.py backup_content FILE: every row of the content, from one consistent snapshot."""

import datetime
import gzip
import json
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from editorial.registry import content_models

SUFFIXES = (".json", ".json.gz")


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder rounds times to milliseconds; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Command(BaseCommand):
    help = (
        "Schrijft alle inhoud (steden, wijken, aanpakken, bronnen, begrippen ...) naar een bestand."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="bestand om te schrijven, eindigend op .json of .json.gz")

    def handle(self, *args, file: str, **options):
        path = Path(file)
        if not path.name.endswith(SUFFIXES):
            raise CommandError("Geef een bestandsnaam die eindigt op .json of .json.gz.")
        if not path.parent.is_dir():
            raise CommandError(f"De map {path.parent} bestaat niet.")
        objects = read_snapshot()
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "wt", encoding="utf-8") as stream:
            json.dump(objects, stream, cls=ExactJSONEncoder, ensure_ascii=False, indent=1)
        self.stdout.write(f"Back-up geschreven naar {path}: {len(objects)} objecten.")


def read_snapshot() -> list[dict]:
    """Every content object, in an order loaddata can insert them in."""
    snapshot_possible = not connection.in_atomic_block
    with transaction.atomic():
        if snapshot_possible:
            # One snapshot for every table, even while editors keep saving. (Called inside
            # someone else's transaction, that transaction decides what we see.)
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        objects = []
        for model in _in_dependency_order(content_models()):
            rows = model._base_manager.order_by("pk")
            objects += serializers.serialize("python", rows, use_natural_foreign_keys=True)
        return objects


def _in_dependency_order(models: list) -> list:
    by_app = {}
    for model in models:
        by_app.setdefault(apps.get_app_config(model._meta.app_label), []).append(model)
    return serializers.sort_dependencies(by_app.items(), allow_cycles=True)
