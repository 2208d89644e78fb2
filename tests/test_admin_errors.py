"""No admin request ends on Django's bare English 400 or 403 page."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from cities.models import City
from tests.editors import form_data, make_chief_editor, make_editor
from tests.factories import make_city, make_source

pytestmark = pytest.mark.django_db


def city_url(city) -> str:
    return reverse("admin:cities_city_change", args=[city.pk])


def test_a_form_with_too_many_fields_gets_a_dutch_page_with_what_was_typed(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    client.force_login(make_chief_editor())
    city = make_city(summary="Oud.")
    data = form_data(client.get(city_url(city)))
    data |= {"summary": "Mijn lange nieuwe samenvatting.", "_save": "Opslaan"}
    data |= {f"extra-{n}": "x" for n in range(60)}
    # As a browser posts the admin form (no file fields: not multipart).
    body = urlencode(data, doseq=True)
    response = client.post(city_url(city), body, content_type="application/x-www-form-urlencoded")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit formulier is te groot om op te slaan" in html
    assert "Mijn lange nieuwe samenvatting." in html
    assert "Bad Request" not in html
    assert 'lang="nl"' in html and "Buurtwijs beheer" in html
    assert City.objects.get(pk=city.pk).summary == "Oud."


def test_an_expired_form_gets_a_dutch_page_with_what_was_typed(db):
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(make_chief_editor())
    city = make_city(summary="Oud.")
    data = form_data(editor.get(city_url(city)))
    data |= {"summary": "Wat ik net typte.", "_save": "Opslaan"}
    response = editor.post(city_url(city), data)  # no CSRF token: as after an expired session
    html = response.content.decode()
    assert response.status_code == 403
    assert "Uw formulier was verlopen" in html
    assert "Wat ik net typte." in html
    assert "Forbidden" not in html


def test_a_forbidden_action_gets_a_dutch_page_in_the_admins_style(client):
    client.force_login(make_editor())  # a Redacteur may not delete
    source = make_source()
    response = client.get(reverse("admin:library_source_delete", args=[source.pk]))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Dit mag u niet doen" in html
    assert "Forbidden" not in html and "Buurtwijs beheer" in html
