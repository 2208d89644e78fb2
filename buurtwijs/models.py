"""Portal-wide content: publication status, sources and the glossary."""

import json

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
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
    # What an editor without the right to publish changed on a published object, kept apart
    # until a chief editor publishes it: {field name: value as JSON}. See buurtwijs.pending.
    pending_changes = models.JSONField(
        "wijzigingen in concept", null=True, blank=True, editable=False
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def pending_values(self) -> dict:
        """The held-back changes as Python values by field name; {} when there are none.

        Never queries: where ``pending_changes`` was not loaded, there is nothing to show.
        """
        if "pending_changes" in self.get_deferred_fields() or not self.pending_changes:
            return {}
        values = {}
        for name, stored in self.pending_changes.items():
            try:
                model_field = self._meta.get_field(name)
            except FieldDoesNotExist:  # a field removed after the change was held back
                continue
            values[name] = value_from_json(model_field, stored)
        return values


def value_to_json(model_field, value):
    """A form's cleaned value of ``model_field`` in a form JSON can hold (pks for relations)."""
    if model_field.many_to_many:
        return sorted(item.pk if isinstance(item, models.Model) else item for item in value or [])
    if isinstance(value, models.Model):
        return value.pk
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def value_from_json(model_field, stored):
    if model_field.many_to_many:
        target = model_field.target_field
        return [target.to_python(pk) for pk in stored or []]
    return model_field.to_python(stored)


def _previewable(model_field) -> bool:
    # Links to other rows and slugs stay as published: the page is built from the published
    # relations, and a pending slug would give links that lead nowhere yet.
    return not model_field.is_relation and not isinstance(model_field, models.SlugField)


def apply_pending(user, objects) -> list:
    """For staff, show each object's held-back changes in place of its published values.

    In memory only, never saved, and no queries. Others see the objects as published. Returns
    the objects that now show a change, which are also marked ``shows_pending``.
    """
    if not (user.is_authenticated and user.is_staff):
        return []
    shown = []
    for obj in objects:
        for name, value in obj.pending_values().items():
            model_field = obj._meta.get_field(name)
            if _previewable(model_field):
                setattr(obj, model_field.attname, value)
                obj.shows_pending = True
        if getattr(obj, "shows_pending", False):
            shown.append(obj)
    return shown


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
