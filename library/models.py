"""Sources and glossary terms: what the content cites and the words it explains."""

from django.db import models
from django.urls import reverse

from editorial.models import Publishable, recent_changes_index


class Source(Publishable):
    """A publication that content cites."""

    class Kind(models.TextChoices):
        ARTICLE = "artikel", "Artikel"
        STATISTICS = "statistiek", "Statistiek"
        POLICY = "beleid", "Beleidsdocument"
        DATA = "data", "Open data"
        COMPILATION = "samenstelling", "Samengesteld overzicht"

    title = models.CharField("titel", max_length=300)
    slug = models.SlugField("slug", max_length=120, unique=True)
    kind = models.CharField("soort", max_length=16, choices=Kind.choices, default=Kind.ARTICLE)
    author = models.CharField("auteur", max_length=200, blank=True)
    publisher = models.CharField("uitgever", max_length=200, blank=True)
    part_of = models.CharField(
        "verschenen in of als deel van",
        max_length=300,
        blank=True,
        help_text="De reeks, bundel of website waarvan de bron deel is, zoals de bron die noemt.",
    )
    published_year = models.PositiveSmallIntegerField(
        "jaar van verschijnen",
        null=True,
        blank=True,
        help_text="Als alleen het jaar bekend is. Met een volledige datum mag dit leeg blijven.",
    )
    published_on = models.DateField("publicatiedatum", null=True, blank=True)
    published_on_note = models.CharField(
        "toelichting bij de datum",
        max_length=120,
        blank=True,
        help_text="Bijvoorbeeld 'geschreven vóór 21 maart 2018' als de precieze datum onbekend is.",
    )
    url = models.URLField("webadres", blank=True)
    description = models.TextField("beschrijving", blank=True)
    based_on = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="compilations",
        verbose_name="onderliggende bronnen",
        help_text="Voor een samengesteld overzicht: de bronnen waaruit het is samengesteld.",
    )

    class Meta:
        db_table = "buurtwijs_source"
        verbose_name = "bron"
        verbose_name_plural = "bronnen"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sources") + f"#bron-{self.slug}"

    @property
    def is_compilation(self) -> bool:
        return self.kind == self.Kind.COMPILATION

    @property
    def year(self) -> int | None:
        return self.published_on.year if self.published_on else self.published_year

    @property
    def period(self) -> str:
        """The time its facts describe, as precisely as known: "2017", "indeling 2018"."""
        if self.published_on:
            return str(self.published_on.year)
        if self.published_on_note:
            return self.published_on_note
        return str(self.published_year) if self.published_year else ""

    @property
    def citation(self) -> str:
        """A short citation: author, title, publisher, date."""
        parts = [self.author, self.title, self.publisher]
        if self.year:
            parts.append(str(self.year))
        elif self.published_on_note:
            parts.append(self.published_on_note)
        return ", ".join(part for part in parts if part)


class Term(Publishable):
    """A glossary entry."""

    name = models.CharField("begrip", max_length=120)
    slug = models.SlugField("slug", max_length=120, unique=True)
    definition = models.TextField("uitleg")
    general_definition = models.BooleanField(
        "algemene omschrijving",
        default=False,
        help_text=(
            "Aanvinken als de uitleg van het woord zelf niet uit de genoemde bronnen komt, maar "
            "een algemene omschrijving is. De begrippenlijst zegt dat dan, en noemt de bronnen "
            "alleen voor wat er over de steden staat."
        ),
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="terms",
        verbose_name="bronnen",
        db_table="buurtwijs_term_sources",
    )

    class Meta:
        db_table = "buurtwijs_term"
        verbose_name = "begrip"
        verbose_name_plural = "begrippen"
        ordering = ["name"]
        indexes = [recent_changes_index("term_recent_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("glossary") + f"#begrip-{self.slug}"
