"""Keeps the search index current when editors save or delete content.

Inside a bulk change (``editorial.bulk``: loading content, boundaries or benchmark data) the
per-object updates stand aside and the whole index is rebuilt once at its end. Changes made
without signals (raw SQL) are caught by `manage.py rebuild_search_index`.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from approaches.models import Approach, Assessment, Dimension, Role, Trait
from cities.models import City, District
from editorial.bulk import bulk_changed, in_bulk_change
from library.models import Source, Term
from search import index
from search.models import Kind

KINDS = {
    City: Kind.CITY,
    District: Kind.DISTRICT,
    Approach: Kind.APPROACH,
    Assessment: Kind.ASSESSMENT,
    Trait: Kind.TRAIT,
    Role: Kind.ROLE,
    Term: Kind.TERM,
    Source: Kind.SOURCE,
}


def content_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw or in_bulk_change():  # fixtures load objects before the ones they point to
        return
    if sender is City:
        index.refresh_city(instance.pk)
    elif sender is District:
        # Its larger area's name and kind are part of the description of the districts inside it.
        index.refresh(Kind.DISTRICT, [instance.pk, *instance.children.values_list("pk", flat=True)])
    elif sender is Approach:
        # Siblings too: which approach of a city owns the plain #aanpak anchor may change.
        index.refresh_approaches(
            Approach.objects.filter(city=instance.city_id).values_list("pk", flat=True)
        )
    else:
        index.refresh(KINDS[sender], [instance.pk])


def content_deleted(sender, instance, **kwargs) -> None:
    if in_bulk_change():
        return
    index.remove(KINDS[sender], instance.pk)
    if sender is Approach:
        index.refresh_approaches(
            Approach.objects.filter(city=instance.city_id).values_list("pk", flat=True)
        )
        # The links to roles went with the approach, without an m2m signal; roles are few.
        index.refresh(Kind.ROLE, Role.objects.values_list("pk", flat=True))


for model in KINDS:
    post_save.connect(content_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
    post_delete.connect(
        content_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
    )


@receiver(post_save, sender=Dimension, dispatch_uid="search-save-Dimension")
@receiver(post_delete, sender=Dimension, dispatch_uid="search-delete-Dimension")
def dimension_changed(sender, instance, raw=False, **kwargs) -> None:
    """A dimension's name and publication appear in the titles of its assessments."""
    if not raw and not in_bulk_change():
        index.refresh(Kind.ASSESSMENT, instance.assessments.values_list("pk", flat=True))


@receiver(m2m_changed, sender=Role.approaches.through, dispatch_uid="search-role-approaches")
def role_approaches_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Which cities use a role decides whether and where it is found."""
    if in_bulk_change():
        return
    if not reverse:  # role.approaches.add(...)
        if action.startswith("post_"):
            index.refresh(Kind.ROLE, [instance.pk])
        return
    # approach.roles.add(...): the instance is the approach; a clear names no roles afterwards.
    if action == "pre_clear":
        instance._search_roles_before_clear = list(instance.roles.values_list("pk", flat=True))
    elif action == "post_clear":
        index.refresh(Kind.ROLE, getattr(instance, "_search_roles_before_clear", []))
    elif action.startswith("post_"):
        index.refresh(Kind.ROLE, pk_set or [])


@receiver(bulk_changed, dispatch_uid="search-bulk-change")
def rebuild_after_bulk_change(sender, **kwargs) -> None:
    index.rebuild()
