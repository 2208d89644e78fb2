"""Production settings pass Django's deployment checklist, and local settings stay usable."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    """Run code in a fresh interpreter, so settings are read from the given environment."""
    # Only what a deployment would have: none of the test run's own switches.
    kept = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "DATABASE_URL"}
    environment = {key: value for key, value in os.environ.items() if key in kept}
    environment |= {"DJANGO_SETTINGS_MODULE": "buurtwijs.settings", **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production(**env) -> dict:
    return {
        "BUURTWIJS_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "buurtwijs.example.nl",
    } | env


CHECK_DEPLOY = (
    "import django, sys; django.setup(); from django.core.management import call_command; "
    "call_command('check', deploy=True, fail_level='WARNING')"
)
SHOW_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({n: getattr(s, n, None) for n in ("
    "'SESSION_COOKIE_NAME', 'CSRF_COOKIE_NAME', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', "
    "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_PROXY_SSL_HEADER', "
    "'SECURE_REDIRECT_EXEMPT', 'SECRET_KEY')}))"
)


def settings_in(**env) -> dict:
    import json

    result = run_python(SHOW_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_production_settings_pass_check_deploy_with_zero_warnings():
    result = run_python(CHECK_DEPLOY, **production())

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_nothing_is_silenced():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SILENCED_SYSTEM_CHECKS)",
        **production(),
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_production_uses_host_prefixed_secure_cookies_and_hsts():
    values = settings_in(**production())

    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"] and values["CSRF_COOKIE_HTTPONLY"]
    assert values["SECURE_SSL_REDIRECT"]
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_REDIRECT_EXEMPT"] == ["^gezond/$"]


def test_local_settings_keep_plain_cookies_for_http():
    values = settings_in()

    assert values["SESSION_COOKIE_NAME"] == "sessionid"
    assert values["CSRF_COOKIE_NAME"] == "csrftoken"
    assert not values["SESSION_COOKIE_SECURE"]
    assert not values["SECURE_SSL_REDIRECT"]


def test_the_secret_key_can_come_from_a_file(tmp_path):
    key = secrets.token_urlsafe(50)
    key_file = tmp_path / "secret_key"
    key_file.write_text(key + "\n")

    env = production(SECRET_KEY_FILE=str(key_file))
    del env["SECRET_KEY"]

    assert settings_in(**env)["SECRET_KEY"] == key


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_required_setting(missing):
    env = production()
    del env[missing]

    result = run_python(CHECK_DEPLOY, **env)

    assert result.returncode != 0
    assert f"{missing}" in result.stderr
    assert "must be set" in result.stderr
