"""The whole-page cache: anonymous readers get stored pages, never stale after a publish."""

import gzip
import threading
import time

import brotli
import psycopg
import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from approaches.models import Role
from buurtwijs import cache
from buurtwijs.cache import bump_content_version, current_version
from buurtwijs.models import ContentVersion
from editorial.bulk import bulk_change
from editorial.models import Status
from tests.factories import make_approach, make_city, make_role


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    # Most tests run in a transaction that is never committed, so no NOTIFY is ever delivered:
    # they use the version read per request. The tests at the end cover listening.
    settings.PAGE_CACHE_LISTEN = False
    cache._local_pages.clear()
    yield
    cache._watcher.close()  # its connection would keep the test database from being dropped


@pytest.fixture
def city(db):
    city = make_city(name="Zonnestad", slug="zonnestad", summary="De oude samenvatting.")
    make_approach(city=city, name="Wijkgericht werken")
    return city


def test_a_second_request_is_answered_from_the_cache_in_one_query(
    client, city, django_assert_num_queries
):
    first = client.get("/steden/zonnestad/")
    with django_assert_num_queries(1):  # the content version and the cache entry, together
        second = client.get("/steden/zonnestad/")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert "De oude samenvatting." in second.content.decode()


def test_a_published_edit_is_visible_on_the_next_request(client, city):
    assert "De oude samenvatting." in client.get("/steden/zonnestad/").content.decode()
    city.summary = "De nieuwe samenvatting."
    city.save()
    page = client.get("/steden/zonnestad/").content.decode()
    assert "De nieuwe samenvatting." in page
    assert "De oude samenvatting." not in page


def test_unpublishing_a_city_takes_its_page_down_on_the_next_request(client, city):
    assert client.get("/steden/zonnestad/").status_code == 200
    city.status = Status.DRAFT
    city.save()
    assert client.get("/steden/zonnestad/").status_code == 404


def test_a_new_link_between_objects_is_visible_on_the_next_request(client, city):
    role = make_role(name="Sociaal makelaar")
    assert "Sociaal makelaar" not in client.get("/steden/zonnestad/").content.decode()
    role.approaches.add(city.approaches.get())
    assert "Sociaal makelaar" in client.get("/steden/zonnestad/").content.decode()


def test_deleting_content_is_visible_on_the_next_request(client, city):
    role = make_role(name="Sociaal makelaar")
    role.approaches.add(city.approaches.get())
    assert "Sociaal makelaar" in client.get("/steden/zonnestad/").content.decode()
    Role.objects.filter(pk=role.pk).delete()
    assert "Sociaal makelaar" not in client.get("/steden/zonnestad/").content.decode()


def test_staff_see_their_drafts_and_readers_never_get_the_staff_page(client, admin_client, city):
    make_approach(city=city, name="Geheim plan", status=Status.DRAFT)
    assert "Geheim plan" not in client.get("/steden/zonnestad/").content.decode()
    staff_page = admin_client.get("/steden/zonnestad/")
    assert "Geheim plan" in staff_page.content.decode()
    assert "ETag" not in staff_page
    reader_page = client.get("/steden/zonnestad/")
    assert "Geheim plan" not in reader_page.content.decode()
    assert "ETag" in reader_page


def test_the_htmx_fragment_and_the_full_page_are_cached_apart(client, db):
    make_city(name="Aastad", slug="aastad")
    make_city(name="Beestad", slug="beestad")
    url = "/vergelijk/?steden=aastad&steden=beestad"
    full = client.get(url)
    fragment = client.get(url, headers={"HX-Request": "true"})
    full_again = client.get(url)
    fragment_again = client.get(url, headers={"HX-Request": "true"})
    assert b"<html" in full.content and b"<html" in full_again.content
    assert b"<html" not in fragment.content and b"<html" not in fragment_again.content
    assert full.content == full_again.content and fragment.content == fragment_again.content
    assert "HX-Request" in full_again["Vary"]


def test_a_browser_revalidating_an_unchanged_page_gets_a_304(client, city):
    etag = client.get("/steden/zonnestad/")["ETag"]
    response = client.get("/steden/zonnestad/", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_a_browser_revalidating_after_a_publish_gets_the_new_page(client, city):
    etag = client.get("/steden/zonnestad/")["ETag"]
    city.summary = "De nieuwe samenvatting."
    city.save()
    response = client.get("/steden/zonnestad/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "De nieuwe samenvatting." in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [("gzip, deflate, br", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)],
)
def test_stored_pages_are_sent_compressed_to_browsers_that_accept_it(
    client, city, accept, encoding, decompress
):
    plain = client.get("/steden/zonnestad/").content
    compressed = client.get("/steden/zonnestad/", headers={"Accept-Encoding": accept})
    assert compressed["Content-Encoding"] == encoding
    assert len(compressed.content) < len(plain) / 2
    assert decompress(compressed.content) == plain
    assert "Accept-Encoding" in compressed["Vary"]


def test_a_reader_with_a_messages_cookie_gets_a_fresh_page(client, city):
    client.get("/steden/zonnestad/")
    client.cookies["messages"] = "iets"
    response = client.get("/steden/zonnestad/")
    assert response.status_code == 200
    assert "ETag" not in response


def test_pages_that_may_not_be_stored_are_not(client, db):
    response = client.get("/gezond/")
    assert "ETag" not in response


def test_saving_content_raises_the_version_and_a_bulk_change_raises_it_once(db, city):
    before = current_version()
    city.save()
    assert current_version() == before + 1
    with bulk_change():
        make_city()
        make_city()
    assert current_version() == before + 2


def test_a_missing_version_row_switches_caching_off_until_the_next_change(client, city):
    ContentVersion.objects.all().delete()
    assert "ETag" not in client.get("/steden/zonnestad/")
    bump_content_version()
    assert current_version() is not None
    assert "ETag" in client.get("/steden/zonnestad/")


@pytest.mark.django_db(transaction=True)
def test_while_listening_a_hit_needs_no_query_and_an_edit_shows_at_once(
    client, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_LISTEN = True
    bump_content_version()  # an earlier test's flush may have removed the row
    city = make_city(slug="luisterstad", summary="De oude samenvatting.")
    client.get("/steden/luisterstad/")
    with django_assert_num_queries(0):
        assert "De oude samenvatting." in client.get("/steden/luisterstad/").content.decode()
    city.summary = "De nieuwe samenvatting."
    city.save()
    assert "De nieuwe samenvatting." in client.get("/steden/luisterstad/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_while_listening_a_publish_by_another_process_reaches_this_one(
    client, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_LISTEN = True
    bump_content_version()
    make_city(slug="verrestad", summary="De oude samenvatting.")
    assert "De oude samenvatting." in client.get("/steden/verrestad/").content.decode()
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    with psycopg.connect(**params) as other:  # another worker or container, one transaction
        other.execute(
            "UPDATE cities_city SET summary = 'Elders gewijzigd.' WHERE slug = 'verrestad'"
        )
        other.execute(
            "UPDATE buurtwijs_contentversion SET value = value + 1 WHERE id = 1 "
            "RETURNING pg_notify('buurtwijs_content_version', value::text)"
        )
    # NOTIFY arrives moments after the commit; it must arrive, and then the page is new.
    deadline = time.monotonic() + 5
    while "Elders gewijzigd." not in client.get("/steden/verrestad/").content.decode():
        assert time.monotonic() < deadline, "de nieuwe versie kwam niet aan"
        time.sleep(0.01)
    with django_assert_num_queries(0):  # learnt from the announcement, not by asking
        assert "Elders gewijzigd." in client.get("/steden/verrestad/").content.decode()


# --- Query strings the page does not read ---------------------------------------------------


def cache_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM buurtwijs_cache")
        return cursor.fetchone()[0]


def test_a_flood_of_query_strings_a_page_does_not_read_makes_no_entries_and_no_renders(
    client, city, django_assert_num_queries
):
    plain = client.get("/steden/zonnestad/").content
    rows, local = cache_rows(), len(cache._local_pages)
    for n in range(200):
        query = f"utm_source=nieuwsbrief-{n}&fbclid={n}&x{n}={'y' * n}&q=zoek{n}"
        with django_assert_num_queries(1):  # the version and the entry: no render
            response = client.get(f"/steden/zonnestad/?{query}")
        assert response.status_code == 200
        assert response.content == plain
    assert cache_rows() == rows
    assert len(cache._local_pages) == local


@pytest.mark.parametrize(
    "path",
    ["/api/v1/steden/?pagina=1", "/vergelijk/insluiten/?steden=zonnestad&steden=maanstad"],
)
def test_api_and_embed_pages_are_stored_and_ignore_parameters_they_do_not_read(
    client, city, path, django_assert_num_queries
):
    make_city(name="Maanstad", slug="maanstad")
    plain = client.get(path).content
    rows = cache_rows()
    with django_assert_num_queries(1):  # served from the entry of the plain address
        response = client.get(f"{path}&utm_source=nieuwsbrief&fbclid=42")
    assert response.status_code == 200
    assert response.content == plain
    assert cache_rows() == rows


def test_a_page_sees_only_the_parameters_it_reads(client, db):
    make_city(name="Aastad", slug="aastad")
    make_city(name="Beestad", slug="beestad")
    clean = client.get("/vergelijk/?steden=aastad&steden=beestad").content.decode()
    rows = cache_rows()
    tracked = client.get("/vergelijk/?utm_medium=mail&steden=aastad&steden=beestad&gclid=1")
    assert tracked.content.decode() == clean
    assert "utm_medium" not in clean and "gclid" not in clean
    assert cache_rows() == rows
    hidden = client.get("/vergelijk/?steden=aastad&steden=beestad&verberg_gelijk=1")
    assert hidden.content.decode() != clean  # a parameter the page reads is its own page
    assert cache_rows() == rows + 1


def test_a_search_is_kept_per_phrase(client, db):
    first = client.get("/zoeken/?q=wijk&utm_source=x")
    rows = cache_rows()
    assert client.get("/zoeken/?q=wijk").content == first.content
    assert cache_rows() == rows
    client.get("/zoeken/?q=buurt")
    assert cache_rows() == rows + 1


def test_a_search_is_kept_per_page_of_results(client, db):
    for n in range(25):
        make_role(name=f"Buurtrol {n}", description="Over het buurtnetwerk.").approaches.add(
            make_approach(city=make_city())
        )
    first = client.get("/zoeken/?q=buurtnetwerk").content.decode()
    second = client.get("/zoeken/?q=buurtnetwerk&pagina=2").content.decode()
    rows = cache_rows()
    again = client.get("/zoeken/?q=buurtnetwerk&pagina=2&utm_source=x").content.decode()

    assert "Resultaten 1–20 van 25" in first
    assert "Resultaten 21–25 van 25" in second
    assert again == second
    assert cache_rows() == rows


def test_a_page_without_a_list_of_parameters_is_not_stored_with_a_query_string(client, db):
    page = cache.page_of(RequestFactory().get("/beheer/login/?next=/beheer/"))
    assert not page.storable
    assert cache.page_of(RequestFactory().get("/over/?utm_source=x")).storable


def test_readers_without_compression_get_the_plain_page_kept_once(client, city):
    compressed = client.get("/steden/zonnestad/", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/steden/zonnestad/", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain
    assert plain.content == gzip.decompress(compressed.content)
    assert int(plain["Content-Length"]) == len(plain.content)
    ((_, entry),) = [cache._local_pages.latest(d) for d in cache._local_pages._entries]
    assert entry["bodies"]["identity"] == plain.content  # unpacked once, then kept


def test_pages_tell_caches_they_may_show_them_while_the_portal_fails(client, city, settings):
    response = client.get("/steden/zonnestad/")
    assert (
        response["Cache-Control"]
        == f"max-age=0, stale-if-error={settings.PAGE_CACHE_STALE_SECONDS}"
    )


# --- One render per page, however many readers wait --------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_readers_arriving_together_after_a_publish_share_one_render(settings):
    bump_content_version()
    renders = []

    def slow_view(request):
        renders.append(request.path)
        time.sleep(0.5)
        return HttpResponse(f"<!doctype html><p>pagina {len(renders)}</p>" * 20)

    middleware = cache.PageCacheMiddleware(slow_view)
    answers = []

    def read():
        try:
            answers.append(middleware(RequestFactory().get("/steden/drukstad/")))
        finally:
            connection.close()

    readers = [threading.Thread(target=read) for _ in range(8)]
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join(timeout=20)
    assert len(renders) == 1
    assert [a.status_code for a in answers] == [200] * 8
    assert len({a.content for a in answers}) == 1
    bump_content_version()  # a publish: the next reader gets a render of the new version
    assert middleware(RequestFactory().get("/steden/drukstad/")).status_code == 200
    assert len(renders) == 2
