""" "Uw stad op Buurtwijs": a proposal becomes a draft city that the public cannot see."""

import pytest
from django.core import mail

from approaches.models import Assessment, Dimension
from cities.models import City
from editorial.models import Status
from feedback.models import CityProposal
from tests.editors import make_editor
from tests.factories import make_city
from tests.feedback_helpers import quick_forms, token_from

pytestmark = pytest.mark.usefixtures("content_per_module", "db", "quick_forms")
__all__ = ["quick_forms"]
URL = "/uw-stad/"


def proposal(client, **fields):
    dimensions = Dimension.objects.published()
    data = {
        "city_name": "Eindhoven",
        "cbs_code": "GM0772",
        "proposer_name": "A. Onderzoeker",
        "proposer_kind": "onderzoeker",
        "organisation": "",
        "email": "onderzoeker@example.org",
        "scope": "focuswijken",
        "summary": "Eindhoven werkt met wijkteams in alle wijken.",
        "democracy_link": "geen",
        "democracy_text": "",
        "source_links": "https://www.eindhoven.nl/wijken\nhttps://www.cbs.nl/eindhoven",
        "website": "",
    }
    data |= {f"dimensie_{d.slug}": f"Typering {d.slug}" for d in dimensions[:3]}
    data |= fields
    data["token"] = token_from(client, URL)
    return client.post(URL, data)


def test_a_proposal_for_a_fifth_city_becomes_a_draft_the_public_cannot_see(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = proposal(client)

    assert response.status_code == 302
    city = City.objects.get(cbs_code="GM0772")
    approach = city.approaches.get()
    assert (city.status, approach.status) == (Status.DRAFT, Status.DRAFT)
    assert city.proposal == CityProposal.objects.get()
    assessments = Assessment.objects.filter(approach=approach)
    assert assessments.count() == 3
    assert set(assessments.values_list("status", flat=True)) == {Status.DRAFT}
    assert city.sources.count() == 2
    assert mail.outbox[-1].to == ["onderzoeker@example.org"]
    assert "Eindhoven" in mail.outbox[-1].subject

    assert client.get("/steden/eindhoven/").status_code == 404
    for url in ("/steden/", "/", "/zoeken/?q=wijkteams", "/vergelijk/?steden=eindhoven"):
        assert "Eindhoven" not in client.get(url).content.decode(), url


def test_an_editor_sees_the_draft_marked_as_a_proposal(client):
    proposal(client)
    city = City.objects.get(cbs_code="GM0772")
    client.force_login(make_editor())

    change_form = client.get(f"/beheer/cities/city/{city.pk}/change/").content.decode()
    queue = client.get("/beheer/feedback/cityproposal/").content.decode()

    assert "voorgesteld via ‘Uw stad op Buurtwijs’" in change_form
    assert "Eindhoven" in queue


@pytest.mark.parametrize(
    ("name", "code"),
    [("Utrecht", "GM9999"), ("UTRECHT", "GM9998"), ("Gemeente Utrecht", "GM9997"),
     ("Andere naam", "0344"), ("'s-gravenhage", "GM9996")],
)  # fmt: skip
def test_a_city_already_on_buurtwijs_is_recognised(client, name, code):
    response = proposal(client, city_name=name, cbs_code=code)

    assert response.status_code == 200
    assert "staat al op Buurtwijs" in response.content.decode()
    assert not CityProposal.objects.exists()


def test_names_match_without_accents(client):
    make_city(name="Súdwest-Fryslân", official_name="Súdwest-Fryslân", cbs_code="GM1900")

    response = proposal(client, city_name="sudwest-fryslan", cbs_code="GM9995")

    assert "Súdwest-Fryslân staat al op Buurtwijs" in response.content.decode()
    assert not CityProposal.objects.exists()


def test_a_second_proposal_for_the_same_city_is_recognised_without_showing_the_draft(client):
    proposal(client)

    response = proposal(client, city_name="eindhoven")

    assert "ligt al een voorstel bij de redactie" in response.content.decode()
    assert CityProposal.objects.count() == 1


@pytest.mark.parametrize(
    ("links", "error"),
    [("", "Noem ten minste één bron"), ("geen link", "geen volledige link"),
     ("\n".join(f"https://a.example/{n}" for n in range(16)), "hoogstens 15 links")],
)  # fmt: skip
def test_sources_must_be_links(client, links, error):
    response = proposal(client, source_links=links, summary="Mijn lange beschrijving")

    assert error in response.content.decode()
    assert "Mijn lange beschrijving" in response.content.decode()
    assert not City.objects.filter(cbs_code="GM0772").exists()


def test_the_form_asks_about_every_published_dimension(client):
    body = client.get(URL).content.decode()

    for dimension in Dimension.objects.published():
        assert dimension.question in body
