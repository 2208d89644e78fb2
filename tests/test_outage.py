"""When PostgreSQL goes away, visitors get a friendly 503, and the portal recovers by itself.

The test runs its own throwaway cluster, so stopping it never disturbs the shared database or
anyone else's test run.
"""

import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from tests import servers
from tests.factories import make_city, make_district

throwaway_cluster = servers.throwaway_cluster

# Pages that read the database (the about page may not need it at all).
PUBLIC_PAGES = ["/", "/steden/", "/steden/utrecht/", "/steden/utrecht/wijken/overvecht/"]


class QueryingMiddleware:
    """Stands for middleware that reads the database before any view runs (a database cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return self.get_response(request)


def wait_for(client, url, status, seconds=15):
    deadline = time.monotonic() + seconds
    while True:
        response = client.get(url)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def assert_friendly_outage_page(response, url):
    assert response.status_code == 503, url
    assert int(response["Retry-After"]) > 0, url
    page = response.content.decode()
    assert "Buurtwijs is even niet beschikbaar" in page, url
    assert '<html lang="nl">' in page, url
    assert "Traceback" not in page and "OperationalError" not in page, url
    assert "Content-Security-Policy" in response, url


def test_pages_answer_503_while_the_database_is_down_and_recover_without_a_restart(
    throwaway_cluster, settings
):
    city = make_city(name="Utrecht", slug="utrecht")
    make_district(city=city, name="Overvecht", slug="overvecht")
    client = Client(raise_request_exception=False)
    for url in PUBLIC_PAGES:
        assert client.get(url).status_code == 200, url

    throwaway_cluster.stop()
    try:
        for url in PUBLIC_PAGES:
            assert_friendly_outage_page(client.get(url), url)
        assert client.get("/gezond/").status_code == 503
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.test_outage.QueryingMiddleware"]
        response = Client(raise_request_exception=False).get("/over/")
        assert_friendly_outage_page(response, "/over/ (from middleware)")
    finally:
        throwaway_cluster.start()

    started = time.monotonic()
    assert wait_for(client, "/", 200).status_code == 200
    assert time.monotonic() - started < 10
    for url in PUBLIC_PAGES:
        assert client.get(url).status_code == 200, url
    assert client.get("/gezond/").content == b"ok"


def test_the_admin_answers_503_for_a_logged_in_editor_too(throwaway_cluster):
    editor = get_user_model().objects.create_superuser("redacteur", password="x-lang-genoeg-1")
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    assert client.get("/beheer/").status_code == 200

    throwaway_cluster.stop()
    try:
        assert_friendly_outage_page(client.get("/beheer/"), "/beheer/")
    finally:
        throwaway_cluster.start()

    assert wait_for(client, "/beheer/", 200).status_code == 200
