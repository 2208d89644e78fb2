"""Counting the queries a page costs, for tests that pin or compare them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, path: str, headers: dict | None = None) -> int:
    """The number of queries one GET of ``path`` runs; the page must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers or {})
    assert response.status_code == 200, path
    return len(queries)
