"""manage.py remove_scale_data: removes what make_scale_data made, and nothing else."""

from django.core.management.base import BaseCommand

from scale_data import generate as scale_data


class Command(BaseCommand):
    help = "Verwijdert alle synthetische testdata van make_scale_data; echte inhoud blijft staan."

    def handle(self, *args, **options):
        removed = scale_data.remove()
        self.stdout.write(f"Synthetische testdata verwijderd: {removed}.")
