"""Long texts are written in Markdown and rendered to sanitised HTML.

nh3 keeps only the tags and attributes below, so no script, event handler, style or
``javascript:`` URL survives, whatever an editor (or an attacker with an editor's password) types.
"""

from functools import lru_cache

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "abbr"}
ALLOWED_TAGS |= {"h3", "h4"}  # headings below the page's own h1 and h2
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto"}
# Rendered texts kept per process. The HTML depends on nothing but the text, so an entry can
# never be stale: an edited text is a new key. Bounded, so memory stays flat.
RENDERED_TEXTS = 4096


def render_markdown(text: str) -> SafeString:
    return _render(text or "")


@lru_cache(maxsize=RENDERED_TEXTS)
def _render(text: str) -> SafeString:
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 -- sanitised by nh3 just above
