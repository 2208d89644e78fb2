from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def admin_change_url(obj) -> str:
    """The admin page where an editor changes ``obj``; empty when it has none."""
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


CONCEPT = ' <span class="badge badge-concept">Concept</span>'
PENDING = ' <span class="badge badge-concept">Concept-wijziging</span>'


@register.simple_tag
def concept_badge(obj) -> str:
    """Tells staff, who alone see drafts and held-back changes, that the public does not.

    Plain Python rather than an include: lists of districts show it hundreds of times a page.
    """
    if not obj.is_published:
        return mark_safe(CONCEPT)  # noqa: S308 (constant)
    if getattr(obj, "shows_pending", False):
        return mark_safe(PENDING)  # noqa: S308 (constant)
    return ""
