"""When PostgreSQL goes away, visitors get a friendly 503, and the portal recovers by itself.

The test runs its own throwaway cluster, so stopping it never disturbs the shared database or
anyone else's test run.
"""

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

from buurtwijs import embedded_db
from tests.factories import make_city, make_district

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


@pytest.fixture(scope="module")
def throwaway_cluster(django_db_blocker):
    """A migrated cluster of its own in temporary folders, used as the default database."""
    root = Path(tempfile.mkdtemp(prefix="bw-storing-", dir="/var/tmp"))
    root.chmod(0o755)  # the server may run as an unprivileged account
    sockets = Path(tempfile.mkdtemp(prefix="bws-", dir="/tmp"))
    default = connections["default"]
    saved = dict(default.settings_dict)
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(embedded_db, "root_dir", lambda: root / "pg")
    monkeypatch.setattr(embedded_db, "socket_dir", lambda: sockets)
    try:
        embedded_db.start()
        embedded_db.ensure_database("storing")
        with django_db_blocker.unblock():
            default.close()
            default.settings_dict.update(HOST=str(sockets), NAME="storing")
            call_command("migrate", verbosity=0)
            yield embedded_db
    finally:
        default.close()
        default.settings_dict.clear()
        default.settings_dict.update(saved)
        embedded_db.stop()
        monkeypatch.undo()
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(sockets, ignore_errors=True)


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
