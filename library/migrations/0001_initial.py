import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    """Source and Term, moved here from the project package. Their tables stay as they are
    (buurtwijs_source, buurtwijs_term, buurtwijs_term_sources): only Django's picture changes."""

    dependencies = [
        ('buurtwijs', '0006_pending_changes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Source',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('concept', 'Concept'), ('gepubliceerd', 'Gepubliceerd')], db_index=True, default='concept', max_length=12, verbose_name='status')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='laatst gewijzigd')),
                        ('published_at', models.DateTimeField(blank=True, db_index=True, editable=False, null=True, verbose_name='laatst gepubliceerd')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='versie')),
                        ('pending_changes', models.JSONField(blank=True, editable=False, null=True, verbose_name='wijzigingen in concept')),
                        ('title', models.CharField(max_length=300, verbose_name='titel')),
                        ('slug', models.SlugField(max_length=120, unique=True, verbose_name='slug')),
                        ('kind', models.CharField(choices=[('artikel', 'Artikel'), ('statistiek', 'Statistiek'), ('beleid', 'Beleidsdocument'), ('data', 'Open data')], default='artikel', max_length=12, verbose_name='soort')),
                        ('author', models.CharField(blank=True, max_length=200, verbose_name='auteur')),
                        ('publisher', models.CharField(blank=True, max_length=200, verbose_name='uitgever')),
                        ('published_on', models.DateField(blank=True, null=True, verbose_name='publicatiedatum')),
                        ('published_on_note', models.CharField(blank=True, help_text="Bijvoorbeeld 'geschreven vóór 21 maart 2018' als de precieze datum onbekend is.", max_length=120, verbose_name='toelichting bij de datum')),
                        ('url', models.URLField(blank=True, verbose_name='webadres')),
                        ('description', models.TextField(blank=True, verbose_name='beschrijving')),
                    ],
                    options={
                        'verbose_name': 'bron',
                        'verbose_name_plural': 'bronnen',
                        'db_table': 'buurtwijs_source',
                        'ordering': ['title'],
                    },
                ),
                migrations.CreateModel(
                    name='Term',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('concept', 'Concept'), ('gepubliceerd', 'Gepubliceerd')], db_index=True, default='concept', max_length=12, verbose_name='status')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt')),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True, verbose_name='laatst gewijzigd')),
                        ('published_at', models.DateTimeField(blank=True, db_index=True, editable=False, null=True, verbose_name='laatst gepubliceerd')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='versie')),
                        ('pending_changes', models.JSONField(blank=True, editable=False, null=True, verbose_name='wijzigingen in concept')),
                        ('name', models.CharField(max_length=120, verbose_name='begrip')),
                        ('slug', models.SlugField(max_length=120, unique=True, verbose_name='slug')),
                        ('definition', models.TextField(verbose_name='uitleg')),
                        ('sources', models.ManyToManyField(blank=True, db_table='buurtwijs_term_sources', related_name='terms', to='library.source', verbose_name='bronnen')),
                    ],
                    options={
                        'verbose_name': 'begrip',
                        'verbose_name_plural': 'begrippen',
                        'db_table': 'buurtwijs_term',
                        'ordering': ['name'],
                        'indexes': [models.Index(models.OrderBy(django.db.models.functions.comparison.Coalesce('published_at', 'updated_at'), descending=True), models.OrderBy(models.F('id'), descending=True), name='term_recent_idx')],
                    },
                ),
    
            ],
            database_operations=[],
        ),
    ]
