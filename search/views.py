"""The search page: the same page with and without JavaScript, results alone for htmx."""

import re
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from editorial import renders
from search.query import clean_query, search

TEMPLATE = "search/search.html"
# A page number as people write it in the address: 1, 2, ... (no sign, no leading zero).
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


@require_safe
@renders.kept_for_readers(reads=("q", "pagina"), store=renders.searches)
def search_page(request):
    query, notes = clean_query(request.GET.get("q", ""))
    asked_page = request.GET.get("pagina", "1")
    page = page_number(asked_page)
    outcome = search(query, page) if query and page else None
    # A page that is no page number, or beyond the last: 404, with the way to the real pages.
    missing_page = bool(query) and (outcome is None or outcome.out_of_range)
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    context = {
        "search_query": query,
        "outcome": outcome,
        "missing_page": missing_page,
        "asked_page": asked_page[:20],
        "notes": notes,
        "asked": "q" in request.GET,
        "fragment": fragment,
        "breadcrumbs": [("Zoeken", reverse("search"))],
    }
    if query:
        context |= links(query, outcome)
    template = f"{TEMPLATE}#results" if fragment else TEMPLATE
    response = render(request, template, context, status=404 if missing_page else 200)
    patch_vary_headers(response, ["HX-Request"])
    return response


def page_number(raw: str) -> int | None:
    """The page asked for, or None when it is not a page number at all ("0", "-1", "abc")."""
    return int(raw) if PAGE_NUMBER.fullmatch(raw) else None


def links(query: str, outcome) -> dict:
    """The addresses of the previous, next, first and last page ("" where there is none)."""
    pages = outcome.pages if outcome else 1
    page = outcome.page if outcome else 1
    return {
        "previous_url": page_url(query, page - 1) if outcome and outcome.has_previous else "",
        "next_url": page_url(query, page + 1) if outcome and outcome.has_next else "",
        "first_url": page_url(query, 1),
        "last_url": page_url(query, pages),
    }


def page_url(query: str, number: int) -> str:
    params = {"q": query} if number <= 1 else {"q": query, "pagina": number}
    return f"{reverse('search')}?{urlencode(params)}"
