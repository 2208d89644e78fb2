"""manage.py make_scale_data: the synthetic data set for the speed benchmark."""

import time

from django.core.management.base import BaseCommand, CommandError

from scale_data import generate as scale_data


class Command(BaseCommand):
    help = (
        "Maakt synthetische steden (slug 'synth-…', naam '(synthetisch)') met wijken, een aanpak, "
        "typeringen en kenmerken voor de snelheidsmeting. Vervangt een eerdere synthetische set; "
        "echte inhoud blijft onaangeroerd. Verwijderen: manage.py remove_scale_data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cities", type=int, default=350, help="aantal steden (standaard 350)")
        parser.add_argument(
            "--districts", type=int, default=40, help="wijken per stad (standaard 40)"
        )

    def handle(self, *args, cities: int, districts: int, **options):
        started = time.monotonic()
        try:
            made = scale_data.make(cities=cities, districts=districts)
        except ValueError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(f"Synthetische testdata gemaakt in {seconds:.1f} s: {made}.")
