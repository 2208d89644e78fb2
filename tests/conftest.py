import os

import pytest
from django.core.management import call_command

from buurtwijs import editor_pages
from buurtwijs.cache import per_version
from editorial import renders

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def pytest_configure(config):
    # Browser tests drive Playwright's sync API inside pytest-django's live server.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not os.environ.get("DATABASE_URL"):
        from buurtwijs import embedded_db

        embedded_db.ensure_running()


@pytest.fixture(autouse=True)
def _static_files_without_manifest(settings):
    """{% static %} works without collectstatic; the manifest storage is for production."""
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = settings.STORAGES | {"staticfiles": plain}


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """Tests see each view as rendered; tests/test_page_cache.py, tests/test_editor_pages.py and
    tests/test_kept_renders.py switch the caches on.

    Each test starts from the same content version (the transaction is rolled back), so what
    an earlier test worked out per version is forgotten too.
    """
    settings.PAGE_CACHE_ENABLED = False
    settings.EDITOR_PAGES_ENABLED = False
    settings.KEPT_RENDERS_ENABLED = False
    per_version.clear()
    editor_pages.clear()
    renders.clear()


@pytest.fixture
def content(db):
    """The real initial content, as `bin/start` loads it."""
    call_command("load_content", verbosity=0)


@pytest.fixture(scope="module")
def content_per_module(django_db_setup, django_db_blocker):
    """The real initial content, loaded once per test module and rolled back after it.

    For modules with many read-only checks on the content (loading takes seconds). Tests still
    ask for `db`, which wraps each of them in a savepoint inside this transaction; not for
    `transactional_db` or `live_server` tests.
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=[PHONE, DESKTOP], ids=["telefoon", "desktop"])
def page(request, browser):
    """A fresh browser page, once at phone width and once at desktop width."""
    context = browser.new_context(viewport=request.param, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def assert_no_axe_violations(page) -> None:
    """Run axe-core in the page and fail with a readable list of what it found."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = results.response["violations"]
    assert not violations, results.generate_report()
