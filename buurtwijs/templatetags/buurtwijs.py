from django import template

from buurtwijs.rich_text import render_markdown

register = template.Library()


@register.filter
def rich_text(text: str):
    """Render an editor's Markdown as sanitised HTML."""
    return render_markdown(text)
