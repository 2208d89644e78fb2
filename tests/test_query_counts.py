"""Every public page costs the same small number of queries, however much content there is.

The same page of the synthetic data set (scale_data.generate) is counted twice: with 4 cities
of 5 districts, and with 30 cities of 40 districts. The page cache is off here (see conftest), so
the count is what a page costs when it has to be rendered.
"""

import pytest
from django.core.management import call_command, get_commands

from scale_data import generate as scale_data
from tests.queries import count_queries

CITY = f"{scale_data.PREFIX}stad-000"
DISTRICT = f"{scale_data.PREFIX}wijk-04"  # a wijk within a stadsdeel
COMPARE = "/vergelijk/?" + "&".join(f"steden={scale_data.PREFIX}stad-{n:03d}" for n in range(4))

# Page, address, request headers, and the most queries it may take (as measured; lower is fine).
PAGES = [
    ("home", "/", {}, 9),  # the content version, then the latest changes worked out for it
    ("steden", "/steden/", {}, 2),
    ("stad", f"/steden/{CITY}/", {}, 11),
    ("wijk", f"/steden/{CITY}/wijken/{DISTRICT}/", {}, 6),
    ("vergelijking", COMPARE, {}, 10),
    ("vergelijking, htmx-fragment", COMPARE, {"HX-Request": "true"}, 10),
    ("zoeken", "/zoeken/?q=wijkaanpak", {}, 3),
    ("begrippen", "/begrippen/", {}, 1),
    ("bronnen", "/bronnen/", {}, 12),
    ("over", "/over/", {}, 0),
]


def make_data(cities: int, districts: int) -> None:
    scale_data.make(cities=cities, districts=districts)
    if "rebuild_search_index" in get_commands():
        call_command("rebuild_search_index", verbosity=0)


@pytest.mark.parametrize(("page", "path", "headers", "limit"), PAGES, ids=[p[0] for p in PAGES])
def test_a_page_takes_as_many_queries_with_thirty_cities_as_with_four(
    client, db, page, path, headers, limit
):
    make_data(cities=4, districts=5)
    small = count_queries(client, path, headers)
    make_data(cities=30, districts=40)
    large = count_queries(client, path, headers)
    assert large == small, f"{page}: {small} queries met weinig inhoud, {large} met veel"
    assert large <= limit, f"{page}: {large} queries, hoogstens {limit} verwacht"
