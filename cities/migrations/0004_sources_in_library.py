import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Sources now live in the library app; the columns and link tables do not change."""

    dependencies = [
        ('cities', '0003_pending_changes'),
        ('library', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='city',
                    name='inhabitants_source',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='library.source', verbose_name='bron inwonertal'),
                ),
                migrations.AlterField(
                    model_name='city',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='cities', to='library.source', verbose_name='bronnen'),
                ),
                migrations.AlterField(
                    model_name='district',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='districts', to='library.source', verbose_name='bronnen'),
                ),
            ],
            database_operations=[],
        ),
    ]
