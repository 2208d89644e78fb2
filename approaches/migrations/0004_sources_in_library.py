from django.db import migrations, models


class Migration(migrations.Migration):
    """Sources now live in the library app; the columns and link tables do not change."""

    dependencies = [
        ('approaches', '0003_pending_changes'),
        ('library', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='approach',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='approaches', to='library.source', verbose_name='bronnen'),
                ),
                migrations.AlterField(
                    model_name='assessment',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='assessments', to='library.source', verbose_name='bronnen'),
                ),
                migrations.AlterField(
                    model_name='period',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='periods', to='library.source', verbose_name='bronnen'),
                ),
                migrations.AlterField(
                    model_name='role',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='roles', to='library.source', verbose_name='bronnen'),
                ),
                migrations.AlterField(
                    model_name='trait',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='traits', to='library.source', verbose_name='bronnen'),
                ),
            ],
            database_operations=[],
        ),
    ]
