"""Public pages as editors see them: rendered once per content version, always current."""

import gzip
import re

import brotli
import pytest
from django.test import Client

from editorial.models import Status
from tests.editors import make_chief_editor, make_editor
from tests.factories import make_approach, make_city
from tests.queries import count_queries
from tests.test_admin_pending_changes import edit, post_pending

pytestmark = pytest.mark.django_db

FORM_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture(autouse=True)
def _editor_pages_on(settings):
    settings.EDITOR_PAGES_ENABLED = True


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(make_editor())
    return client


@pytest.fixture
def city():
    city = make_city(name="Zwolle", slug="zwolle", summary="Eerste samenvatting.")
    make_approach(city, name="Wijkgericht Zwolle")
    return city


def test_a_page_seen_before_costs_a_session_and_the_version_only(editor_client, city):
    first = count_queries(editor_client, "/steden/zwolle/")
    again = count_queries(editor_client, "/steden/zwolle/")

    assert first > 8
    # The session, the editor, and the content version.
    assert again == 3


def test_an_editors_save_shows_on_the_next_page(editor_client, city):
    assert "Eerste samenvatting." in editor_client.get("/steden/zwolle/").content.decode()

    city.summary = "Tweede samenvatting."
    city.save()

    page = editor_client.get("/steden/zwolle/").content.decode()
    assert "Tweede samenvatting." in page
    assert "Eerste samenvatting." not in page


def test_a_draft_shows_to_editors_and_not_to_readers(editor_client, city):
    editor_client.get("/steden/")
    make_city(name="Deventer", slug="deventer", status=Status.DRAFT)

    assert "Deventer" in editor_client.get("/steden/").content.decode()
    assert "Deventer" not in Client().get("/steden/").content.decode()


def test_every_editor_is_given_the_same_page_without_a_token(city):
    anna, bram = Client(), Client()
    anna.force_login(make_editor(username="anna"))
    bram.force_login(make_chief_editor(username="bram"))

    anna_page = anna.get("/steden/zwolle/")
    bram_page = bram.get("/steden/zwolle/")

    assert anna_page.wsgi_request.page_cache == "editor-miss"
    assert bram_page.wsgi_request.page_cache == "editor-hit"
    assert bram_page.content == anna_page.content
    assert b"csrfmiddlewaretoken" not in bram_page.content
    assert b"X-CSRFToken" not in bram_page.content


@pytest.mark.parametrize(
    ("accepted", "encoding"),
    [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("identity", None), (None, None)],
)
def test_a_kept_page_is_sent_in_the_best_encoding_the_editor_takes(
    editor_client, city, accepted, encoding
):
    plain = editor_client.get("/steden/zwolle/").content
    headers = {} if accepted is None else {"HTTP_ACCEPT_ENCODING": accepted}

    response = editor_client.get("/steden/zwolle/", **headers)

    assert response.wsgi_request.page_cache == "editor-hit"
    assert response.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in response["Vary"]
    assert "Cookie" in response["Vary"]
    unpack = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}[encoding]
    assert unpack(response.content) == plain
    assert int(response["Content-Length"]) == len(response.content)


def test_a_page_with_a_form_is_never_kept(settings):
    # The token in a form is the editor's own; such a page is rendered for each request.
    settings.ROOT_URLCONF = "tests.form_urls"
    anna, bram = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    anna.force_login(make_editor(username="anna"))
    bram.force_login(make_editor(username="bram"))

    anna.get("/over/")
    bram_page = bram.get("/over/")

    assert getattr(bram_page.wsgi_request, "page_cache", None) is None
    token = FORM_TOKEN.search(bram_page.content.decode())[1]
    assert bram.post("/beheer/logout/", {"csrfmiddlewaretoken": token}).status_code in (200, 302)


def test_readers_are_never_given_an_editors_page(editor_client, city):
    make_city(name="Kampen", slug="kampen", status=Status.DRAFT)
    editor_client.get("/steden/")

    reader = Client().get("/steden/")

    assert "Kampen" not in reader.content.decode()
    assert "X-CSRFToken" not in reader.content.decode()


def test_pages_not_listed_and_failures_are_not_kept(editor_client, city):
    assert editor_client.get("/steden/bestaat-niet/").status_code == 404
    assert editor_client.get("/steden/bestaat-niet/").status_code == 404
    response = editor_client.get("/beheer/")
    assert getattr(response.wsgi_request, "page_cache", None) is None


def test_query_parameters_a_page_ignores_do_not_make_pages(editor_client, city):
    editor_client.get("/steden/zwolle/")

    response = editor_client.get("/steden/zwolle/?utm_source=nieuwsbrief")

    assert response.wsgi_request.page_cache == "editor-hit"


def test_a_held_back_change_shows_to_editors_at_once_and_not_to_readers(editor_client, city):
    # A Redacteur's change to published content waits for a Hoofdredacteur; the editors'
    # pages preview it, so storing it must make their pages render anew.
    assert "Eerste samenvatting." in editor_client.get("/steden/zwolle/").content.decode()

    edit(editor_client, city, summary="Voorgestelde samenvatting.")

    page = editor_client.get("/steden/zwolle/").content.decode()
    assert "Voorgestelde samenvatting." in page
    assert "Concept-wijziging" in page
    assert "Voorgestelde samenvatting." not in Client().get("/steden/zwolle/").content.decode()

    chief = Client()
    chief.force_login(make_chief_editor(username="hoofd"))
    post_pending(chief, city, "discard")
    assert "Eerste samenvatting." in editor_client.get("/steden/zwolle/").content.decode()


def test_admin_pages_cost_no_query_more(editor_client, city, settings):
    kept = count_queries(editor_client, "/beheer/")
    settings.EDITOR_PAGES_ENABLED = False
    assert count_queries(editor_client, "/beheer/") == kept
