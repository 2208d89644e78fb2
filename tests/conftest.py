import os

import pytest


def pytest_configure(config):
    # Browser tests drive Playwright's sync API inside pytest-django's live server.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not os.environ.get("DATABASE_URL"):
        from buurtwijs import embedded_db

        embedded_db.ensure_running()
