"""/gezond/ tells a load balancer whether this instance can reach its database."""

import tempfile
from contextlib import contextmanager

import pytest
from django.db import connections
from django.test import Client


@contextmanager
def database_unreachable():
    """Point the connection at a socket folder where no server listens: a real failed connect."""
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    connection.close()
    with tempfile.TemporaryDirectory(prefix="bw-leeg-") as empty:
        connection.settings_dict["HOST"] = empty
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


@pytest.mark.django_db
def test_health_answers_ok_when_the_database_answers(client):
    response = client.get("/gezond/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_answers_to_head_requests(client):
    assert client.head("/gezond/").status_code == 200


@pytest.mark.django_db
def test_health_refuses_other_methods(client):
    assert client.post("/gezond/").status_code == 405


@pytest.mark.django_db(transaction=True)
def test_health_answers_503_when_the_database_is_unreachable():
    client = Client(raise_request_exception=False)
    with database_unreachable():
        response = client.get("/gezond/")

    assert response.status_code == 503
    assert response["Retry-After"]
    assert b"Traceback" not in response.content


@pytest.mark.django_db(transaction=True)
def test_health_recovers_as_soon_as_the_database_is_back():
    client = Client(raise_request_exception=False)
    with database_unreachable():
        assert client.get("/gezond/").status_code == 503

    assert client.get("/gezond/").status_code == 200


def test_health_is_exempt_from_the_https_redirect(settings, client, django_db_blocker):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]
    with django_db_blocker.unblock():
        assert client.get("/gezond/").status_code == 200
        assert client.get("/over/").status_code == 301
