"""The comparison for other sites' iframes: a compact table of 2 to 4 cities, published content
only (whoever asks), with a link back to Buurtwijs and the licence."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import render
from django.urls import reverse
from django.utils.csp import CSP, build_policy
from django.utils.http import urlencode
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from approaches.compare import MAX_CITIES, MIN_CITIES, build_table, select_cities
from cities.models import City

# Other sites may frame this page alone; every other page keeps frame-ancestors 'none'. Set as
# a header by the view (not through the CSP middleware, which runs after the page cache has
# stored the page), so a page served from the cache keeps it.
EMBED_CSP = settings.SECURE_CSP | {"frame-ancestors": ["*"]}


@require_safe
@xframe_options_exempt
def compare_embed(request):
    """A compact comparison for an iframe on another site, with a link back to Buurtwijs."""
    available = list(City.objects.published().order_by("name"))
    selection = select_cities(request.GET.getlist("steden"), available)
    table = build_table(AnonymousUser(), selection.cities) if selection.is_comparison else None
    full_url = reverse("compare") + "?" + urlencode([("steden", s) for s in selection.slugs])
    context = {"selection": selection, "table": table, "full_url": full_url,
               "min_cities": MIN_CITIES, "max_cities": MAX_CITIES}  # fmt: skip
    response = render(request, "approaches/compare_embed.html", context)
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response[str(CSP.HEADER_ENFORCE)] = build_policy(EMBED_CSP)
    return response


def embed_url(slugs: list[str]) -> str:
    return reverse("compare_embed") + "?" + urlencode([("steden", slug) for slug in slugs])
