"""Roles: a Redacteur edits and saves drafts; a Hoofdredacteur also publishes and deletes."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from cities.models import City
from editorial.models import Status
from editorial.roles import CHIEF_EDITOR, EDITOR
from tests.editors import form_data, make_chief_editor, make_editor
from tests.factories import make_city, make_district

CITY_LIST = reverse("admin:cities_city_changelist")


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def add_city_data(**fields) -> dict:
    return {
        "name": "Zwolle",
        "official_name": "Zwolle",
        "slug": "zwolle",
        "cbs_code": "GM0193",
        "summary": "Een nieuwe stad.",
        "democracy_link": "geen",
        "districts-TOTAL_FORMS": "0",
        "districts-INITIAL_FORMS": "0",
        **fields,
    }


def test_the_migration_creates_both_groups_with_their_permissions(db):
    editor = set(Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True))
    chief = set(Group.objects.get(name=CHIEF_EDITOR).permissions.values_list("codename", flat=True))
    assert {"view_city", "add_city", "change_city", "change_assessment", "add_term"} <= editor
    assert not {c for c in editor if c.startswith("delete_")}
    assert "publish_content" not in editor
    assert {"delete_city", "delete_approach", "publish_content"} <= chief
    assert editor < chief


def test_a_redacteur_sees_the_status_but_cannot_change_it(client, db):
    client.force_login(make_editor())
    city = make_city(status=Status.DRAFT)
    response = client.get(change_url(city))
    assert "status" not in response.context["adminform"].form.fields
    assert "Concept" in response.content.decode()


def test_a_redacteur_cannot_publish_by_posting_the_status(client, db):
    client.force_login(make_editor())
    city = make_city(status=Status.DRAFT, summary="Oud.")
    data = form_data(client.get(change_url(city))) | {"status": "gepubliceerd", "summary": "Nieuw."}
    assert client.post(change_url(city), data).status_code == 302
    city.refresh_from_db()
    assert (city.summary, city.status, city.published_at) == ("Nieuw.", Status.DRAFT, None)


def test_what_a_redacteur_adds_starts_as_a_draft(client, db):
    client.force_login(make_editor())
    response = client.post(reverse("admin:cities_city_add"), add_city_data(status="gepubliceerd"))
    assert response.status_code == 302
    assert City.objects.get(slug="zwolle").status == Status.DRAFT


def test_a_redacteur_has_no_publish_or_delete_actions(client, db):
    client.force_login(make_editor())
    make_city()
    html = client.get(CITY_LIST).content.decode()
    for action in ["publish", "unpublish", "delete_selected"]:
        assert f'value="{action}"' not in html


def test_a_redacteur_cannot_publish_with_the_list_action(client, db):
    client.force_login(make_editor())
    city = make_city(status=Status.DRAFT)
    client.post(CITY_LIST, {"action": "publish", "_selected_action": [city.pk]})
    city.refresh_from_db()
    assert city.status == Status.DRAFT


def test_a_redacteur_cannot_delete(client, db):
    client.force_login(make_editor())
    city = make_city()
    delete_url = reverse("admin:cities_city_delete", args=[city.pk])
    assert client.get(delete_url).status_code == 403
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    assert City.objects.filter(pk=city.pk).exists()


def test_a_hoofdredacteur_publishes_in_the_form_and_the_date_is_set(client, db):
    client.force_login(make_chief_editor())
    city = make_city(status=Status.DRAFT)
    assert city.published_at is None
    data = form_data(client.get(change_url(city))) | {"status": "gepubliceerd"}
    assert client.post(change_url(city), data).status_code == 302
    city.refresh_from_db()
    assert city.status == Status.PUBLISHED
    assert city.published_at is not None


def test_a_hoofdredacteur_publishes_with_the_list_action(client, db):
    client.force_login(make_chief_editor())
    drafts = [make_city(status=Status.DRAFT), make_city(status=Status.DRAFT)]
    response = client.post(
        CITY_LIST, {"action": "publish", "_selected_action": [c.pk for c in drafts]}, follow=True
    )
    assert "2 steden gepubliceerd." in response.content.decode()
    assert all(c.published_at for c in City.objects.filter(pk__in=[c.pk for c in drafts]))


def test_a_hoofdredacteur_takes_content_back_to_draft(client, db):
    client.force_login(make_chief_editor())
    city = make_city()
    client.post(CITY_LIST, {"action": "unpublish", "_selected_action": [city.pk]})
    city.refresh_from_db()
    assert city.status == Status.DRAFT


def test_a_hoofdredacteur_deletes_after_confirming(client, db):
    client.force_login(make_chief_editor())
    city = make_city()
    make_district(city=city)
    delete_url = reverse("admin:cities_city_delete", args=[city.pk])
    confirm = client.get(delete_url)
    assert confirm.status_code == 200
    assert "Weet u zeker dat u stad" in confirm.content.decode()
    assert City.objects.filter(pk=city.pk).exists()
    assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not City.objects.filter(pk=city.pk).exists()


def test_create_editor_makes_a_staff_account_with_the_role(db, monkeypatch, capsys):
    monkeypatch.setenv("BUURTWIJS_EDITOR_PASSWORD", "een-lang-wachtwoord-voor-anna")
    call_command("create_editor", "anna", "--rol", "hoofdredacteur", "--password-from-env")
    anna = get_user_model().objects.get(username="anna")
    assert anna.is_staff and not anna.is_superuser
    assert anna.check_password("een-lang-wachtwoord-voor-anna")
    assert list(anna.groups.values_list("name", flat=True)) == [CHIEF_EDITOR]
    assert anna.has_perm("editorial.publish_content")
    assert "Account anna aangemaakt: Hoofdredacteur" in capsys.readouterr().out


def test_create_editor_twice_changes_the_role_and_keeps_the_password(db, monkeypatch):
    monkeypatch.setenv("BUURTWIJS_EDITOR_PASSWORD", "een-lang-wachtwoord-voor-anna")
    call_command("create_editor", "anna", "--rol", "hoofdredacteur", "--password-from-env")
    call_command("create_editor", "anna", "--rol", "redacteur")
    anna = get_user_model().objects.get(username="anna")
    assert list(anna.groups.values_list("name", flat=True)) == [EDITOR]
    assert anna.check_password("een-lang-wachtwoord-voor-anna")


@pytest.mark.parametrize(
    ("password", "message"),
    [("", "is leeg of niet gezet"), ("kort", "Wachtwoord afgewezen")],
)
def test_create_editor_refuses_a_missing_or_weak_password(db, monkeypatch, password, message):
    monkeypatch.setenv("BUURTWIJS_EDITOR_PASSWORD", password)
    with pytest.raises(CommandError, match=message):
        call_command("create_editor", "anna", "--rol", "redacteur", "--password-from-env")
    assert not get_user_model().objects.filter(username="anna").exists()
