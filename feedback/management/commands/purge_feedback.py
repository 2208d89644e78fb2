"""Deletes readers' messages handled longer ago than the retention period, e-mail addresses
included (AVG). Safe to run any number of times: what is gone stays gone, the rest is untouched.

A proposal is deleted with its proposer's name and address; the draft or published city it
became stays (it is the editors' content now).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from feedback.models import CityProposal, Correction


class Command(BaseCommand):
    help = "Wist afgehandelde reacties en voorstellen na de bewaartermijn."

    def handle(self, *args, **options):
        with transaction.atomic():
            corrections, _ = Correction.objects.past_retention().delete()
            proposals, _ = CityProposal.objects.past_retention().delete()
        days = settings.FEEDBACK_RETENTION_DAYS
        self.stdout.write(
            f"{corrections} correcties en {proposals} voorstellen gewist "
            f"(afgehandeld meer dan {days} dagen geleden)."
        )
