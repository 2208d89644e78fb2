import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.text
import search.models
from django.db import migrations, models

# The search column needs IMMUTABLE expressions; `unaccent(text)` is only STABLE because it looks up
# its dictionary by name at run time, so these functions name it explicitly.
SEARCH_SQL = """
CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION dutch_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, dutch_stem;

CREATE FUNCTION search_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

CREATE FUNCTION search_lexemes(tsvector) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN array_to_string(tsvector_to_array($1), ' ');
"""

DROP_SEARCH_SQL = """
DROP FUNCTION IF EXISTS search_lexemes(tsvector);
DROP FUNCTION IF EXISTS search_unaccent(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS dutch_unaccent;
"""


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("buurtwijs", "0002_search_extensions"),
    ]

    operations = [
        migrations.RunSQL(SEARCH_SQL, reverse_sql=DROP_SEARCH_SQL),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('stad', 'Steden'), ('wijk', 'Wijken en gebieden'), ('aanpak', 'Aanpakken'), ('typering', 'Typeringen per dimensie'), ('kenmerk', "Sterke en zwakke punten, risico's en open vragen"), ('rol', 'Rollen'), ('begrip', 'Begrippen'), ('bron', 'Bronnen')], max_length=10, verbose_name='soort')),
                ('object_id', models.PositiveBigIntegerField(verbose_name='object')),
                ('title', models.CharField(max_length=400, verbose_name='titel')),
                ('body', models.TextField(blank=True, verbose_name='tekst')),
                ('url', models.CharField(max_length=400, verbose_name='adres')),
                ('city_name', models.CharField(blank=True, max_length=100, verbose_name='stad')),
                ('vector', models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('title', config='dutch_unaccent', weight='A'), '||', django.contrib.postgres.search.SearchVector('body', config='dutch_unaccent', weight='B'), django.contrib.postgres.search.SearchConfig('dutch_unaccent')), output_field=django.contrib.postgres.search.SearchVectorField())),
                ('lexemes', models.GeneratedField(db_persist=True, expression=search.models.SearchLexemes(django.contrib.postgres.search.SearchVector(django.db.models.functions.text.Concat(models.F('title'), models.Value(' '), models.F('body'), output_field=models.TextField()), config='dutch_unaccent')), output_field=models.TextField())),
                ('title_key', models.GeneratedField(db_persist=True, expression=search.models.SearchUnaccent(django.db.models.functions.text.Lower('title')), output_field=models.TextField())),
            ],
            options={
                'verbose_name': 'zoekingang',
                'verbose_name_plural': 'zoekindex',
                'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['vector'], name='search_entry_vector'), django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.indexes.OpClass('lexemes', name='gin_trgm_ops'), name='search_entry_lexemes_trgm'), django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.indexes.OpClass('title_key', name='gin_trgm_ops'), name='search_entry_title_trgm')],
                'constraints': [models.UniqueConstraint(fields=('kind', 'object_id'), name='search_entry_unique_object')],
            },
        ),
    ]
