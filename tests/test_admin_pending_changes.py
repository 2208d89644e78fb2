"""Changes to published content wait for a chief editor; only staff preview them on the site."""

import pytest
from django.core.management import call_command, get_commands
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from approaches.models import Approach, Trait
from cities.models import City, District
from editorial.admin import HELD_BACK_MESSAGE
from editorial.models import Status
from tests.editors import form_data, make_chief_editor, make_editor
from tests.factories import make_approach, make_city, make_district, make_source, make_trait

OLD = "Utrecht werkt wijkgericht met wijkbureaus."
NEW = "Utrecht werkt wijkgericht met buurtteams en initiatiefbudgetten."


@pytest.fixture
def city(db):
    return make_city(name="Utrecht", official_name="Utrecht", slug="utrecht", summary=OLD)


@pytest.fixture
def editor(db):
    client = Client()
    client.force_login(make_editor())
    return client


@pytest.fixture
def chief(db):
    client = Client()
    client.force_login(make_chief_editor())
    return client


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def edit(client, obj, **fields):
    url = change_url(obj)
    return client.post(url, form_data(client.get(url)) | fields, follow=True)


def post_pending(client, obj, what: str, **fields):
    """Press "publiceren" or "verwerpen" on the change form as it is now."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{what}_pending", args=[obj.pk])
    return client.post(url, form_data(client.get(change_url(obj))) | fields, follow=True)


def page(client, obj) -> str:
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_an_editors_change_to_a_published_city_is_kept_as_a_draft(editor, city):
    published_at = city.published_at
    response = edit(editor, city, summary=NEW)

    assert HELD_BACK_MESSAGE in response.content.decode()
    city.refresh_from_db()
    assert city.summary == OLD
    assert city.pending_changes == {"summary": NEW}
    assert city.published_at == published_at
    assert OLD in page(Client(), city)
    assert NEW not in page(Client(), city)


def test_staff_preview_the_change_on_the_real_page_with_a_banner(editor, city):
    edit(editor, city, summary=NEW)

    staff = page(editor, city)
    assert NEW in staff
    assert OLD not in staff
    assert "<strong>Concept-wijzigingen</strong>" in staff
    public = page(Client(), city)
    assert "Concept-wijziging" not in public


def test_the_change_form_continues_from_the_pending_values(editor, city):
    edit(editor, city, summary=NEW)
    response = editor.get(change_url(city))

    assert response.context["adminform"].form["summary"].value() == NEW
    html = response.content.decode()
    assert "Wijzigingen in concept" in html
    assert "Utrecht: Samenvatting" in html
    assert "Concept-wijzigingen publiceren" not in html


def test_later_changes_are_added_to_the_pending_ones(editor, city):
    edit(editor, city, summary=NEW)
    edit(editor, city, official_name="Gemeente Utrecht")
    city.refresh_from_db()
    assert city.pending_changes == {"summary": NEW, "official_name": "Gemeente Utrecht"}
    assert city.official_name == "Utrecht"


def test_a_value_changed_back_is_no_longer_pending(editor, city):
    edit(editor, city, summary=NEW)
    edit(editor, city, summary=OLD)
    city.refresh_from_db()
    assert city.pending_changes is None


def test_numbers_dates_and_links_wait_too(editor, city):
    edit(editor, city, inhabitants="361966", district_elections="on", democracy_link="wijkraden")
    city.refresh_from_db()
    assert city.inhabitants is None
    assert city.pending_values() == {
        "inhabitants": 361966,
        "district_elections": True,
        "democracy_link": "wijkraden",
    }


def test_changes_to_a_draft_are_saved_at_once(editor, db):
    draft = make_city(status=Status.DRAFT, summary=OLD)
    edit(editor, draft, summary=NEW)
    draft.refresh_from_db()
    assert draft.summary == NEW
    assert draft.pending_changes is None


def test_a_chief_editor_sees_what_would_change_and_publishes_it(editor, chief, city):
    edit(editor, city, summary=NEW)
    before = city.published_at
    html = chief.get(change_url(city)).content.decode()
    assert "<ins>buurtteams en initiatiefbudgetten.</ins>" in html
    assert "<del>wijkbureaus.</del>" in html

    response = post_pending(chief, city, "publish")

    assert "De concept-wijzigingen zijn gepubliceerd." in response.content.decode()
    city.refresh_from_db()
    assert city.summary == NEW
    assert city.pending_changes is None
    assert city.published_at > before
    assert NEW in page(Client(), city)
    comments = [v.revision.comment for v in Version.objects.get_for_object(city)]
    assert "Concept-wijzigingen gepubliceerd." in comments


def test_a_chief_editor_can_discard_the_pending_changes(editor, chief, city):
    edit(editor, city, summary=NEW)
    response = post_pending(chief, city, "discard")

    assert "De concept-wijzigingen zijn verworpen." in response.content.decode()
    city.refresh_from_db()
    assert (city.summary, city.pending_changes) == (OLD, None)
    assert NEW not in page(chief, city)


def test_the_list_actions_publish_and_discard(editor, chief, city):
    other = make_city(summary=OLD)
    edit(editor, city, summary=NEW)
    edit(editor, other, summary=NEW)
    url = reverse("admin:cities_city_changelist")

    chief.post(url, {"action": "publish_pending_changes", "_selected_action": [city.pk]})
    chief.post(url, {"action": "discard_pending_changes", "_selected_action": [other.pk]})

    city.refresh_from_db()
    other.refresh_from_db()
    assert (city.summary, city.pending_changes) == (NEW, None)
    assert (other.summary, other.pending_changes) == (OLD, None)


def test_a_chief_editor_saving_the_form_publishes_the_pending_changes(editor, chief, city):
    edit(editor, city, summary=NEW)
    edit(chief, city)
    city.refresh_from_db()
    assert (city.summary, city.pending_changes) == (NEW, None)


def test_a_chief_editors_own_change_goes_live_at_once(chief, city):
    edit(chief, city, summary=NEW)
    city.refresh_from_db()
    assert (city.summary, city.pending_changes) == (NEW, None)


def test_an_editor_cannot_publish_or_discard_pending_changes(editor, city):
    edit(editor, city, summary=NEW)
    assert post_pending(editor, city, "publish").status_code == 403
    assert post_pending(editor, city, "discard").status_code == 403
    url = reverse("admin:cities_city_changelist")
    for action in ["publish_pending_changes", "discard_pending_changes"]:
        editor.post(url, {"action": action, "_selected_action": [city.pk]})
    city.refresh_from_db()
    assert (city.summary, city.pending_changes) == (OLD, {"summary": NEW})


def test_publishing_is_refused_when_the_changes_changed_after_loading(editor, chief, city):
    edit(editor, city, summary=NEW)
    seen = form_data(chief.get(change_url(city)))
    edit(editor, city, summary="Nog iets anders.")
    url = reverse("admin:cities_city_publish_pending", args=[city.pk])

    response = chief.post(url, seen, follow=True)

    assert "De concept-wijzigingen zijn intussen veranderd" in response.content.decode()
    city.refresh_from_db()
    assert city.summary == OLD


def test_a_chief_editors_stale_form_is_refused_after_a_pending_save(editor, chief, city):
    chiefs_form = form_data(chief.get(change_url(city)))
    edit(editor, city, summary=NEW)
    response = chief.post(change_url(city), chiefs_form | {"summary": "Van de hoofdredacteur."})

    assert response.status_code == 200
    assert f"opgeslagen staat nu “{NEW} (concept)”" in response.content.decode()
    city.refresh_from_db()
    assert (city.summary, city.pending_changes) == (OLD, {"summary": NEW})


def test_publishing_unknown_objects_is_not_found(chief, db):
    url = reverse("admin:cities_city_publish_pending", args=["999999"])
    assert chief.post(url).status_code == 404
    assert chief.get(url).status_code == 405


@pytest.fixture
def trait(city):
    approach = make_approach(city=city, name="Wijkgericht werken")
    return make_trait(approach=approach, text="Dicht bij bewoners.")


def trait_field(data: dict) -> str:
    return next(
        k for k, v in data.items() if k.startswith("traits-") and v == "Dicht bij bewoners."
    )


def test_an_editors_change_to_a_published_row_inline_waits_too(editor, chief, trait):
    approach, city = trait.approach, trait.approach.city
    approach_published_at = approach.published_at
    url = change_url(approach)
    data = form_data(editor.get(url))
    data[trait_field(data)] = "Dicht bij bewoners en ondernemers."
    response = editor.post(url, data, follow=True)

    assert HELD_BACK_MESSAGE in response.content.decode()
    trait.refresh_from_db()
    approach.refresh_from_db()
    assert trait.text == "Dicht bij bewoners."
    assert trait.pending_changes == {"text": "Dicht bij bewoners en ondernemers."}
    assert approach.published_at == approach_published_at
    assert "ondernemers" not in page(Client(), city)
    staff = page(editor, city)
    assert "Dicht bij bewoners en ondernemers." in staff
    assert "Concept-wijziging</span>" in staff

    html = chief.get(url).content.decode()
    assert "<ins>bewoners en ondernemers.</ins>" in html
    post_pending(chief, approach, "publish")
    assert Trait.objects.get(pk=trait.pk).text == "Dicht bij bewoners en ondernemers."
    assert "ondernemers" in page(Client(), city)


def test_the_row_form_continues_from_its_pending_values(editor, trait):
    url = change_url(trait.approach)
    data = form_data(editor.get(url))
    data[trait_field(data)] = "Dicht bij bewoners en ondernemers."
    editor.post(url, data)
    again = form_data(editor.get(url))
    assert "Dicht bij bewoners en ondernemers." in again.values()


def test_a_published_rows_date_stays_while_its_change_waits(editor, trait):
    before = Trait.objects.get(pk=trait.pk).published_at
    url = change_url(trait.approach)
    data = form_data(editor.get(url))
    data[trait_field(data)] = "Anders."
    editor.post(url, data)
    assert Trait.objects.get(pk=trait.pk).published_at == before


def test_a_district_page_previews_its_pending_summary(editor, city):
    district = make_district(city=city, name="Overvecht", slug="overvecht", summary="Oud.")
    edit(editor, district, summary="Vernieuwd.")
    assert "Vernieuwd." in page(editor, district)
    assert "Vernieuwd." not in page(Client(), district)
    assert District.objects.get(pk=district.pk).summary == "Oud."


def test_the_city_page_lists_a_district_with_its_pending_name_for_staff(editor, city):
    make_district(city=city, name="Overvecht", slug="overvecht")
    district = make_district(city=city, name="Zuilen", slug="zuilen")
    edit(editor, district, name="Zuilen-Ondiep")

    staff = page(editor, city)
    public = page(Client(), city)

    link = '<li><a href="/steden/utrecht/wijken/zuilen/">'
    item = staff[staff.index(f"{link}Zuilen-Ondiep</a>") :].split("</li>")[0]
    assert "Concept-wijziging" in item
    assert f"{link}Zuilen</a>" in public
    assert "Zuilen-Ondiep" not in public
    assert "Concept-wijziging" not in public
    assert '<li><a href="/steden/utrecht/wijken/overvecht/">Overvecht</a>' in public


def test_pending_text_never_reaches_the_search_index(editor, city):
    edit(editor, city, summary="Een zeldzaam woord: kwartiermakerschap.")
    if "rebuild_search_index" in get_commands():
        call_command("rebuild_search_index", verbosity=0)
    public = Client().get(reverse("search"), {"q": "kwartiermakerschap"}).content.decode()
    staff = editor.get(reverse("search"), {"q": "kwartiermakerschap"}).content.decode()
    found = Client().get(reverse("search"), {"q": "wijkbureaus"}).content.decode()
    assert "/steden/utrecht/" not in public
    assert "/steden/utrecht/" not in staff
    assert "/steden/utrecht/" in found


def count_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_preview_costs_no_extra_queries(editor, trait):
    city = trait.approach.city
    district = make_district(city=city, summary="Oud.")
    before = [
        count_queries(editor, city.get_absolute_url()),
        count_queries(editor, district.get_absolute_url()),
    ]
    edit(editor, city, summary=NEW)
    edit(editor, district, summary="Vernieuwd.")
    data = form_data(editor.get(change_url(trait.approach)))
    data[trait_field(data)] = "Anders."
    editor.post(change_url(trait.approach), data)

    after = [
        count_queries(editor, city.get_absolute_url()),
        count_queries(editor, district.get_absolute_url()),
    ]
    assert after == before
    assert City.objects.get(pk=city.pk).pending_changes


def test_the_comparison_previews_pending_changes_for_staff_only(editor, city):
    other = make_city()
    approach = make_approach(city=city, summary="Wijkbureaus in elke wijk.")
    make_approach(city=other)
    Approach.objects.filter(pk=approach.pk).update(pending_changes={"summary": "Buurtteams."})
    url = f"{reverse('compare')}?steden={city.slug}&steden={other.slug}"

    assert "Buurtteams." in editor.get(url).content.decode()
    public = Client().get(url).content.decode()
    assert "Buurtteams." not in public
    assert "Wijkbureaus in elke wijk." in public


def test_reverting_to_an_earlier_version_drops_the_waiting_changes(editor, chief, city):
    edit(chief, city, official_name="Gemeente Utrecht")
    chiefs = Version.objects.get_for_object(city).first()
    edit(editor, city, summary=NEW)
    url = reverse("admin:cities_city_revision", args=[city.pk, chiefs.pk])
    assert chief.post(url, form_data(chief.get(url))).status_code == 302

    city.refresh_from_db()
    assert (city.official_name, city.summary, city.pending_changes) == (
        "Gemeente Utrecht",
        OLD,
        None,
    )


def test_added_sources_wait_and_are_linked_on_publishing(editor, chief, city):
    source = make_source(title="Wijkaanpak Utrecht 2018")
    edit(editor, city, sources=[str(source.pk)])
    assert list(city.sources.all()) == []
    assert City.objects.get(pk=city.pk).pending_changes == {"sources": [source.pk]}
    assert editor.get(change_url(city)).context["adminform"].form["sources"].value() == [source.pk]

    post_pending(chief, city, "publish")
    assert list(city.sources.all()) == [source]
