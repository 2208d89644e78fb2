"""While PostgreSQL is away, readers get the last good copy of a page, marked as possibly outdated.

A real cluster is stopped and started (tests/servers.py), with the page cache in the database
(which goes away with it) and on a real Redis. Listening for the content version is on, as in
production, and every write is committed.
"""

import gzip
import re
import time
from html.parser import HTMLParser

import brotli
import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from buurtwijs import cache
from cities.models import City
from tests import servers
from tests.editors import form_data
from tests.factories import make_approach, make_city, make_district
from tests.servers import redis_caches
from tests.test_html_valid import check_with_vnu

# The real servers of tests/servers.py, as fixtures of this module.
throwaway_cluster = servers.throwaway_cluster
redis_url = servers.redis_url

NOTICE = "Deze pagina is mogelijk niet actueel."
OUTAGE = "Buurtwijs is even niet beschikbaar"
CITIES = ["utrecht", "den-haag", "amsterdam", "rotterdam"]
COMPARE = "/vergelijk/?steden=utrecht&steden=amsterdam&steden=rotterdam&steden=den-haag"
READ_BEFORE = ["/", *[f"/steden/{slug}/" for slug in CITIES], COMPARE]
READ_BEFORE_FRAGMENT = COMPARE


@pytest.fixture(scope="module")
def cities(throwaway_cluster):
    for slug in CITIES:
        city = make_city(name=slug.replace("-", " ").title(), slug=slug, summary=f"Over {slug}.")
        make_approach(city=city, name=f"Aanpak van {slug}")
    make_district(city=City.objects.get(slug="utrecht"), name="Overvecht", slug="overvecht")
    return throwaway_cluster


@pytest.fixture(params=["database", "redis"])
def page_cache(request, settings, cities):
    """The page cache on, in the database cache or on Redis; each test starts with it empty."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_LISTEN = True
    if request.param == "redis":
        settings.CACHES = redis_caches(request.getfixturevalue("redis_url"))
    from django.core.cache import caches

    caches["default"].clear()
    cache._local_pages.clear()
    yield request.param
    cache._watcher.close()
    cache._local_pages.clear()


@pytest.fixture
def outage(cities):
    """Stops the database for the test's ``with`` block and starts it again after."""

    class Outage:
        def __enter__(self):
            cities.stop()

        def __exit__(self, *exc):
            cities.start()

    return Outage()


def reader() -> Client:
    return Client(raise_request_exception=False, headers={"Accept-Encoding": "gzip, br"})


def text(response) -> str:
    body = response.content
    decode = {"br": brotli.decompress, "gzip": gzip.decompress}.get(
        response.get("Content-Encoding"), lambda b: b
    )
    return decode(body).decode()


def assert_outage_page(response, url):
    assert response.status_code == 503, url
    assert int(response["Retry-After"]) > 0
    assert OUTAGE in response.content.decode(), url


def test_pages_read_before_stay_readable_marked_and_are_current_after_the_restart(
    page_cache, outage, tmp_path
):
    City.objects.filter(slug="utrecht").update(summary="Over utrecht.")
    cache.bump_content_version()
    client = reader()
    for url in READ_BEFORE:
        page = client.get(url)
        assert page.status_code == 200 and NOTICE not in text(page), url
        assert "stale-if-error=86400" in page["Cache-Control"], url
    fragment = client.get(COMPARE, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    # Published while nobody reads: the copies now show the old text.
    City.objects.filter(slug="utrecht").update(summary="Over Utrecht, herschreven.")
    cache.bump_content_version()

    with outage:
        for url in READ_BEFORE:
            page = client.get(url)
            assert page.status_code == 200, url
            body = text(page)
            assert body.count(NOTICE) == 1, url
            assert page["Cache-Control"] == "no-store" and "ETag" not in page, url
            assert '<html lang="nl">' in body, url
        stale_city = text(client.get("/steden/utrecht/"))
        assert "Over utrecht." in stale_city
        assert_valid_html(stale_city, tmp_path)
        marked_fragment = client.get(COMPARE, headers={"HX-Request": "true"})
        assert text(marked_fragment).startswith('<div class="stale-notice" role="status">')
        assert "<html" not in text(marked_fragment)
        plain = client.get("/steden/amsterdam/", headers={"Accept-Encoding": "identity"})
        assert "Content-Encoding" not in plain and NOTICE in plain.content.decode()
        for url in ["/steden/utrecht/wijken/overvecht/", "/zoeken/?q=aanpak", "/gezond/"]:
            assert_outage_page(client.get(url), url)

    assert wait_until_status(client, "/", 200)
    page = text(client.get("/steden/utrecht/"))
    assert "Over Utrecht, herschreven." in page and NOTICE not in page
    for url in READ_BEFORE:
        assert NOTICE not in text(client.get(url)), url


def test_a_search_read_before_is_not_answered_from_an_old_copy(page_cache, outage):
    client = reader()
    assert client.get("/zoeken/?q=aanpak").status_code == 200
    with outage:
        assert_outage_page(client.get("/zoeken/?q=aanpak"), "/zoeken/?q=aanpak")


def test_the_redis_copy_serves_a_process_that_never_read_the_page(page_cache, outage):
    client = reader()
    client.get("/steden/rotterdam/")
    cache._local_pages.clear()  # as if the next request reached another process
    with outage:
        response = client.get("/steden/rotterdam/")
    if page_cache == "redis":
        assert response.status_code == 200 and NOTICE in text(response)
    else:  # the database cache went away with the database
        assert_outage_page(response, "/steden/rotterdam/")


def test_a_page_taken_offline_loses_its_copy(page_cache, outage):
    client = reader()
    city = make_city(name="Tijdstad", slug=f"tijdstad-{page_cache}")
    url = f"/steden/{city.slug}/"
    assert client.get(url).status_code == 200
    city.status = "concept"
    city.save()
    assert client.get(url).status_code == 404
    with outage:
        assert_outage_page(client.get(url), url)


def test_a_failed_save_in_the_admin_keeps_what_the_editor_typed(cities, outage, tmp_path):
    editor = get_user_model().objects.create_superuser("storing-redacteur", password="x-lang-1")
    client = Client(raise_request_exception=False, enforce_csrf_checks=True)
    client.force_login(editor)
    city = City.objects.get(slug="den-haag")
    url = f"/beheer/cities/city/{city.pk}/change/"
    form = client.get(url)
    data = form_data(form) | {"csrfmiddlewaretoken": str(form.context["csrf_token"])}
    typed = "Den Haag werkt met wijkagenda's.\nTweede regel, <b>met</b> & tekens."
    data["summary"] = typed
    with outage:
        response = client.post(url, data)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "niet opgeslagen" in page and "Buurtwijs beheer" in page
    assert "admin/css/base.css" in page
    assert "Den Haag werkt met wijkagenda&#x27;s." in page  # shown, escaped
    assert_valid_html(page, tmp_path)
    resent = hidden_inputs(page)
    assert resent["summary"] == [typed]
    assert not any("password" in name for name in resent)

    response = wait_until_post(
        client, url, {k: v if len(v) > 1 else v[0] for k, v in resent.items()}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    city.refresh_from_db()
    assert city.summary == typed


def test_an_admin_page_answers_503_in_dutch_during_the_outage(cities, outage):
    editor = get_user_model().objects.create_superuser("storing-lezer", password="x-lang-1")
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    with outage:
        assert_outage_page(client.get("/beheer/"), "/beheer/")


def assert_valid_html(page: str, folder) -> None:
    path = folder / "page.html"
    path.write_text(page)
    problems = [
        f"{m['message']} ({m.get('extract', '')})"
        for m in check_with_vnu([path])
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert not problems, "\n".join(problems)


class _HiddenInputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden":
            self.values.setdefault(attrs["name"], []).append(attrs.get("value") or "")


def hidden_inputs(page: str) -> dict[str, list[str]]:
    form = re.search(r"<form method=\"post\".*?</form>", page, re.S).group(0)
    parser = _HiddenInputs()
    parser.feed(form)
    return parser.values


def wait_until_status(client, url, status, seconds=15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if client.get(url).status_code == status:
            return True
        time.sleep(0.2)
    return False


def wait_until_post(client, url, data, seconds=15):
    deadline = time.monotonic() + seconds
    while True:
        response = client.post(url, data)
        if response.status_code != 503 or time.monotonic() > deadline:
            return response
        time.sleep(0.2)
