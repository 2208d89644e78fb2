"""The content command: creates what is missing, keeps what editors changed, publishes it all."""

from io import StringIO

import pytest
from django.core.management import call_command

from approaches.models import (
    Approach,
    Assessment,
    Dimension,
    DimensionOption,
    Period,
    Role,
    Trait,
)
from cities.models import City, District
from editorial.models import Status
from library.models import Source, Term

CONTENT_MODELS = [
    Source,
    Term,
    Dimension,
    DimensionOption,
    City,
    District,
    Approach,
    Assessment,
    Trait,
    Period,
    Role,
]
CITED_MODELS = [Term, City, District, Approach, Assessment, Trait, Period, Role]
ARTICLE = "typering-van-de-drie-steden"


def load() -> str:
    out = StringIO()
    call_command("load_content", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(content_per_module, db):
    """The content loaded once for this module's read-only checks."""


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in CONTENT_MODELS}


@pytest.mark.django_db
def test_the_first_run_says_in_dutch_how_much_it_created():
    output = load()

    created = sum(row_counts().values())
    assert output.strip() == f"Startinhoud: {created} nieuw, 0 bestonden al."


def test_a_second_run_creates_nothing(content):
    before = row_counts()

    output = load()

    assert row_counts() == before
    assert output.strip() == f"Startinhoud: 0 nieuw, {sum(before.values())} bestonden al."


def test_an_editors_changes_survive_a_second_run(content):
    utrecht = City.objects.get(slug="utrecht")
    utrecht.summary = "Door een redacteur herschreven."
    utrecht.save()
    District.objects.filter(city=utrecht, slug="west").update(name="Utrecht-West")
    strengths = Trait.objects.filter(approach__city=utrecht, kind=Trait.Kind.STRENGTH)
    strengths.filter(order=1).update(text="Door een redacteur aangescherpt.")

    load()

    assert City.objects.get(slug="utrecht").summary == "Door een redacteur herschreven."
    assert District.objects.get(city=utrecht, slug="west").name == "Utrecht-West"
    assert not District.objects.filter(city=utrecht, name="West").exists()
    assert strengths.get(order=1).text == "Door een redacteur aangescherpt."


def test_a_deleted_trait_comes_back_and_its_edited_sibling_is_kept(content):
    risks = Trait.objects.filter(approach__city__slug="amsterdam", kind=Trait.Kind.RISK)
    count = risks.count()
    risks.get(order=1).delete()
    risks.filter(order=2).update(text="Door een redacteur herschreven risico.")

    load()

    assert risks.count() == count
    assert risks.get(order=2).text == "Door een redacteur herschreven risico."
    assert "plichtmatige" in risks.get(order=1).text


def test_sources_of_an_existing_row_are_not_attached_again(content):
    term = Term.objects.get(slug="kanteling")
    term.sources.clear()

    load()

    assert not term.sources.exists()


def test_a_role_unlinked_by_an_editor_stays_unlinked(content):
    role = Role.objects.get(slug="gebiedsmakelaar")
    role.approaches.clear()

    load()

    assert not role.approaches.exists()


@pytest.mark.parametrize(
    ("city", "kind", "count"),
    [
        ("utrecht", District.Kind.WIJK, 10),
        ("amsterdam", District.Kind.STADSDEEL, 7),
        ("amsterdam", District.Kind.GEBIED, 22),
        ("rotterdam", District.Kind.GEBIED, 14),
        ("den-haag", District.Kind.WIJK, 44),
    ],
)
def test_each_city_gets_its_districts(loaded, city, kind, count):
    assert District.objects.filter(city__slug=city, kind=kind).count() == count


@pytest.mark.parametrize(
    ("body", "count"),
    [
        (District.Body.GEBIEDSCOMMISSIE, 12),
        (District.Body.WIJKRAAD, 14),
        (District.Body.WIJKCOMITE, 6),
    ],
)
def test_rotterdam_gets_its_bodies_of_2018(loaded, body, count):
    assert District.objects.filter(city__slug="rotterdam", body=body).count() == count


def test_every_city_has_one_approach(loaded):
    for city in City.objects.all():
        assert city.approaches.count() == 1, city


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_everything_created_is_published(loaded, model):
    rows = model.objects.all()
    assert rows.exists()
    assert not rows.exclude(status=Status.PUBLISHED).exists()
    assert not rows.filter(published_at=None).exists()


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_everything_created_passes_model_validation(loaded, model):
    for row in model.objects.all():
        row.full_clean()


@pytest.mark.parametrize("model", CITED_MODELS, ids=lambda model: model.__name__)
def test_every_piece_of_content_cites_a_source(loaded, model):
    uncited = model.objects.filter(sources=None)
    assert not uncited.exists(), list(uncited)


def test_every_city_names_the_source_of_its_inhabitants(loaded):
    cbs = Source.objects.get(slug="cbs-gebieden-in-nederland-2017")
    assert set(City.objects.values_list("inhabitants_source", flat=True)) == {cbs.pk}


def test_the_article_is_cited_by_every_approach_and_city(loaded):
    article = Source.objects.get(slug=ARTICLE)

    assert set(article.approaches.all()) == set(Approach.objects.all())
    assert set(article.cities.all()) == set(City.objects.all())


def test_the_article_source_names_author_publisher_and_when_it_was_written(loaded):
    article = Source.objects.get(slug=ARTICLE)

    assert article.title == "Typering van de drie steden"
    assert article.author == "Henk Krijnen"
    assert article.publisher == "Buurtwijs"
    assert article.published_on is None
    assert article.published_on_note == "geschreven vóór de raadsverkiezingen van 21 maart 2018"


def test_sources_carry_only_known_addresses(loaded):
    urls = set(Source.objects.exclude(url="").values_list("url", flat=True))
    assert urls == {
        "https://service.pdok.nl/cbs/gebiedsindelingen/2018/wfs/v1_0",
        "https://maps.amsterdam.nl/open_geodata/geojson_lnglat.php"
        "?KAARTLAAG=INDELING_GEBIED&THEMA=gebiedsindeling",
    }


def _as_before_the_options_existed():
    """A database loaded before options, themes, passages and editor notes existed."""
    Assessment.objects.update(option=None, passage="")
    Dimension.objects.update(theme="")
    Role.objects.filter(slug="gebiedswerker").update(
        editor_note="",
        description="Wijkprofessional. Het artikel beschrijft de taken niet verder.",
    )


def test_an_older_database_gets_the_new_fields_once(content):
    _as_before_the_options_existed()

    output = load()

    assert "aangevuld" in output
    reach = Assessment.objects.get(approach__city__slug="den-haag", dimension__slug="reikwijdte")
    assert reach.option.slug == "selectie-van-wijken"
    assert reach.passage == "Krijnen, onder ‘Den Haag: wijkaanpak in zeven (probleem)wijken’"
    assert reach.version == 1
    assert Dimension.objects.get(slug="lokale-democratie").theme == "democratie"
    role = Role.objects.get(slug="gebiedswerker")
    assert "niet verder" not in role.description and "niet verder" in role.editor_note
    assert "aangevuld" not in load()


def test_an_option_an_editor_cleared_stays_cleared(content):
    reach = Assessment.objects.get(approach__city__slug="utrecht", dimension__slug="reikwijdte")
    reach.option = None
    reach.save()
    edited_role = Role.objects.get(slug="opbouwwerker")
    edited_role.description = "Door een redacteur geschreven."
    edited_role.editor_note = ""
    edited_role.save()

    load()

    reach.refresh_from_db()
    edited_role.refresh_from_db()
    assert reach.option is None
    assert edited_role.description == "Door een redacteur geschreven."
    assert edited_role.editor_note == ""


def test_the_rotterdam_assessments_stay_unknown_where_the_sources_say_nothing(loaded):
    scale = Assessment.objects.get(approach__city__slug="rotterdam", dimension__slug="schaal")
    assert scale.option is None
    democracy = Assessment.objects.get(
        approach__city__slug="rotterdam", dimension__slug="lokale-democratie"
    )
    assert democracy.option.slug == "gekoppeld"


def test_the_fact_sheet_is_a_compilation_with_its_underlying_sources(loaded):
    sheet = Source.objects.get(slug="feitenoverzicht-vier-steden")
    assert sheet.kind == Source.Kind.COMPILATION
    assert set(sheet.based_on.values_list("slug", flat=True)) == {
        ARTICLE,
        "cbs-gebieden-in-nederland-2017",
        "wijkwijzer-utrecht-2016",
        "rotterdam-verordening-wijkraden-2022",
    }
    assert sheet.publisher == ""
