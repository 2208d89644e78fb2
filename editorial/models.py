"""Publication status: what the public may see, and what waits for a chief editor."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce

from editorial.values import value_from_json


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
    # until a chief editor publishes it: {field name: value as JSON}. See editorial.pending.
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


class EditorialRights(models.Model):
    """Holds no rows and has no table: the right to publish belongs to no single content model.

    Django keeps permissions per model; this one carries the single publish permission that
    covers all content (``editorial.registry.PUBLISH_PERMISSION``).
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("publish_content", "Mag inhoud publiceren en terugzetten")]
        verbose_name = "redactierecht"
        verbose_name_plural = "redactierechten"

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class ScopeVersion(models.Model):
    """How far the content a group of pages shows has moved: a number raised on every change.

    One row per scope (editorial.scopes): ``city:<pk>`` for what belongs to one city (its
    districts, approaches and their parts), ``site`` for what any page may show (sources,
    glossary terms, dimensions). A change raises its scopes in its own transaction; pages
    rendered for an older number are not shown again (editorial.renders).
    """

    scope = models.CharField("bereik", max_length=40, primary_key=True)
    value = models.BigIntegerField("versie")

    class Meta:
        verbose_name = "versie van een bereik"
        verbose_name_plural = "versies van bereiken"

    def __str__(self) -> str:
        return f"{self.scope}: {self.value}"
