"""Password guessing on /beheer/ is stopped per username and address, and sessions end on time."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/beheer/login/?next=/beheer/"
PASSWORD = "een-lang-en-goed-wachtwoord"
ATTACKER = "203.0.113.7"
EDITOR_ADDRESS = "198.51.100.20"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        "redacteur", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, password, address=ATTACKER, username="redacteur"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, times, address=ATTACKER):
    return [log_in(client, "fout", address=address).status_code for _ in range(times)]


def test_a_correct_password_logs_the_editor_in(client, editor):
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/beheer/"


def test_five_failures_lock_that_username_from_that_address(client, editor):
    # The login form comes back four times; the fifth failure already brings the lock-out page.
    assert fail(client, 5) == [200, 200, 200, 200, 429]

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in page
    assert "over 15 minuten opnieuw" in page
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock_anyone_out(client, editor):
    fail(client, 4)
    assert log_in(client, PASSWORD).status_code == 302


def test_the_real_editor_can_still_log_in_from_elsewhere(client, editor):
    fail(client, 6)

    response = log_in(client, PASSWORD, address=EDITOR_ADDRESS)

    assert response.status_code == 302


def test_the_attacker_can_still_try_other_usernames_but_is_counted_separately(client, editor):
    fail(client, 5)
    get_user_model().objects.create_user("tweede", password=PASSWORD, is_staff=True)

    assert log_in(client, PASSWORD, username="tweede").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, editor):
    fail(client, 5)
    assert log_in(client, PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert log_in(client, PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(client, editor):
    fail(client, 4)
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()

    fail(client, 4)

    assert log_in(client, PASSWORD).status_code == 302


def test_the_lock_out_page_is_dutch_and_does_not_echo_the_username(client, editor):
    fail(client, 5, address=ATTACKER)
    hostile = "<script>alert(1)</script>"
    for _ in range(6):
        response = log_in(client, "fout", username=hostile)
    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="nl' in page
    assert "<script>alert(1)</script>" not in page


def test_logging_out_ends_the_session(client, editor):
    client.force_login(editor)
    assert client.get("/beheer/").status_code == 200

    client.post("/beheer/logout/")

    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/beheer/login/")


def test_deactivating_an_account_ends_its_sessions(client, editor):
    client.force_login(editor)
    assert client.get("/beheer/").status_code == 200

    editor.is_active = False
    editor.save()

    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/beheer/login/")


@pytest.mark.parametrize("weak", ["12345678", "wachtwoord", "redacteur1", "kort"])
def test_weak_passwords_are_refused(editor, weak):
    with pytest.raises(ValidationError):
        validate_password(weak, user=editor)
