from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.filter
def admin_change_url(obj) -> str:
    """The admin page where an editor changes ``obj``; empty when it has none."""
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""
