"""The OpenAPI schema is exact: schemathesis, with all its checks, finds nothing against it.

Runs in process against the Django WSGI application and the real initial content, a bounded
number of generated requests per operation (valid and invalid ones).
"""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.serializers.json import DjangoJSONEncoder
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from api.v1 import api
from buurtwijs.wsgi import application

EXAMPLES_PER_OPERATION = 60

# The schema as /api/v1/openapi.json serves it (a test below compares the two); loaded here, at
# collection, where the database may not be used yet.
SCHEMA = json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))
schema = schemathesis.openapi.from_dict(SCHEMA)
schema.app = application


@pytest.fixture(autouse=True)
def real_content(content_per_module, db):
    """Every generated request reads the initial content, inside the test's transaction."""


@pytest.fixture(autouse=True)
def _connection_kept_between_requests():
    """As Django's test client does: a finished request must not close the test's connection."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_served_schema_is_the_one_tested(client):
    assert client.get("/api/v1/openapi.json").json() == SCHEMA


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_conforms_to_the_schema(case):
    case.call_and_validate()


def test_the_schema_is_openapi_3_with_every_resource(client):
    body = client.get("/api/v1/openapi.json").json()

    assert body["openapi"].startswith("3.")
    paths = set(body["paths"])
    for path in (
        "/api/v1/steden/",
        "/api/v1/steden/{stad}/",
        "/api/v1/steden/{stad}/wijken/",
        "/api/v1/steden/{stad}/wijken/{wijk}/",
        "/api/v1/dimensies/",
        "/api/v1/vergelijking/",
        "/api/v1/rollen/",
        "/api/v1/begrippen/",
        "/api/v1/bronnen/",
        "/api/v1/zoeken/",
    ):
        assert path in paths, path
    for path, methods in body["paths"].items():
        assert set(methods) == {"get"}, path
