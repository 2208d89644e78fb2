from django.core.management.base import BaseCommand

from search.index import rebuild


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op uit de gepubliceerde inhoud (veilig om te herhalen)."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"Zoekindex opnieuw opgebouwd: {count} ingangen.")
