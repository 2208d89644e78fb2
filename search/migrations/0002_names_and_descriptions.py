"""Other names and a description per entry; the generated columns take them in.

PostgreSQL cannot change a generated column's expression, so those columns (and their indexes)
are dropped and added again; PostgreSQL computes them anew from the stored rows. The entries
get their descriptions from the rebuild after `migrate` (search.apps.complete_entries).
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.text
import search.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0001_initial'),
    ]

    operations = [
        migrations.RemoveIndex(model_name='searchentry', name='search_entry_title_trgm'),
        migrations.RemoveIndex(model_name='searchentry', name='search_entry_vector'),
        migrations.RemoveIndex(model_name='searchentry', name='search_entry_lexemes_trgm'),
        migrations.RemoveField(model_name='searchentry', name='title_key'),
        migrations.RemoveField(model_name='searchentry', name='vector'),
        migrations.RemoveField(model_name='searchentry', name='lexemes'),
        migrations.AddField(
            model_name='searchentry',
            name='description',
            field=models.CharField(blank=True, max_length=300, verbose_name='wat en waar'),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='tie_order',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='volgorde bij gelijke treffers'),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='other_names',
            field=models.TextField(blank=True, verbose_name='andere namen'),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='vector',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='dutch_unaccent', weight='A'), '||', django.contrib.postgres.search.SearchVector('other_names', config='dutch_unaccent', weight='A'), django.contrib.postgres.search.SearchConfig('dutch_unaccent')), '||', django.contrib.postgres.search.SearchVector('body', config='dutch_unaccent', weight='B'), django.contrib.postgres.search.SearchConfig('dutch_unaccent')), '||', django.contrib.postgres.search.SearchVector('description', config='dutch_unaccent', weight='D'), django.contrib.postgres.search.SearchConfig('dutch_unaccent')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='lexemes',
            field=models.GeneratedField(db_persist=True, expression=search.models.SearchLexemes(django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Concat(models.F('title'), models.Value(' '), models.F('other_names'), models.Value(' '), models.F('body'), models.Value(' '), models.F('description'), output_field=models.TextField()), config='dutch_unaccent')), output_field=models.TextField()),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='names_key',
            field=models.GeneratedField(db_persist=True, expression=search.models.SearchUnaccent(django.db.models.functions.text.Lower(django.db.models.functions.text.Concat(models.F('title'), models.Value('\n'), models.F('other_names'), output_field=models.TextField()))), output_field=models.TextField()),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='words',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.SearchVector(search.models.SearchUnaccent(django.db.models.functions.text.Lower(django.db.models.functions.text.Concat(models.F('title'), models.Value(' '), models.F('other_names'), models.Value(' '), models.F('body'), models.Value(' '), models.F('description'), output_field=models.TextField()))), config='simple'), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name='searchentry',
            index=django.contrib.postgres.indexes.GinIndex(fields=['vector'], name='search_entry_vector'),
        ),
        migrations.AddIndex(
            model_name='searchentry',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.indexes.OpClass('lexemes', name='gin_trgm_ops'), name='search_entry_lexemes_trgm'),
        ),
        migrations.AddIndex(
            model_name='searchentry',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.indexes.OpClass('names_key', name='gin_trgm_ops'), name='search_entry_names_trgm'),
        ),
        migrations.AddIndex(
            model_name='searchentry',
            index=django.contrib.postgres.indexes.GinIndex(fields=['words'], name='search_entry_words'),
        ),
    ]
