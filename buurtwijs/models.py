"""Portal-wide content: publication status, sources and the glossary."""

from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.urls import reverse


class Status(models.TextChoices):
    DRAFT = "concept", "Concept"
    PUBLISHED = "gepubliceerd", "Gepubliceerd"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """All rows for staff, who preview drafts on the real pages; published rows for others."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()


def recent_changes_index(name: str) -> models.Index:
    """Newest first, as "Onlangs bijgewerkt" on the home page asks, without reading every row."""
    return models.Index(Coalesce("published_at", "updated_at").desc(), F("id").desc(), name=name)


class Publishable(models.Model):
    """Content the public sees only once an editor has published it."""

    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("laatst gewijzigd", auto_now=True, db_index=True)
    published_at = models.DateTimeField(
        "laatst gepubliceerd", null=True, blank=True, editable=False, db_index=True
    )
    # Raised on every save; a save based on an older version is refused (no lost updates).
    version = models.PositiveIntegerField("versie", default=1, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Source(Publishable):
    """A publication that content cites."""

    class Kind(models.TextChoices):
        ARTICLE = "artikel", "Artikel"
        STATISTICS = "statistiek", "Statistiek"
        POLICY = "beleid", "Beleidsdocument"
        DATA = "data", "Open data"

    title = models.CharField("titel", max_length=300)
    slug = models.SlugField("slug", max_length=120, unique=True)
    kind = models.CharField("soort", max_length=12, choices=Kind.choices, default=Kind.ARTICLE)
    author = models.CharField("auteur", max_length=200, blank=True)
    publisher = models.CharField("uitgever", max_length=200, blank=True)
    published_on = models.DateField("publicatiedatum", null=True, blank=True)
    published_on_note = models.CharField(
        "toelichting bij de datum",
        max_length=120,
        blank=True,
        help_text="Bijvoorbeeld 'geschreven vóór 21 maart 2018' als de precieze datum onbekend is.",
    )
    url = models.URLField("webadres", blank=True)
    description = models.TextField("beschrijving", blank=True)

    class Meta:
        verbose_name = "bron"
        verbose_name_plural = "bronnen"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("sources") + f"#bron-{self.slug}"

    @property
    def citation(self) -> str:
        """A short citation: author, title, publisher, date."""
        parts = [self.author, self.title, self.publisher]
        if self.published_on:
            parts.append(str(self.published_on.year))
        elif self.published_on_note:
            parts.append(self.published_on_note)
        return ", ".join(part for part in parts if part)


class Term(Publishable):
    """A glossary entry."""

    name = models.CharField("begrip", max_length=120)
    slug = models.SlugField("slug", max_length=120, unique=True)
    definition = models.TextField("uitleg")
    sources = models.ManyToManyField(
        Source, blank=True, related_name="terms", verbose_name="bronnen"
    )

    class Meta:
        verbose_name = "begrip"
        verbose_name_plural = "begrippen"
        ordering = ["name"]
        indexes = [recent_changes_index("term_recent_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("glossary") + f"#begrip-{self.slug}"


class ContentVersion(models.Model):
    """One row counting changes to published content; part of every page-cache key.

    Raised in the same transaction as the change itself (see ``buurtwijs.cache``), so a page
    rendered from the old content can only ever be stored under the old number.
    """

    value = models.BigIntegerField("versie")
    changed_at = models.DateTimeField("gewijzigd", auto_now=True)

    class Meta:
        verbose_name = "inhoudsversie"
        verbose_name_plural = "inhoudsversie"

    def __str__(self) -> str:
        return str(self.value)
