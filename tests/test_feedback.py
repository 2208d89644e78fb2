"""A reader's "Klopt er iets niet?": from a (cached) page to the editors' queue, and back out."""

import json
import logging
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from buurtwijs.logging import JsonFormatter
from cities.models import City, District
from editorial.renders import is_shareable
from feedback.models import Correction, Handling, open_count
from tests.editors import make_editor
from tests.feedback_helpers import CORRECTION_URL, quick_forms, send_correction, token_from

pytestmark = pytest.mark.usefixtures("content_per_module", "db", "quick_forms")
__all__ = ["quick_forms"]


def test_the_utrecht_page_links_to_a_correction_form_about_it(client):
    page = client.get("/steden/utrecht/")

    assert b'href="/reactie/?pagina=%2Fsteden%2Futrecht%2F"' in page.content
    form = client.get("/reactie/?pagina=%2Fsteden%2Futrecht%2F")
    assert form.status_code == 200
    assert "Utrecht" in form.content.decode()


def test_a_reader_on_the_utrecht_page_sends_a_correction_and_an_editor_finds_it(client):
    response = send_correction(
        client,
        message="Utrecht heeft tien wijken, niet negen.",
        source_url="https://www.utrecht.nl/wijken",
        email="lezer@example.org",
    )

    assert response.status_code == 302
    assert response["Location"] == "/reactie/bedankt/?pagina=%2Fsteden%2Futrecht%2F"
    thanks = client.get(response["Location"])
    assert "Wat er nu gebeurt" in thanks.content.decode()
    correction = Correction.objects.get()
    utrecht = City.objects.get(slug="utrecht")
    assert (correction.about, correction.page, correction.subject) == (
        utrecht, "/steden/utrecht/", "Utrecht"
    )  # fmt: skip
    assert correction.status == Handling.NEW

    editor = make_editor()
    client.force_login(editor)
    queue = client.get("/beheer/feedback/correction/")
    assert "Utrecht heeft tien wijken" in queue.content.decode()
    change_form = client.get(f"/beheer/cities/city/{utrecht.pk}/change/")
    assert "1 open correctie van lezers hierover" in change_form.content.decode()
    assert f"object_id={utrecht.pk}" in change_form.content.decode()
    filtered = client.get(
        f"/beheer/feedback/correction/?content_type__id__exact={correction.content_type_id}"
        f"&object_id={utrecht.pk}"
    )
    assert filtered.status_code == 200
    assert "Utrecht heeft tien wijken" in filtered.content.decode()


def test_the_editors_start_page_counts_what_readers_sent(client):
    send_correction(client, message="Utrecht heeft tien wijken, niet negen.")

    client.force_login(make_editor())
    start = client.get("/beheer/").content.decode()

    assert "Reacties van lezers" in start
    assert f"{open_count()} open" in start
    assert open_count() == 1


def test_a_correction_on_a_district_page_is_about_that_district(client):
    district = District.objects.filter(city__slug="amsterdam").published().first()
    url = f"/reactie/?pagina={district.get_absolute_url()}"

    assert send_correction(client, url).status_code == 302

    assert Correction.objects.get().about == district


def test_a_correction_on_the_comparison_names_the_cities_compared(client):
    url = "/reactie/?pagina=/vergelijk/%3Fsteden%3Dutrecht%26steden%3Damsterdam"

    assert send_correction(client, url).status_code == 302

    correction = Correction.objects.get()
    assert correction.page == "/vergelijk/?steden=utrecht&steden=amsterdam"
    assert correction.subject == "Vergelijking: Utrecht, Amsterdam"
    assert correction.about is None


def test_a_correction_about_an_unknown_page_is_kept_as_general_feedback(client):
    url = "/reactie/?pagina=//elders.example/steden/"

    assert send_correction(client, url).status_code == 302

    assert Correction.objects.get().subject == "Buurtwijs in het algemeen"
    assert Correction.objects.get().page == ""


def test_the_page_with_the_link_stays_cacheable_and_the_form_page_is_not(client, settings):
    page = client.get("/steden/utrecht/")
    form = client.get(CORRECTION_URL)

    assert is_shareable(page.wsgi_request, page)
    assert not is_shareable(form.wsgi_request, form)
    assert "no-store" in form["Cache-Control"]


# --- Bad input ---------------------------------------------------------------------------------


def test_an_empty_message_gets_a_dutch_error_and_nothing_is_stored(client):
    response = send_correction(client, message="   ")

    assert response.status_code == 200
    assert "Schrijf kort wat er niet klopt" in response.content.decode()
    assert not Correction.objects.exists()


def test_an_oversized_message_is_refused_and_stays_in_the_form(client):
    text = "Dit klopt niet. " * 6400  # 100 kB

    response = send_correction(client, message=text)

    assert response.status_code == 200
    assert response.context["form"].errors["message"][0].startswith("Zorg dat")
    assert text in response.content.decode()
    assert not Correction.objects.exists()


def test_a_request_body_over_the_limit_gets_a_dutch_413(client):
    token = token_from(client, CORRECTION_URL)
    response = client.post(CORRECTION_URL, {"message": "x" * 300_000, "token": token})

    assert response.status_code == 413
    assert "te groot om te versturen" in response.content.decode()
    assert not Correction.objects.exists()


@pytest.mark.parametrize("message", ["Wijk\x00 Noordwest", "\x01\x02\x03binair\x7f"])
def test_nul_bytes_and_control_characters_are_refused_and_the_text_kept(client, message):
    response = send_correction(client, message=message)

    assert response.status_code == 200
    assert "geen tekst zijn" in response.content.decode() or "Null" in response.content.decode()
    assert not Correction.objects.exists()


def test_binary_garbage_as_the_body_never_gives_a_server_error(client):
    token = token_from(client, CORRECTION_URL)
    body = b"message=" + bytes(range(256)) + b"&token=" + token.encode()

    response = client.post(CORRECTION_URL, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert not Correction.objects.exists()


def test_a_script_tag_is_stored_as_text_and_shown_escaped_to_editors(client):
    send_correction(client, message="<script>alert('x')</script> klopt niet")
    client.force_login(make_editor())

    queue = client.get("/beheer/feedback/correction/")
    item = client.get(f"/beheer/feedback/correction/{Correction.objects.get().pk}/change/")

    assert Correction.objects.get().message.startswith("<script>")
    for response in (queue, item):
        assert "<script>alert" not in response.content.decode()
        assert "&lt;script&gt;alert" in response.content.decode()


def test_thousands_of_links_are_refused(client):
    message = " ".join(f"https://spam.example/{n}" for n in range(2000))

    response = send_correction(client, message=message)

    assert response.context["form"].errors["message"]
    assert not Correction.objects.exists()


def test_more_than_three_links_are_refused(client):
    message = " ".join(f"www.spam{n}.example" for n in range(4))

    response = send_correction(client, message=message)

    assert "te veel links: er mogen er hoogstens 3" in response.content.decode()
    assert message in response.content.decode()
    assert not Correction.objects.exists()


def test_a_few_links_are_fine(client):
    message = "Zie https://www.utrecht.nl en https://www.cbs.nl voor de cijfers."

    assert send_correction(client, message=message).status_code == 302


# --- The form token and the honeypot -----------------------------------------------------------


def test_a_form_sent_within_seconds_is_refused_and_the_text_kept(client, settings):
    settings.FEEDBACK_FORM_MIN_SECONDS = 60

    response = send_correction(client, message="Snel getypt bericht")

    assert "erg snel verstuurd" in response.content.decode()
    assert "Snel getypt bericht" in response.content.decode()
    assert not Correction.objects.exists()


def test_a_form_left_open_too_long_is_refused_with_a_fresh_token(client, settings):
    token = token_from(client, CORRECTION_URL)
    settings.FEEDBACK_FORM_MAX_AGE = 1
    time.sleep(2.1)

    response = send_correction(client, token=token, message="Lang open gestaan")

    assert "te lang open" in response.content.decode()
    assert "Lang open gestaan" in response.content.decode()
    assert response.context["token"] != token
    assert not Correction.objects.exists()
    settings.FEEDBACK_FORM_MAX_AGE = 3600
    assert send_correction(client, token=response.context["token"]).status_code == 302


@pytest.mark.parametrize("token", ["", "vervalst", "eyJmIjoiY29ycmVjdGllIn0:1abc:def"])
def test_a_missing_or_forged_token_is_refused(client, token):
    response = send_correction(client, token=token)

    assert "niet volledig aangekomen" in response.content.decode()
    assert not Correction.objects.exists()


def test_a_token_of_the_proposal_form_does_not_open_the_correction_form(client):
    token = token_from(client, "/uw-stad/")

    response = send_correction(client, token=token)

    assert "hoort bij een andere pagina" in response.content.decode()


def test_a_filled_honeypot_looks_like_success_and_stores_nothing(client):
    response = send_correction(client, website="http://spam.example")

    assert response.status_code == 302
    assert not Correction.objects.exists()


def test_the_same_form_sent_twice_is_stored_once(client):
    token = token_from(client, CORRECTION_URL)

    first = send_correction(client, token=token)
    second = send_correction(client, token=token)

    assert first.status_code == second.status_code == 302
    assert Correction.objects.count() == 1


# --- Rate limit --------------------------------------------------------------------------------


def test_a_burst_of_twenty_from_one_client_is_slowed_down(client, settings):
    answers = [send_correction(client, message=f"Bericht {n}").status_code for n in range(20)]

    limit = settings.FEEDBACK_RATE_LIMIT[0]
    assert answers == [302] * limit + [429] * (20 - limit)
    assert Correction.objects.count() == limit


def test_the_slowed_down_reader_gets_a_dutch_answer_and_keeps_the_text(client, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    send_correction(client)

    response = send_correction(client, message="Mijn tweede bericht")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    body = response.content.decode()
    assert "veel berichten verstuurd" in body
    assert "Mijn tweede bericht" in body


def test_another_client_is_not_slowed_down_by_the_first(client, settings):
    settings.FEEDBACK_RATE_LIMIT = (1, 600)
    send_correction(client, REMOTE_ADDR="10.0.0.1")
    client.defaults["REMOTE_ADDR"] = "10.0.0.1"
    assert send_correction(client).status_code == 302
    assert send_correction(client).status_code == 429

    client.defaults["REMOTE_ADDR"] = "10.0.0.2"
    assert send_correction(client).status_code == 302


# --- Privacy -----------------------------------------------------------------------------------


def test_no_address_is_stored_in_the_clear(client, django_db_blocker):
    client.defaults["REMOTE_ADDR"] = "203.0.113.77"
    send_correction(client, email="lezer@example.org")

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM buurtwijs_cache")
        cached = " ".join(f"{key} {value}" for key, value in cursor.fetchall())
    stored = json.dumps(list(Correction.objects.values()), default=str)
    assert "203.0.113.77" not in cached + stored
    assert "feedback-rate:" in cached


def test_the_logs_hold_no_message_and_no_address(client, caplog):
    caplog.set_level(logging.INFO)
    client.defaults["REMOTE_ADDR"] = "198.51.100.9"
    send_correction(client, message="Geheim bericht over de wijk", email="lezer@example.org")
    send_correction(client, message="", email="lezer@example.org")  # a refused form logs too

    logged = "\n".join(JsonFormatter().format(record) for record in caplog.records)
    assert "/reactie/" in logged
    for secret in ("Geheim bericht", "lezer@example.org", "198.51.100.9"):
        assert secret not in logged


def test_editors_get_a_mail_that_links_to_the_admin_without_the_readers_address(
    client, settings, django_capture_on_commit_callbacks
):
    settings.FEEDBACK_NOTIFY_EMAILS = ["redactie@example.org"]

    with django_capture_on_commit_callbacks(execute=True):
        send_correction(client, email="lezer@example.org")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redactie@example.org"]
    assert f"/beheer/feedback/correction/{Correction.objects.get().pk}/change/" in message.body
    assert "lezer@example.org" not in message.body + message.subject


def test_without_editors_to_mail_nothing_is_sent(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_correction(client)

    assert mail.outbox == []


def test_the_forms_and_the_about_page_say_what_is_kept_and_for_how_long(client, settings):
    days = str(settings.FEEDBACK_RETENTION_DAYS)
    for url in (CORRECTION_URL, "/uw-stad/", "/over/"):
        body = client.get(url).content.decode()
        assert "IP-adres" in body, url
        assert f"{days} dagen" in body, url


# --- The editors' queue and the retention period -----------------------------------------------


def test_an_editor_marks_a_correction_handled_with_a_note(client):
    send_correction(client)
    correction = Correction.objects.get()
    editor = make_editor()
    client.force_login(editor)
    assert open_count() == 1

    response = client.post(
        f"/beheer/feedback/correction/{correction.pk}/change/",
        {"status": Handling.HANDLED, "editor_note": "Aangepast, bron klopt."},
    )

    assert response.status_code == 302
    correction.refresh_from_db()
    assert (correction.status, correction.handled_by, correction.editor_note) == (
        Handling.HANDLED, editor, "Aangepast, bron klopt."
    )  # fmt: skip
    assert correction.handled_at is not None
    assert open_count() == 0


def test_the_queue_action_rejects_several_at_once(client):
    for n in range(3):
        send_correction(client, message=f"Bericht {n}")
    editor = make_editor()
    client.force_login(editor)

    client.post(
        "/beheer/feedback/correction/",
        {
            "action": "mark_rejected",
            "_selected_action": list(Correction.objects.values_list("pk", flat=True)),
        },
    )

    assert set(Correction.objects.values_list("status", "handled_by")) == {
        (Handling.REJECTED, editor.pk)
    }


def test_editors_cannot_add_messages_themselves(client):
    client.force_login(make_editor())

    assert client.get("/beheer/feedback/correction/add/").status_code == 403


def test_handled_messages_past_retention_are_deleted_and_running_twice_is_safe(client, settings):
    for n in range(4):
        send_correction(client, message=f"Bericht {n}", email=f"lezer{n}@example.org")
    old, recent, rejected_old, new = Correction.objects.order_by("pk")
    long_ago = timezone.now() - timedelta(days=settings.FEEDBACK_RETENTION_DAYS + 1)
    Correction.objects.filter(pk=old.pk).update(status=Handling.HANDLED, handled_at=long_ago)
    Correction.objects.filter(pk=rejected_old.pk).update(
        status=Handling.REJECTED, handled_at=long_ago
    )
    Correction.objects.filter(pk=recent.pk).update(
        status=Handling.HANDLED, handled_at=timezone.now()
    )
    Correction.objects.filter(pk=new.pk).update(received_at=long_ago)

    call_command("purge_feedback", verbosity=0)
    call_command("purge_feedback", verbosity=0)

    assert set(Correction.objects.values_list("pk", flat=True)) == {recent.pk, new.pk}


def test_the_comparison_links_to_a_correction_about_the_cities_on_screen(client):
    page = client.get("/vergelijk/?steden=utrecht&steden=amsterdam&utm_source=x").content.decode()
    fragment = client.get(
        "/vergelijk/?steden=utrecht&steden=den-haag", headers={"HX-Request": "true"}
    ).content.decode()

    assert "/reactie/?pagina=%2Fvergelijk%2F%3Fsteden%3Dutrecht%26steden%3Damsterdam" in page
    assert "utm_source" not in page
    assert "/reactie/?pagina=%2Fvergelijk%2F%3Fsteden%3Dutrecht%26steden%3Dden-haag" in fragment
