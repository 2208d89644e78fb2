"""Every kind of response carries the security headers, and the policy is strict."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.factories import make_city, make_district

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_urls():
    """One URL of every page type, the error and utility responses included."""
    district = make_district(city=make_city(slug="utrecht", name="Utrecht"), slug="overvecht")
    return [
        "/",
        "/steden/",
        "/steden/utrecht/",
        district.get_absolute_url(),
        "/vergelijk/?steden=utrecht",
        "/zoeken/?q=wijk",
        "/begrippen/",
        "/bronnen/",
        "/over/",
        "/steden/bestaat-niet/",
        "/beheer/login/",
        "/gezond/",
        "/robots.txt",
        "/.well-known/security.txt",
    ]


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_every_page_type_sends_the_security_headers(client, page_urls):
    for url in page_urls:
        response = client.get(url)
        assert response.status_code < 500, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", url
        assert "geolocation=()" in response["Permissions-Policy"], url
        assert "camera=()" in response["Permissions-Policy"], url
        assert "microphone=()" in response["Permissions-Policy"], url
        assert response["X-Frame-Options"] == "DENY", url
        assert "Content-Security-Policy" in response, url


def test_content_security_policy_allows_nothing_inline_or_foreign(client):
    policy = directives(client.get("/")["Content-Security-Policy"])

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert policy["style-src"][0] == "'self'"
    for directive in ("script-src", "style-src"):
        assert all(v.startswith("'nonce-") for v in policy[directive][1:]), policy[directive]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_script_policy_never_allows_inline_code_or_eval(client, admin_user):
    client.force_login(admin_user)
    for url in (
        "/",
        "/beheer/",
        "/beheer/auth/user/",
        f"/beheer/auth/user/{admin_user.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy, url
        assert "unsafe-eval" not in policy, url
        assert "*" not in policy, url


def test_the_nonce_is_new_for_every_response(client, admin_user):
    client.force_login(admin_user)
    first = directives(client.get("/beheer/auth/user/")["Content-Security-Policy"])
    second = directives(client.get("/beheer/auth/user/")["Content-Security-Policy"])
    assert first["script-src"][1].startswith("'nonce-")
    assert first["script-src"] != second["script-src"]


def test_static_files_carry_the_headers_too(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", interactive=False, verbosity=0)

    response = Client().get(settings.STATIC_URL + "css/site.css")

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("path", ["/vergelijk/", "/zoeken/"])
def test_htmx_is_configured_to_need_no_inline_styles_or_eval(client, path):
    page = client.get(path).content.decode()
    assert '<meta name="htmx-config"' in page
    assert '"includeIndicatorStyles": false' in page
    assert '"allowEval": false' in page
    assert '"allowScriptTags": false' in page


def test_cookies_are_http_only_and_same_site(client, admin_user):
    response = client.post(
        "/beheer/login/?next=/beheer/",
        {"username": admin_user.username, "password": "password"},
    )
    session_cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["httponly"]
    assert session_cookie["samesite"] == "Lax"


def watch_for_policy_violations(page) -> list[str]:
    """Collect the console errors Chromium prints when the policy blocks something."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_admin_works_under_the_policy_without_violations(live_server, desktop_page):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("beheerder", password="een-lang-wachtwoord-42")
    city = make_city(name="Utrecht", slug="utrecht")
    make_district(city=city, name="Overvecht", slug="overvecht")
    page = desktop_page
    violations = watch_for_policy_violations(page)

    page.goto(live_server.url + "/beheer/login/")
    page.fill("#id_username", "beheerder")
    page.fill("#id_password", "een-lang-wachtwoord-42")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/beheer/")
    for path in (
        "/beheer/cities/city/",
        f"/beheer/cities/city/{city.pk}/change/",
        "/beheer/cities/district/add/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    # The admin's own scripts ran: the change form's inlines and widgets are set up by them.
    assert page.locator("#district_form, form").count() > 0

    assert violations == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_run_under_the_policy_without_violations(live_server, desktop_page):
    city = make_city(name="Utrecht", slug="utrecht")
    make_district(city=city, name="Overvecht", slug="overvecht")
    page = desktop_page
    violations = watch_for_policy_violations(page)

    for path in (
        "/",
        "/steden/",
        "/steden/utrecht/",
        "/vergelijk/?steden=utrecht",
        "/zoeken/?q=wijk",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof htmx") == "object"  # htmx itself loaded under the policy

    assert violations == []


@pytest.mark.parametrize("path", ["/", "/steden/", "/begrippen/", "/bronnen/", "/over/"])
def test_pages_that_use_no_htmx_do_not_load_it(client, path):
    page = client.get(path).content.decode()
    assert " hx-" not in page
    assert "htmx-2" not in page
