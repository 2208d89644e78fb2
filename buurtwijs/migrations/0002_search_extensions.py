from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm and unaccent, used by the Dutch full-text search."""

    dependencies = [("buurtwijs", "0001_initial")]

    operations = [TrigramExtension(), UnaccentExtension()]
