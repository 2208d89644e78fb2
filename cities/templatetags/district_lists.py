"""The nested list of a city's districts on its page.

Written out in Python rather than through a recursive include: Amsterdam lists about 130
districts, and a template include per district was most of the page's rendering time.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cities.models import District
from editorial.templatetags.editing import concept_badge

register = template.Library()

KIND_NAMES = {value: label.lower() for value, label in District.Kind.choices}
BODY_NAMES = {value: label.lower() for value, label in District.Body.choices}
FOCUS = ' <span class="badge badge-focus">Focuswijk</span>'


@register.simple_tag
def district_tree(nodes) -> SafeString:
    """``<ul class="district-tree">`` with each district's link, kind, body and badges."""
    parts: list[str] = []
    _write(nodes, parts)
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped in _write)


def _write(nodes, parts: list[str]) -> None:
    parts.append('<ul class="district-tree">')
    for node in nodes:
        district = node.district
        facts = KIND_NAMES[district.kind]
        if district.body:
            facts += f" · {BODY_NAMES[district.body]}"
        parts.append(
            f'<li><a href="{escape(district.get_absolute_url())}">{escape(district.name)}</a> '
            f'<span class="district-facts">{escape(facts)}</span>'
        )
        if district.is_focus_area:
            parts.append(FOCUS)
        parts.append(concept_badge(district))
        if node.children:
            _write(node.children, parts)
        parts.append("</li>")
    parts.append("</ul>")
