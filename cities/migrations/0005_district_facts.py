from django.db import migrations, models

# Den Haag's CBS wijk Schildersbuurt; the fact sheet (shared/source/facts.md) names it Schilderswijk.
SCHILDERSBUURT = "WK051829"


def focus_from_flag(apps, schema_editor):
    """A ticked box was a source's yes; an unticked one never meant that a source said no."""
    District = apps.get_model("cities", "District")
    District.objects.filter(is_focus_area=True).update(focus_area="ja")
    District.objects.filter(cbs_code=SCHILDERSBUURT, other_names="").update(
        other_names="Schilderswijk"
    )


def flag_from_focus(apps, schema_editor):
    District = apps.get_model("cities", "District")
    District.objects.filter(focus_area="ja").update(is_focus_area=True)


class Migration(migrations.Migration):

    dependencies = [
        ('cities', '0004_sources_in_library'),
    ]

    operations = [
        migrations.AddField(
            model_name='district',
            name='area_km2',
            field=models.FloatField(blank=True, editable=False, null=True, verbose_name='oppervlakte (km²)'),
        ),
        migrations.AddField(
            model_name='district',
            name='focus_area',
            field=models.CharField(choices=[('ja', 'Ja'), ('nee', 'Nee'), ('onbekend', 'Onbekend')], default='onbekend', help_text='‘Onbekend’ tot een bron zegt of dit een focuswijk is; een bron die wijken telt maar niet noemt, maakt ze niet bekend.', max_length=8, verbose_name='focusgebied van de aanpak'),
        ),
        migrations.AddField(
            model_name='district',
            name='neighbours',
            field=models.ManyToManyField(blank=True, editable=False, to='cities.district', verbose_name='grenst aan'),
        ),
        migrations.AddField(
            model_name='district',
            name='other_names',
            field=models.TextField(blank=True, help_text='Namen die mensen of bronnen ook gebruiken, één per regel (bijvoorbeeld ‘Schilderswijk’ voor Schildersbuurt). Zoeken vindt de wijk ook op deze namen.', verbose_name='andere namen'),
        ),
        migrations.AlterField(
            model_name='district',
            name='body',
            field=models.CharField(blank=True, choices=[('', 'Geen eigen orgaan bekend'), ('stadsdeelcommissie', 'Stadsdeelcommissie'), ('gebiedscommissie', 'Gebiedscommissie'), ('wijkraad', 'Wijkraad'), ('wijkcomite', 'Wijkcomité (geloot)')], default='', max_length=20, verbose_name='gekozen of geloot orgaan'),
        ),
        migrations.RunPython(focus_from_flag, flag_from_focus),
        migrations.RemoveField(
            model_name='district',
            name='is_focus_area',
        ),
    ]
