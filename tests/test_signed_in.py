"""Sessions and signed-in users as Django has them, read in a statement of their own
(buurtwijs.signed_in): the same answers in every case that decides who is signed in."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from buurtwijs.signed_in import SessionStore, UserBackend
from tests.editors import make_editor
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-42"  # noqa: S105 (tests.editors)


@pytest.fixture
def signed_in():
    client = Client()
    assert client.login(username=make_editor().username, password=PASSWORD)
    return client


def signed_in_as(client) -> str:
    response = client.get("/beheer/")
    return response.context["user"].username if response.status_code == 200 else ""


def test_a_session_reads_back_what_was_saved():
    session = SessionStore()
    session["kleur"] = "groen"
    session.save()
    again = SessionStore(session.session_key)
    assert again.load() == {"kleur": "groen"}
    assert again.load() == db.SessionStore(session.session_key).load()


@pytest.mark.parametrize("key", ["bestaat-niet-maar-is-lang-genoeg", "x" * 40, "'; DROP--"])
def test_an_unknown_session_key_is_an_empty_session_with_no_key(key):
    session = SessionStore(key)
    assert session.load() == {}
    assert session.session_key is None  # saving it makes a new key, never the one sent


def test_an_expired_session_signs_nobody_in(signed_in):
    assert signed_in_as(signed_in) == "redacteur"
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert signed_in_as(signed_in) == ""


def test_a_signed_in_editor_is_the_user_of_the_request(signed_in):
    assert signed_in_as(signed_in) == "redacteur"


def test_a_deactivated_or_deleted_user_is_signed_out():
    user = make_editor(username="tweede")
    backend = UserBackend()
    assert backend.get_user(user.pk) == user
    user.is_active = False
    user.save()
    assert backend.get_user(user.pk) is None
    assert ModelBackend().get_user(user.pk) is None
    assert backend.get_user(10**9) is None


def test_a_new_password_ends_the_sessions_made_before(signed_in):
    assert signed_in_as(signed_in) == "redacteur"
    editor = get_user_model().objects.get(username="redacteur")
    editor.set_password("een-heel-ander-wachtwoord-7")
    editor.save()
    assert signed_in_as(signed_in) == ""


def test_a_signed_in_request_reads_its_session_and_user_once(signed_in, settings):
    settings.EDITOR_PAGES_ENABLED = True
    signed_in.get("/over/")
    # A page kept for editors: the session, the user, then the content version.
    assert count_queries(signed_in, "/over/") == 3
