"""The search page: the same page with and without JavaScript, results alone for htmx."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from search.query import MAX_RESULTS, clean_query, search

TEMPLATE = "search/search.html"


@require_safe
def search_page(request):
    query, notes = clean_query(request.GET.get("q", ""))
    outcome = search(query) if query else None
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    context = {
        "search_query": query,
        "outcome": outcome,
        "notes": notes,
        "asked": "q" in request.GET,
        "fragment": fragment,
        "max_results": MAX_RESULTS,
        "breadcrumbs": [("Zoeken", reverse("search"))],
    }
    response = render(request, f"{TEMPLATE}#results" if fragment else TEMPLATE, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
