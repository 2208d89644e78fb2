"""Atom feeds of published changes, site-wide and per city, and the sitemap."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
import reversion

from cities.models import City, District
from editorial.models import Status
from tests.factories import make_city, make_district, make_term

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def path_of(link: str) -> str:
    parts = urlsplit(link)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_the_site_feed_parses_and_every_link_answers(client, content):
    feed = parse(client, "/feeds/wijzigingen/")

    assert feed.entries
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    for entry in feed.entries:
        assert entry.title and entry.summary
        assert client.get(path_of(entry.link)).status_code == 200, entry.link


def test_every_city_has_a_feed_announced_on_its_page(client, content):
    for city in City.objects.published():
        page = client.get(city.get_absolute_url()).content.decode()
        feed_url = f"/feeds/steden/{city.slug}/"
        assert '<link rel="alternate" type="application/atom+xml"' in page
        assert f'href="{feed_url}"' in page
        feed = parse(client, feed_url)
        assert city.name in feed.feed.title
        for entry in feed.entries:
            assert client.get(path_of(entry.link)).status_code == 200, entry.link


def test_every_page_announces_the_site_feed(client, db):
    assert 'href="/feeds/wijzigingen/"' in client.get("/").content.decode()


def test_an_entry_says_which_fields_changed(client, db):
    city = make_city(name="Zonnestad", slug="zonnestad", summary="Oud.")
    with reversion.create_revision():
        city.save()
    city.summary = "Nieuw."
    city.democracy_text = "Uitgelegd."
    with reversion.create_revision():
        city.save()

    entry = next(e for e in parse(client, "/feeds/wijzigingen/").entries if "Zonnestad" in e.title)
    assert entry.summary == "Gewijzigd: samenvatting, toelichting lokale democratie."
    assert path_of(entry.link) == "/steden/zonnestad/"


def test_without_history_an_entry_says_it_was_published(client, db):
    make_term(name="Wijkagenda")
    entry = parse(client, "/feeds/wijzigingen/").entries[0]
    assert entry.title == "Begrip: Wijkagenda"
    assert entry.summary == "Gepubliceerd."


def test_drafts_and_their_parts_stay_out_of_the_feeds(client, db):
    hidden = make_city(name="Geheimstad", slug="geheim", status=Status.DRAFT)
    make_district(city=hidden, name="Verborgen wijk")
    make_district(city=make_city(name="Zonnestad"), name="Conceptwijk", status=Status.DRAFT)

    titles = [e.title for e in parse(client, "/feeds/wijzigingen/").entries]
    assert not any("Geheim" in t or "Verborgen" in t or "Conceptwijk" in t for t in titles)
    assert client.get("/feeds/steden/geheim/").status_code == 404
    assert client.get("/feeds/steden/bestaat-niet/").status_code == 404


def test_a_city_feed_holds_only_that_city(client, db):
    make_district(city=make_city(slug="zonnestad", name="Zonnestad"), name="Zonnewijk")
    make_district(city=make_city(slug="maanstad", name="Maanstad"), name="Maanwijk")

    titles = [e.title for e in parse(client, "/feeds/steden/zonnestad/").entries]
    assert any("Zonnewijk" in t for t in titles)
    assert not any("Maan" in t for t in titles)


# --- Sitemap ------------------------------------------------------------------------------------

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client) -> dict[str, str | None]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        path_of(url.find("s:loc", NS).text): getattr(url.find("s:lastmod", NS), "text", None)
        for url in root.findall("s:url", NS)
    }


def test_the_sitemap_lists_every_city_and_district_page(client, content):
    paths = sitemap_paths(client)
    for city in City.objects.published():
        assert paths[city.get_absolute_url()], city
    districts = District.objects.published().select_related("city")
    for district in districts:
        assert paths[district.get_absolute_url()], district
    for page in ("/", "/steden/", "/vergelijk/", "/begrippen/", "/bronnen/", "/over/", "/data/"):
        assert page in paths
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_the_sitemap_leaves_drafts_out(client, db):
    make_district(city=make_city(slug="geheim", status=Status.DRAFT), slug="wijk-van-geheim")
    make_district(city=make_city(slug="zonnestad"), slug="concept", status=Status.DRAFT)
    paths = sitemap_paths(client)
    assert "/steden/geheim/" not in paths
    assert not any("concept" in path or "geheim" in path for path in paths)
    assert "/steden/zonnestad/" in paths


def test_robots_txt_names_the_sitemap(client, db):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_feeds_sitemap_and_data_page_cost_a_fixed_number_of_queries(client, db):
    from tests.factories import make_approach
    from tests.queries import count_queries

    def grow(count):
        for _ in range(count):
            city = make_city()
            make_approach(city=city)
            make_district(city=city, parent=make_district(city=city))
            make_term()

    grow(1)
    few = {url: count_queries(client, url) for url in URLS_WITH_FIXED_QUERIES}
    grow(5)
    many = {url: count_queries(client, url) for url in URLS_WITH_FIXED_QUERIES}
    assert few == many


URLS_WITH_FIXED_QUERIES = ["/feeds/wijzigingen/", "/sitemap.xml", "/data/", "/api/v1/rollen/"]
