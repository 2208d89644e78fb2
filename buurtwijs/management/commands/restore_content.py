"""manage.py restore_content FILE: put a backup back, into a database without content."""

import gzip
import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction

from buurtwijs.backup import MOVED_MODELS, content_tables, count_rows
from buurtwijs.cache import bump_content_version
from buurtwijs.management.commands.backup_content import SUFFIXES


class Command(BaseCommand):
    help = "Zet een back-up van backup_content terug in een database zonder inhoud."

    def add_arguments(self, parser):
        parser.add_argument("file", help="een back-up van backup_content (.json of .json.gz)")
        parser.add_argument(
            "--force",
            action="store_true",
            help="vervang de inhoud die er al is (wat niet in de back-up staat, gaat verloren)",
        )

    def handle(self, *args, file: str, force: bool, **options):
        path = Path(file)
        if not path.name.endswith(SUFFIXES) or not path.is_file():
            raise CommandError(f"Geen back-up gevonden op {path} (een .json- of .json.gz-bestand).")
        with transaction.atomic():
            existing = count_rows()
            if existing and not force:
                raise CommandError(
                    f"De database bevat al inhoud ({existing} rijen); er is niets teruggezet. "
                    "Herstel in een lege database, of gebruik --force om de inhoud te vervangen."
                )
            if existing:
                _empty_content_tables()
            _load(path)
            restored = count_rows()
        _rebuild_derived_data()
        self.stdout.write(f"Back-up uit {path} teruggezet: {restored} rijen inhoud.")


def _empty_content_tables() -> None:
    tables = [model._meta.db_table for model in content_tables()]
    with connection.cursor() as cursor:
        # Django's foreign keys are deferred; TRUNCATE refuses while checks are still pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=False):
            cursor.execute(statement)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _load(path: Path) -> None:
    """Load the backup, naming models that moved to another app by their current name."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as file:
        rows = json.load(file)
    for row in rows:
        row["model"] = MOVED_MODELS.get(row.get("model"), row.get("model"))
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as current:
        json.dump(rows, current)
        current.flush()
        call_command("loaddata", current.name, verbosity=0)


def _rebuild_derived_data() -> None:
    """The search index and page caches follow the content; after a restore they start over."""
    call_command("rebuild_search_index", verbosity=0)
    bump_content_version()
