"""The search index: one row per published object, its search vector kept by PostgreSQL itself."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Func, Value
from django.db.models.functions import Concat, Lower

# A copy of PostgreSQL's `dutch` configuration that strips accents before stemming (created in
# migration 0001), so "reeel" finds "reëel" and "comite" finds "comité".
SEARCH_CONFIG = "dutch_unaccent"


class SearchUnaccent(Func):
    """`unaccent` in an IMMUTABLE function (migration 0001), so columns and indexes can use it."""

    function = "search_unaccent"
    output_field = models.TextField()


class SearchLexemes(Func):
    """The lexemes of a tsvector as one space-separated text (IMMUTABLE, migration 0001)."""

    function = "search_lexemes"
    output_field = models.TextField()


def _all_text() -> Concat:
    return Concat(
        F("title"),
        Value(" "),
        F("other_names"),
        Value(" "),
        F("body"),
        Value(" "),
        F("description"),
        output_field=models.TextField(),
    )


class Kind(models.TextChoices):
    # This order is the order of the groups on the results page.
    CITY = "stad", "Steden"
    DISTRICT = "wijk", "Wijken en gebieden"
    APPROACH = "aanpak", "Aanpakken"
    ASSESSMENT = "typering", "Typeringen per dimensie"
    TRAIT = "kenmerk", "Sterke en zwakke punten, risico's en open vragen"
    ROLE = "rol", "Rollen"
    TERM = "begrip", "Begrippen"
    SOURCE = "bron", "Bronnen"


class SearchEntry(models.Model):
    """What search knows about one published object; rebuilt from the content, never edited."""

    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField("object")
    title = models.CharField("titel", max_length=400)
    body = models.TextField("tekst", blank=True)
    # Other names people use for the same thing (a district's "Schilderswijk"), one per line.
    other_names = models.TextField("andere namen", blank=True)
    # What and where the object is, in words ("gebied in Rotterdam"), shown beside the title.
    description = models.CharField("wat en waar", max_length=300, blank=True)
    # Among equally good matches the larger area first: the gebied Feijenoord above the wijk.
    tie_order = models.PositiveSmallIntegerField("volgorde bij gelijke treffers", default=0)
    url = models.CharField("adres", max_length=400)
    city_name = models.CharField("stad", max_length=100, blank=True)
    vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("other_names", weight="A", config=SEARCH_CONFIG)
        + SearchVector("body", weight="B", config=SEARCH_CONFIG)
        # "wijk in Rotterdam, gebied Feijenoord": found, but adds nothing to the rank
        # (search.query.RANK_WEIGHTS) and never shows in a snippet.
        + SearchVector("description", weight="D", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Stems of every word, for finding a stem inside compounds ("makelaar" in "gebiedsmakelaar").
    lexemes = models.GeneratedField(
        expression=SearchLexemes(
            SearchVector(
                _all_text(),
                config=SEARCH_CONFIG,
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
    )
    # Title and other names without accents in lower case, for "Bedoelde u ...?" (pg_trgm).
    names_key = models.GeneratedField(
        expression=SearchUnaccent(
            Lower(
                Concat(F("title"), Value("\n"), F("other_names"), output_field=models.TextField())
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
    )
    # Every word as written (no stemming, no accents): is the query a word the content uses?
    words = models.GeneratedField(
        expression=SearchVector(SearchUnaccent(Lower(_all_text())), config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = "zoekingang"
        verbose_name_plural = "zoekindex"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="search_entry_unique_object"
            ),
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_entry_vector"),
            GinIndex(OpClass("lexemes", name="gin_trgm_ops"), name="search_entry_lexemes_trgm"),
            GinIndex(OpClass("names_key", name="gin_trgm_ops"), name="search_entry_names_trgm"),
            GinIndex(fields=["words"], name="search_entry_words"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"
