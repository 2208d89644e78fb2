"""API answers come from the same content-version page cache as the pages, with ETags."""

import pytest

from buurtwijs import cache
from tests.factories import make_city

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_LISTEN = False
    yield
    cache._watcher.close()


def test_a_second_request_is_answered_from_the_cache(client, django_assert_num_queries):
    make_city(slug="zonnestad", name="Zonnestad")
    first = client.get("/api/v1/steden/zonnestad/")
    with django_assert_num_queries(1):
        second = client.get("/api/v1/steden/zonnestad/")
    assert second.json() == first.json()
    assert second["Access-Control-Allow-Origin"] == "*"
    assert second["Content-Type"] == "application/json; charset=utf-8"


def test_an_etag_gives_a_304_until_something_is_published(client):
    city = make_city(slug="zonnestad", name="Zonnestad")
    etag = client.get("/api/v1/steden/").headers["ETag"]

    assert client.get("/api/v1/steden/", headers={"If-None-Match": etag}).status_code == 304
    city.name = "Zonnestede"
    city.save()
    fresh = client.get("/api/v1/steden/", headers={"If-None-Match": etag})
    assert fresh.status_code == 200
    assert fresh.json()["items"][0]["name"] == "Zonnestede"


def test_a_city_published_after_a_404_answers_at_once(client):
    assert client.get("/api/v1/steden/zonnestad/").status_code == 404
    make_city(slug="zonnestad")
    assert client.get("/api/v1/steden/zonnestad/").status_code == 200


def test_the_embed_keeps_its_framing_rules_when_served_from_the_cache(client):
    from tests.factories import make_approach

    for slug in ("zonnestad", "maanstad"):
        make_approach(city=make_city(slug=slug))
    url = "/vergelijk/insluiten/?steden=zonnestad&steden=maanstad"
    client.get(url)
    cached = client.get(url)
    assert "frame-ancestors *" in cached["Content-Security-Policy"]
    assert "X-Frame-Options" not in cached
    page = client.get("/vergelijk/?steden=zonnestad&steden=maanstad")
    assert client.get("/vergelijk/?steden=zonnestad&steden=maanstad")["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
