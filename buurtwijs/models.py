"""What the site itself keeps: the content version behind every page-cache key."""

from django.db import models


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
