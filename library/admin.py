from django.contrib import admin

from editorial.admin import PublishableAdmin
from library.models import Source, Term
from library.rich_text import render_markdown


class ContentAdmin(PublishableAdmin):
    """The base of the content admins: the shared one, with the site's Markdown for previews."""

    render_markdown = staticmethod(render_markdown)


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ["title", "kind", "author", "publisher", "published_on", "status_display"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "author", "publisher", "description", "url"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_on"
    autocomplete_fields = ["based_on"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status"]}),
        (
            "Publicatie",
            {
                "fields": [
                    "author",
                    "publisher",
                    "part_of",
                    ("published_year", "published_on", "published_on_note"),
                    "url",
                ]
            },
        ),
        ("Tekst", {"fields": ["description"]}),
        ("Samengesteld overzicht", {"fields": ["based_on"]}),
    ]


@admin.register(Term)
class TermAdmin(ContentAdmin):
    list_display = ["name", "slug", "status_display", "changed"]
    list_filter = ["status"]
    search_fields = ["name", "definition"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["sources"]
