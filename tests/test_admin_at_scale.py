"""The admin at real size: every screen costs a fixed number of queries, and every form saves.

On the real content with its boundaries (as `bin/start` loads it: Amsterdam has well over a
hundred districts), and on the synthetic data (scale_data) at two sizes. bench/admin.py prints
the time and bytes of the same screens.
"""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from approaches.models import Approach, Assessment, Role
from cities.models import City, District
from editorial.registry import content_models
from scale_data import generate as scale_data
from tests.editors import form_data, make_chief_editor
from tests.queries import count_queries

# The most queries any admin screen may take (as measured, with a little room; lower is fine).
MAX_QUERIES = 45


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture(scope="module")
def real_content(django_db_setup, django_db_blocker):
    """The real content and boundaries, once for the module, rolled back after it."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_content", verbosity=0)
        call_command("load_boundaries", "--if-present", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def chief(real_content, db):
    client = Client()
    client.force_login(make_chief_editor(username="hanna"))
    return client


def registered_models():
    return [model for model in content_models() if model in admin.site._registry]


def test_amsterdam_has_its_districts_here(real_content, db):
    # Otherwise the tests below would not show what they claim.
    assert District.objects.filter(city__slug="amsterdam").count() > 100


def test_amsterdams_form_takes_no_more_queries_than_utrechts(chief):
    # Utrecht has ten districts, Amsterdam over a hundred. (A city may take one query less
    # when it has, say, no source for its number of inhabitants.)
    chief.get(admin_url(City, "change", City.objects.first().pk))  # caches warm
    counts = {
        city.slug: count_queries(chief, admin_url(City, "change", city.pk))
        for city in City.objects.all()
    }
    assert counts["amsterdam"] <= counts["utrecht"], counts
    assert max(counts.values()) <= MAX_QUERIES, counts


def test_amsterdams_form_is_small(chief):
    amsterdam = City.objects.get(slug="amsterdam")
    response = chief.get(admin_url(City, "change", amsterdam.pk))
    assert len(response.content) < 150_000
    assert "-TOTAL_FORMS" not in response.content.decode()  # no inline rows of districts


@pytest.mark.parametrize("model", registered_models(), ids=lambda m: m.__name__)
def test_every_list_and_its_largest_form_stay_within_the_limit(chief, model):
    assert count_queries(chief, admin_url(model, "changelist")) <= MAX_QUERIES
    for obj in model._base_manager.order_by("-pk")[:3]:
        assert count_queries(chief, admin_url(model, "change", obj.pk)) <= MAX_QUERIES
    assert count_queries(chief, reverse("admin:index")) <= MAX_QUERIES


def _posted_back_unchanged(client, model, obj):
    address = admin_url(model, "change", obj.pk)
    data = form_data(client.get(address))
    data["_save"] = "Opslaan"
    return client.post(address, data)


def test_assessments_show_their_categories_without_a_query_per_category(chief):
    # A category is named after its dimension ("Reikwijdte: Hele stad"); the real content has
    # some thirty categories and as many assessments.
    assessment = Assessment.objects.filter(option__isnull=False).first()
    assert count_queries(chief, admin_url(Assessment, "changelist")) <= 10
    assert count_queries(chief, admin_url(Assessment, "change", assessment.pk)) <= 16


@pytest.mark.parametrize("slug", ["amsterdam", "den-haag", "rotterdam", "utrecht"])
def test_every_real_city_form_saves_back_unchanged(chief, slug):
    city = City.objects.get(slug=slug)
    response = _posted_back_unchanged(chief, City, city)
    assert response.status_code == 302, response.content.decode()[:2000]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("met succes gewijzigd" in m for m in messages), messages


def test_every_real_approach_form_and_a_district_form_save_back_unchanged(chief):
    for approach in Approach.objects.all():
        response = _posted_back_unchanged(chief, Approach, approach)
        assert response.status_code == 302, approach
    district = District.objects.filter(city__slug="amsterdam", parent__isnull=False).first()
    assert _posted_back_unchanged(chief, District, district).status_code == 302


def test_two_editors_on_amsterdam_the_stale_save_is_refused_and_the_first_kept(real_content, db):
    anna, bram = Client(), Client()
    anna.force_login(make_chief_editor(username="anna"))
    bram.force_login(make_chief_editor(username="bram"))
    amsterdam = City.objects.get(slug="amsterdam")
    address = admin_url(City, "change", amsterdam.pk)
    annas_form, brams_form = form_data(anna.get(address)), form_data(bram.get(address))

    annas_form |= {"summary": "Anna's samenvatting.", "_save": "Opslaan"}
    assert anna.post(address, annas_form).status_code == 302
    brams_form |= {"summary": "Bram's samenvatting.", "_save": "Opslaan"}
    response = bram.post(address, brams_form)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Iemand anders heeft deze stad opgeslagen" in html
    assert "Bram&#x27;s samenvatting." in html  # what Bram typed is still in his form
    assert City.objects.get(pk=amsterdam.pk).summary == "Anna's samenvatting."


# --- scale data -----------------------------------------------------------------------------


def _screens() -> dict[str, str]:
    city = City.objects.get(slug=f"{scale_data.PREFIX}stad-000")
    approach = city.approaches.first()
    district = city.districts.filter(parent__isnull=False).first()
    role = Role.objects.filter(slug__startswith=scale_data.PREFIX).order_by("pk").first()
    return {
        "rol, in elke synthetische stad": admin_url(Role, "change", role.pk),
        "start": reverse("admin:index"),
        **{f"lijst {m.__name__}": admin_url(m, "changelist") for m in registered_models()},
        "stad": admin_url(City, "change", city.pk),
        "aanpak": admin_url(Approach, "change", approach.pk),
        "wijk": admin_url(District, "change", district.pk),
        "wijken van de stad": admin_url(District, "changelist") + f"?city__id__exact={city.pk}",
    }


def _count_all(client) -> dict[str, int]:
    screens = _screens()
    client.get(screens["stad"])  # caches warm
    return {name: count_queries(client, address) for name, address in screens.items()}


def test_admin_screens_take_as_many_queries_with_thirty_cities_as_with_four(client, db):
    client.force_login(make_chief_editor(username="hanna"))
    scale_data.make(cities=4, districts=5)
    small = _count_all(client)
    scale_data.make(cities=30, districts=40)
    large = _count_all(client)
    grown = {a: (small[a], large[a]) for a in small if large[a] != small[a]}
    assert not grown, f"queries (weinig, veel) per scherm: {grown}"
    assert max(large.values()) <= MAX_QUERIES
