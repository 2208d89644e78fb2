"""How a city works in its districts, and the axes along which approaches are compared."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from cities.models import City
from editorial.models import Publishable, recent_changes_index
from library.models import Source

PASSAGE_HELP = (
    "Waar in de bron dit staat: een paginanummer, een hoofdstuk of de tussenkop van een artikel. "
    "Noem de bron erbij als er meer dan één is. Leeg laten als dat niet bekend is."
)


def passage_field():
    """Where in its sources a claim can be found; blank when nobody knows."""
    return models.CharField(
        "vindplaats in de bron", max_length=200, blank=True, help_text=PASSAGE_HELP
    )


class Theme(models.TextChoices):
    """The groups of rows in the comparison, in the order it shows them."""

    SET_UP = "opzet", "Opzet van de aanpak"
    ORGANISATION = "organisatie", "Sturing, organisatie en geld"
    PEOPLE = "mensen", "Mensen in de wijk"
    DEMOCRACY = "democratie", "Lokale democratie"
    LEARNING = "leren", "Leren en vernieuwen"


class Dimension(Publishable):
    """An axis of comparison, defined and ordered by editors."""

    name = models.CharField("naam", max_length=100)
    slug = models.SlugField("slug", max_length=100, unique=True)
    question = models.CharField("vraag", max_length=300)
    order = models.PositiveSmallIntegerField("volgorde", default=0, db_index=True)
    theme = models.CharField(
        "thema",
        max_length=20,
        choices=Theme.choices,
        blank=True,
        help_text="De groep waarin de vergelijking deze dimensie toont. Leeg: onder ‘Overig’.",
    )

    class Meta:
        verbose_name = "dimensie"
        verbose_name_plural = "dimensies"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class DimensionOption(Publishable):
    """One of the few categories an approach can fall in on a dimension ("Hele stad").

    Two approaches with the same option are the same on that dimension; the comparison marks a
    row as different only when the chosen options differ.
    """

    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="options", verbose_name="dimensie"
    )
    label = models.CharField(
        "keuze",
        max_length=80,
        help_text="Kort en vergelijkbaar, bijvoorbeeld ‘Hele stad’ of ‘Geselecteerde wijken’.",
    )
    slug = models.SlugField("slug", max_length=80)
    order = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        verbose_name = "keuze op een dimensie"
        verbose_name_plural = "keuzes op een dimensie"
        ordering = ["dimension__order", "order", "label"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "slug"],
                name="dimension_option_slug_unique_per_dimension",
                violation_error_message="Deze dimensie heeft al een keuze met deze slug.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.label}" if self.dimension_id else self.label


class Approach(Publishable):
    """A city's way of working in its districts during a period."""

    class Scope(models.TextChoices):
        WHOLE_CITY = "hele-stad", "De hele stad"
        FOCUS_DISTRICTS = "focuswijken", "Geselecteerde focuswijken"
        UNIFORM_METHOD = "uniforme-methode", "Eén uniforme werkmethode voor de hele stad"

    city = models.ForeignKey(
        City, on_delete=models.CASCADE, related_name="approaches", verbose_name="stad"
    )
    name = models.CharField("naam", max_length=200)
    slug = models.SlugField("slug", max_length=120)
    scope = models.CharField("reikwijdte", max_length=20, choices=Scope.choices)
    focus_area_count = models.PositiveSmallIntegerField(
        "aantal focuswijken",
        null=True,
        blank=True,
        help_text=(
            "Het aantal focuswijken volgens de bron, ook als ze (nog) niet bij naam bekend zijn."
        ),
    )
    summary = models.TextField("samenvatting")
    body = models.TextField("beschrijving", blank=True)
    is_incomplete = models.BooleanField(
        "profiel nog onvolledig",
        default=False,
        help_text="Toon lezers dat de bronnen over deze aanpak nog weinig zeggen.",
    )
    incomplete_note = models.TextField("wat ontbreekt", blank=True)
    sources = models.ManyToManyField(
        Source, blank=True, related_name="approaches", verbose_name="bronnen"
    )

    class Meta:
        verbose_name = "aanpak"
        verbose_name_plural = "aanpakken"
        ordering = ["city__name", "name"]
        indexes = [recent_changes_index("approach_recent_idx")]
        constraints = [
            models.UniqueConstraint(fields=["city", "slug"], name="approach_slug_unique_per_city"),
        ]

    def __str__(self) -> str:
        return f"{self.city}: {self.name}" if self.city_id else self.name

    def get_absolute_url(self) -> str:
        return reverse("cities:detail", args=[self.city.slug]) + "#aanpak"

    def city_ids(self) -> set[int]:
        """The cities whose pages show this object (editorial.scopes)."""
        return {self.city_id}

    @property
    def role_links(self):
        """This approach's rows in the role link table (queries); the history follows them."""
        return Role.approaches.through.objects.filter(approach=self)


class PartOfApproach:
    """A part of one approach (a period, an assessment, a trait): shown on its city's pages."""

    def city_ids(self) -> set[int]:
        """The cities whose pages show this object (a query; editorial.scopes)."""
        return set(Approach.objects.filter(pk=self.approach_id).values_list("city_id", flat=True))


class Period(PartOfApproach, Publishable):
    """A stage in the history of an approach."""

    approach = models.ForeignKey(
        Approach, on_delete=models.CASCADE, related_name="periods", verbose_name="aanpak"
    )
    title = models.CharField("titel", max_length=200)
    starts_on = models.DateField("begint", null=True, blank=True)
    ends_on = models.DateField("eindigt", null=True, blank=True)
    label = models.CharField(
        "periode zoals getoond",
        max_length=60,
        help_text="Bijvoorbeeld '2014–2018', 'na 21 maart 2018' of 'jaren tachtig en negentig'.",
    )
    description = models.TextField("beschrijving")
    sources = models.ManyToManyField(
        Source, blank=True, related_name="periods", verbose_name="bronnen"
    )
    passage = passage_field()

    class Meta:
        verbose_name = "periode"
        verbose_name_plural = "periodes"
        ordering = ["approach", models.F("starts_on").asc(nulls_first=True), "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="period_ends_after_it_starts",
                violation_error_message="Een periode kan niet eindigen voordat ze begint.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.title}"


class Assessment(PartOfApproach, Publishable):
    """One approach seen along one dimension."""

    approach = models.ForeignKey(
        Approach, on_delete=models.CASCADE, related_name="assessments", verbose_name="aanpak"
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="assessments", verbose_name="dimensie"
    )
    option = models.ForeignKey(
        DimensionOption,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name="keuze",
        help_text=(
            "De vergelijkbare keuze op deze dimensie. Leeg laten als de bronnen er niets over "
            "zeggen: de vergelijking toont dan ‘onbekend’."
        ),
    )
    value = models.CharField("korte typering", max_length=160)
    text = models.TextField("toelichting", blank=True)
    sources = models.ManyToManyField(
        Source, blank=True, related_name="assessments", verbose_name="bronnen"
    )
    passage = passage_field()

    class Meta:
        verbose_name = "typering"
        verbose_name_plural = "typeringen"
        ordering = ["approach", "dimension__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["approach", "dimension"],
                name="assessment_unique_per_approach_and_dimension",
                violation_error_message="Deze aanpak heeft al een typering op deze dimensie.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.approach} — {self.dimension}"

    def clean(self):
        super().clean()
        if self.option_id and self.dimension_id and self.option.dimension_id != self.dimension_id:
            raise ValidationError(
                {"option": "Deze keuze hoort bij een andere dimensie; kies er een van deze."}
            )


class Trait(PartOfApproach, Publishable):
    """A strength, weakness, risk or open question of an approach."""

    class Kind(models.TextChoices):
        STRENGTH = "sterk", "Sterk punt"
        WEAKNESS = "zwak", "Zwak punt"
        RISK = "risico", "Risico"
        OPEN_QUESTION = "open-vraag", "Open vraag"

    approach = models.ForeignKey(
        Approach, on_delete=models.CASCADE, related_name="traits", verbose_name="aanpak"
    )
    kind = models.CharField("soort", max_length=12, choices=Kind.choices)
    dimension = models.ForeignKey(
        Dimension,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="traits",
        verbose_name="dimensie",
    )
    text = models.TextField("omschrijving")
    order = models.PositiveSmallIntegerField("volgorde", default=0)
    sources = models.ManyToManyField(
        Source, blank=True, related_name="traits", verbose_name="bronnen"
    )
    passage = passage_field()

    class Meta:
        verbose_name = "kenmerk"
        verbose_name_plural = "kenmerken (sterk, zwak, risico, open vraag)"
        ordering = ["approach", "kind", "order"]
        indexes = [recent_changes_index("trait_recent_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Role(Publishable):
    """A professional role in district work."""

    name = models.CharField("naam", max_length=100)
    slug = models.SlugField("slug", max_length=100, unique=True)
    description = models.TextField("omschrijving")
    approaches = models.ManyToManyField(
        Approach, blank=True, related_name="roles", verbose_name="aanpakken"
    )
    sources = models.ManyToManyField(
        Source, blank=True, related_name="roles", verbose_name="bronnen"
    )
    passage = passage_field()
    editor_note = models.TextField(
        "notitie voor de redactie",
        blank=True,
        help_text="Alleen zichtbaar in het beheer, nooit voor lezers.",
    )

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        ordering = ["name"]

    def city_ids(self) -> set[int]:
        """The cities of the approaches it plays a part in (a query; editorial.scopes)."""
        if self.pk is None:
            return set()
        return set(self.approaches.values_list("city_id", flat=True))

    def __str__(self) -> str:
        return self.name


# The link table's default name ("Role_approaches object (1)") would head each admin inline row.
Role.approaches.through.__str__ = lambda link: str(link.role)
