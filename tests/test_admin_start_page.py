"""The admin start page: what waits for publication and what others changed, each a link."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from cities.models import City
from editorial.models import Status
from tests.editors import form_data, make_chief_editor, make_editor
from tests.factories import make_city, make_trait
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_a_chief_editor_sees_pending_changes_and_drafts_by_whom_with_links(db):
    city = make_city(name="Utrecht", summary="Oud.")
    editor = logged_in(make_editor(username="bram"))
    data = form_data(editor.get(change_url(city)))
    editor.post(change_url(city), data | {"summary": "Nieuw.", "_save": "Opslaan"})
    draft = make_trait(text="Een kenmerk in concept.", status=Status.DRAFT)

    chief = logged_in(make_chief_editor(username="hanna"))
    response = chief.get(reverse("admin:index"))
    waiting = {item.url: item for item in response.context["waiting"]}
    assert waiting[change_url(city)].what == "wijziging in concept"
    assert waiting[change_url(city)].by == "bram"
    assert waiting[change_url(draft)].what == "concept"
    html = response.content.decode()
    assert "Wacht op publicatie" in html and f'href="{change_url(city)}"' in html

    recent = response.context["recent_by_others"]
    assert [change["by"] for change in recent] == ["bram"]
    assert recent[0]["url"] == change_url(city)
    own = editor.get(reverse("admin:index")).context["recent_by_others"]
    assert own == []  # bram's own changes are not "by others"


def test_the_start_page_takes_as_many_queries_with_many_drafts(db):
    chief = logged_in(make_chief_editor())
    make_city(status=Status.DRAFT)
    chief.get(reverse("admin:index"))
    few = count_queries(chief, reverse("admin:index"))
    for _ in range(20):
        make_trait(status=Status.DRAFT)
    assert count_queries(chief, reverse("admin:index")) == few


def test_lockout_records_are_for_administrators_not_editors(db):
    for user in [make_editor(), make_chief_editor()]:
        html = logged_in(user).get(reverse("admin:index")).content.decode()
        assert "Axes" not in html and "AXES" not in html and "Access attempts" not in html
        response = logged_in(user).get(reverse("admin:axes_accessattempt_changelist"))
        assert response.status_code == 403
    admin = get_user_model().objects.create_superuser("beheer", password="geheim-wachtwoord-42")
    assert logged_in(admin).get(reverse("admin:axes_accessattempt_changelist")).status_code == 200
    assert City.objects.count() == 0
