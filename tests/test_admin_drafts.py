"""Drafts: saved in the admin, previewed by editors on the real page, invisible to the public."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cities.models import City
from editorial.models import Status
from tests.editors import form_data, make_chief_editor, make_editor
from tests.factories import make_city, make_district


def new_city(client) -> City:
    data = {
        "name": "Zwolle",
        "official_name": "Zwolle",
        "slug": "zwolle",
        "cbs_code": "GM0193",
        "summary": "Hanzestad met **wijkteams**.",
        "democracy_link": "geen",
        "districts-TOTAL_FORMS": "0",
        "districts-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:cities_city_add"), data, follow=True)
    assert "Opgeslagen als concept" in response.content.decode()
    return City.objects.get(slug="zwolle")


def test_a_new_city_is_a_draft_the_public_cannot_see(client, db):
    client.force_login(make_editor())
    city = new_city(client)
    assert city.status == Status.DRAFT
    client.logout()
    assert client.get(city.get_absolute_url()).status_code == 404
    assert "Zwolle" not in client.get(reverse("cities:list")).content.decode()


def test_an_editor_previews_the_draft_on_the_real_page(client, db):
    client.force_login(make_editor())
    city = new_city(client)
    response = client.get(city.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>wijkteams</strong>" in html
    assert "Concept" in html


def test_the_view_on_site_link_of_a_draft_opens_the_preview(client, db):
    client.force_login(make_editor())
    city = new_city(client)
    change = client.get(reverse("admin:cities_city_change", args=[city.pk]))
    assert "Dit is een <strong>concept</strong>" in change.content.decode()
    response = client.get(change.context["absolute_url"], follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("/steden/zwolle/")


def test_after_publishing_the_public_sees_the_page_with_its_date(client, db):
    client.force_login(make_editor())
    city = new_city(client)
    client.force_login(make_chief_editor())
    url = reverse("admin:cities_city_change", args=[city.pk])
    data = form_data(client.get(url)) | {"status": "gepubliceerd"}
    assert client.post(url, data).status_code == 302
    client.logout()

    response = client.get(city.get_absolute_url())
    city.refresh_from_db()
    assert response.status_code == 200
    assert city.published_at is not None
    # The page shows the date in the portal's time zone (Europe/Amsterdam), not in UTC.
    published_on = timezone.localtime(city.published_at)
    assert f'datetime="{published_on:%Y-%m-%d}"' in response.content.decode()


def test_a_draft_district_of_a_published_city_is_hidden_from_the_public(client, db):
    city = make_city(slug="utrecht")
    district = make_district(city=city, name="Nieuwe Wijk", slug="nieuwe-wijk", status=Status.DRAFT)
    assert "Nieuwe Wijk" not in client.get(city.get_absolute_url()).content.decode()
    assert client.get(district.get_absolute_url()).status_code == 404
    client.force_login(make_editor())
    assert "Nieuwe Wijk" in client.get(city.get_absolute_url()).content.decode()
    assert client.get(district.get_absolute_url()).status_code == 200


@pytest.fixture
def draft_city(db):
    return make_city(status=Status.DRAFT)


def render_banner(obj, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("includes/draft_banner.html", {"obj": obj}, request=request)


def test_the_draft_banner_tells_editors_the_page_is_not_public(draft_city):
    html = render_banner(draft_city, make_editor())
    assert "deze pagina is nog niet gepubliceerd" in html
    assert reverse("admin:cities_city_change", args=[draft_city.pk]) in html


def test_the_draft_banner_stays_away_from_published_pages_and_visitors(draft_city):
    assert render_banner(make_city(), make_editor()).strip() == ""
    assert render_banner(draft_city, AnonymousUser()).strip() == ""
