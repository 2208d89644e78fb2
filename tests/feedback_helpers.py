"""Shared steps for the feedback tests: fetch a form's token, send a correction."""

import pytest
from django.core.cache import cache

CORRECTION_URL = "/reactie/?pagina=/steden/utrecht/"


@pytest.fixture
def quick_forms(settings):
    """No waiting: the minimum time between showing and sending a form is tested on its own."""
    settings.FEEDBACK_FORM_MIN_SECONDS = 0
    cache.clear()


def token_from(client, url: str, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.context["token"]


def send_correction(client, url=CORRECTION_URL, token=None, **fields):
    data = {
        "message": "Het aantal wijken klopt niet.",
        "source_url": "",
        "email": "",
        "website": "",
    }
    data |= fields
    data["token"] = token if token is not None else token_from(client, url)
    return client.post(url, data)
