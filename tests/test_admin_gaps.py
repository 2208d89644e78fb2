"""Nothing goes live by accident: role links, publishing pending rows, cards for staff."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from approaches.models import Trait
from editorial.admin import STALE_PENDING_MESSAGE
from tests.editors import form_data, make_chief_editor, make_editor
from tests.factories import make_approach, make_city, make_role, make_trait

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_content_types():
    # The link table's content type is made on first use; one made in an earlier test's rolled
    # back transaction must not linger in Django's cache.
    ContentType.objects.clear_cache()


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def role_formset(response):
    return next(
        f
        for f in response.context["inline_admin_formsets"]
        if f.formset.model.__name__.endswith("approaches")
    )


def test_an_editor_cannot_link_or_unlink_roles_on_a_published_approach(db):
    approach = make_approach()
    role = make_role()
    role.approaches.add(approach)
    editor = logged_in(make_editor())
    inline = role_formset(editor.get(change_url(approach)))
    assert not inline.has_add_permission and not inline.has_delete_permission
    # Posting a removal anyway changes nothing.
    data = form_data(editor.get(change_url(approach)))
    prefix = inline.formset.prefix
    data |= {f"{prefix}-0-DELETE": "on", "_save": "Opslaan"}
    editor.post(change_url(approach), data)
    assert list(role.approaches.all()) == [approach]


def test_a_chief_editor_links_roles_and_an_editor_may_on_a_draft(db):
    approach = make_approach(status="concept")
    editor = logged_in(make_editor())
    assert role_formset(editor.get(change_url(approach))).has_add_permission
    published = make_approach()
    chief = logged_in(make_chief_editor())
    assert role_formset(chief.get(change_url(published))).has_add_permission


def test_publishing_refuses_when_an_inline_row_changed_after_the_form_was_loaded(db):
    approach = make_approach()
    trait = make_trait(approach=approach, text="Oud.")
    editor, chief = logged_in(make_editor()), logged_in(make_chief_editor())
    data = form_data(editor.get(change_url(approach)))
    prefix = next(
        f.formset.prefix
        for f in editor.get(change_url(approach)).context["inline_admin_formsets"]
        if f.formset.model is Trait
    )
    editor.post(change_url(approach), data | {f"{prefix}-0-text": "Eerste wijziging."})
    chiefs_form = form_data(chief.get(change_url(approach)))  # sees "Eerste wijziging."
    # Meanwhile the editor changes the row again.
    data = form_data(editor.get(change_url(approach)))
    editor.post(change_url(approach), data | {f"{prefix}-0-text": "Tweede wijziging."})

    url = reverse("admin:approaches_approach_publish_pending", args=[approach.pk])
    response = chief.post(url, chiefs_form, follow=True)
    assert STALE_PENDING_MESSAGE in response.content.decode()
    trait.refresh_from_db()
    assert trait.text == "Oud."  # nothing published that the chief editor did not see
    assert trait.pending_values()["text"] == "Tweede wijziging."

    response = chief.post(url, form_data(chief.get(change_url(approach))), follow=True)
    trait.refresh_from_db()
    assert trait.text == "Tweede wijziging."


def test_cards_on_the_home_page_and_city_list_preview_pending_changes_for_staff(db):
    city = make_city(summary="Gepubliceerde samenvatting.")
    editor = logged_in(make_editor())
    data = form_data(editor.get(change_url(city)))
    editor.post(
        change_url(city), data | {"summary": "Samenvatting in concept.", "_save": "Opslaan"}
    )
    for address in ["/", "/steden/"]:
        assert "Samenvatting in concept." in editor.get(address).content.decode(), address
        public = Client().get(address).content.decode()
        assert "Gepubliceerde samenvatting." in public and "in concept." not in public, address
