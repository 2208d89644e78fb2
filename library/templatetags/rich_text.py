from django import template

from library import glossary_links, references
from library.rich_text import render_markdown

register = template.Library()


@register.filter
def rich_text(text: str):
    """Render an editor's Markdown as sanitised HTML."""
    return render_markdown(text)


@register.filter
def link_terms(html, glossary):
    """Link glossary terms in sanitised HTML: `{{ text|rich_text|link_terms:glossary_terms }}`."""
    return glossary_links.link_terms(html, glossary)


@register.filter
def with_refs(html, refs):
    """Put a claim's reference numbers at the end of its last paragraph, where a reader looks."""
    return references.at_end(html, refs)
