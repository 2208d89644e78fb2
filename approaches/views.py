"""Cities side by side: the same GET form with and without JavaScript, the table alone for htmx,
and the table as CSV."""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from approaches.compare import MAX_CITIES, MIN_CITIES, Table, build_table, select_cities
from cities.models import City

TEMPLATE = "approaches/compare.html"
HIDE_EQUAL = "verberg_gelijk"


@require_safe
def compare(request):
    available = list(City.objects.visible_to(request.user).order_by("name"))
    selection = select_cities(request.GET.getlist("steden"), available)
    hide_equal = request.GET.get(HIDE_EQUAL) == "1"
    table = _table(request.user, selection, hide_equal)
    if request.GET.get("formaat") == "csv":
        response = _csv_response(selection, table)
    else:
        response = _page(request, available, selection, table, hide_equal)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _table(user, selection, hide_equal: bool) -> Table | None:
    if not selection.is_comparison:
        return None
    table = build_table(user, selection.cities)
    return table.without_equal_rows() if hide_equal else table


def _page(request, available, selection, table, hide_equal: bool):
    fragment = bool(request.htmx) and not request.htmx.history_restore_request
    query = [("steden", slug) for slug in selection.slugs]
    if hide_equal:
        query.append((HIDE_EQUAL, "1"))
    context = {
        "available": available,
        "selection": selection,
        "chosen_slugs": set(selection.slugs),
        "table": table,
        "hide_equal": hide_equal,
        "prompt": _prompt(selection, asked="steden" in request.GET),
        "csv_url": reverse("compare") + "?" + urlencode([*query, ("formaat", "csv")]),
        "fragment": fragment,
        "min_cities": MIN_CITIES,
        "max_cities": MAX_CITIES,
        "breadcrumbs": [("Vergelijken", reverse("compare"))],
    }
    return render(request, f"{TEMPLATE}#table" if fragment else TEMPLATE, context)


def _prompt(selection, asked: bool) -> str:
    """What to do next when there is no table yet."""
    if selection.is_comparison:
        return ""
    if selection.cities:
        return f"Kies nog minstens één stad om {selection.cities[0].name} mee te vergelijken."
    if asked:
        return f"Kies {MIN_CITIES} tot {MAX_CITIES} steden om ze naast elkaar te zien."
    return ""


def _csv_response(selection, table: Table | None) -> HttpResponse:
    if table is None:
        # Plain text, so nothing the reader typed is repeated here.
        return HttpResponse(
            f"Kies {MIN_CITIES} tot {MAX_CITIES} bekende steden om een vergelijking te downloaden.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = "vergelijking-" + "-".join(selection.slugs) + ".csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte order mark, so Excel reads the file as UTF-8 and shows é, ë and ‘ ’ correctly.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["Onderwerp", *(city.name for city in table.cities)])
    for row in table.rows:
        writer.writerow([row.label, *(inert(cell.as_text()) for cell in row.cells)])
    return response


def inert(text: str) -> str:
    """Text a spreadsheet will not run as a formula (a leading =, +, - or @ starts one)."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}
