"""What readers send: corrections to a page, and proposals for a new city.

Nothing here is public and nothing is published; editors handle it in the admin. Personal data
(an e-mail address, a name) is kept only until ``purge_feedback`` removes handled items after
the retention period (settings.FEEDBACK_RETENTION_DAYS).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from cities.models import City


class Handling(models.TextChoices):
    NEW = "nieuw", "Nieuw"
    HANDLED = "afgehandeld", "Afgehandeld"
    REJECTED = "afgewezen", "Afgewezen"


class HandledQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Handling.NEW)

    def past_retention(self, now=None):
        """Handled or rejected longer ago than the retention period."""
        cutoff = (now or timezone.now()) - timezone.timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
        return self.exclude(status=Handling.NEW).filter(handled_at__lt=cutoff)


class Handled(models.Model):
    """The editors' side of a message: its state in the queue, who handled it, and a note."""

    status = models.CharField(
        "status", max_length=12, choices=Handling.choices, default=Handling.NEW, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="afgehandeld door",
        editable=False,
    )
    handled_at = models.DateTimeField("afgehandeld op", null=True, blank=True, editable=False)
    editor_note = models.TextField("notitie van de redactie", blank=True)
    received_at = models.DateTimeField("ontvangen", auto_now_add=True, db_index=True)
    email = models.EmailField("e-mailadres voor antwoord", blank=True)
    # The one-time number in the signed form token: the same form sent twice is stored once.
    form_nonce = models.CharField(max_length=32, unique=True, editable=False)

    objects = HandledQuerySet.as_manager()

    class Meta:
        abstract = True

    def mark(self, status: str, user) -> None:
        """Move the item in the queue; leaving "new" records who did it and when."""
        self.status = status
        if status == Handling.NEW:
            self.handled_by, self.handled_at = None, None
        else:
            self.handled_by, self.handled_at = user, timezone.now()


class Correction(Handled):
    """A reader's "Klopt er iets niet?" about one page and the object it shows."""

    page = models.CharField("pagina", max_length=500)
    subject = models.CharField("over", max_length=300)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="soort"
    )
    object_id = models.PositiveBigIntegerField("nummer", null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    message = models.TextField("wat klopt er niet of ontbreekt")
    source_url = models.URLField("bron", max_length=500, blank=True)

    class Meta:
        verbose_name = "correctie"
        verbose_name_plural = "correcties"
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="correction_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.received_at:%d-%m-%Y})" if self.received_at else self.subject


class CityProposal(Handled):
    """ "Uw stad op Buurtwijs": a proposal, kept beside the draft city it became."""

    class Proposer(models.TextChoices):
        MUNICIPALITY = "gemeente", "Medewerker van de gemeente"
        RESEARCHER = "onderzoeker", "Onderzoeker"
        OTHER = "anders", "Anders"

    city = models.OneToOneField(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name="conceptstad",
        editable=False,
        # No database constraint: the backup's restore empties the content tables, cities
        # included, without touching the readers' messages (Django still nulls it on delete).
        db_constraint=False,
    )
    city_name = models.CharField("gemeente", max_length=100)
    cbs_code = models.CharField("CBS-code", max_length=6)
    proposer_name = models.CharField("naam indiener", max_length=120)
    proposer_kind = models.CharField("indiener is", max_length=12, choices=Proposer.choices)
    organisation = models.CharField("organisatie", max_length=200, blank=True)
    source_links = models.TextField("bronnen (links)", blank=True)

    class Meta:
        verbose_name = "voorstel voor een stad"
        verbose_name_plural = "voorstellen voor een stad"
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.city_name


def open_count() -> int:
    """Corrections and city proposals waiting for an editor (two queries), for the start page."""
    return Correction.objects.open().count() + CityProposal.objects.open().count()
