"""Load the open boundary data (CBS wijken and gemeenten 2018, Amsterdam's gebieden)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cities import boundaries


class Command(BaseCommand):
    help = (
        "Leest de grenzen van steden, wijken en gebieden uit de GeoJSON-bestanden in "
        "BOUNDARY_DATA_DIR (of --path) en koppelt ze aan de steden en wijken. Veilig om vaker "
        "te draaien: bestaande wijken krijgen alleen hun grens."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", type=Path, help="map met de GeoJSON-bestanden")
        parser.add_argument(
            "--if-present",
            action="store_true",
            help="stil overslaan (zonder fout) als de bestanden er niet zijn",
        )

    def handle(self, *args, path=None, if_present=False, **options):
        directory = path or Path(settings.BOUNDARY_DATA_DIR)
        try:
            report = boundaries.load(directory)
        except boundaries.BoundaryDataMissing as missing:
            if if_present:
                self.stdout.write(f"Geen kaartdata in {directory}: kaarten worden overgeslagen.")
                return
            raise CommandError(
                f"{missing} Geef de map met --path of de omgevingsvariabele "
                "BUURTWIJS_BOUNDARY_DATA (zie README, 'Kaartdata')."
            ) from missing
        except boundaries.BoundaryDataError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
