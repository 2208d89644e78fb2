"""Logs are JSON lines with enough context to debug, and errors never reach the visitor."""

import json
import logging
import sys

import pytest
from django.test import Client, RequestFactory

from buurtwijs.logging import JsonFormatter

pytestmark = pytest.mark.django_db


def test_an_error_record_carries_the_traceback_and_the_request():
    request = RequestFactory().get("/steden/utrecht/?q=geheim")
    try:
        raise ValueError("kapot")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s",
            ("/steden/utrecht/",), exc_info=sys.exc_info(),
            extra={"request": request, "status_code": 500},
        )  # fmt: skip

    entry = json.loads(JsonFormatter().format(record))

    assert entry["level"] == "ERROR"
    assert entry["message"] == "Internal Server Error: /steden/utrecht/"
    assert entry["method"] == "GET"
    assert entry["path"] == "/steden/utrecht/"
    assert entry["status"] == 500
    assert "ValueError: kapot" in entry["exception"]
    assert "geheim" not in json.dumps(entry)  # query strings can hold what people searched for


def test_every_request_is_logged_as_one_json_line(caplog):
    with caplog.at_level(logging.INFO, logger="buurtwijs.request"):
        Client().get("/bestaat-niet/")

    [record] = [r for r in caplog.records if r.name == "buurtwijs.request"]
    entry = json.loads(JsonFormatter().format(record))
    assert entry["method"] == "GET"
    assert entry["path"] == "/bestaat-niet/"
    assert entry["status"] == 404
    assert entry["duration_ms"] >= 0


def test_a_crash_shows_a_plain_page_and_logs_the_details(settings, caplog):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.test_logging.CrashingMiddleware"]
    client = Client(raise_request_exception=False)

    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/over/")

    assert response.status_code == 500
    assert b"Traceback" not in response.content and b"kapot" not in response.content
    [record] = [r for r in caplog.records if r.name == "django.request"]
    entry = json.loads(JsonFormatter().format(record))
    assert entry["path"] == "/over/"
    assert "RuntimeError: kapot" in entry["exception"]


class CrashingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise RuntimeError("kapot")
