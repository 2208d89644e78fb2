"""Pages of the site as a whole: home, about, and the error pages."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast, Coalesce
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_safe
from reversion.models import Version

from approaches.models import Approach, Trait
from approaches.views import cities_for_cards
from buurtwijs.cache import per_version
from cities.models import City, District
from editorial.pending import apply_pending
from editorial.renders import kept_for_readers
from library.models import Term

RECENT_LIMIT = 8
# A person's revision this soon after a row was made is the one that made it (an admin "add").
CREATED_BY_EDITOR_WITHIN = timedelta(minutes=1)


@require_safe
@kept_for_readers()
def home(request):
    user = request.user
    cities = list(cities_for_cards(user))
    # Staff see the cards with the changes that wait for publication, as on the city pages.
    apply_pending(user, [*cities, *(a for city in cities for a in city.approaches.all())])
    # The same for every reader until the content changes; five queries with history lookups.
    audience = user.is_authenticated and user.is_staff
    recent = per_version.get(("recent_changes", audience), lambda: recent_changes(user))
    return render(request, "home.html", {"cities": cities, "recent": recent})


@dataclass(frozen=True)
class Change:
    """One line of "Onlangs bijgewerkt"."""

    kind: str
    title: str
    url: str
    changed_at: datetime
    is_published: bool


def recent_changes(user, limit: int = RECENT_LIMIT) -> list[Change]:
    """The latest editorial changes across cities, districts, approaches, traits and terms.

    One small query per model, each already cut to ``limit``, merged here: a fixed number of
    queries however much content there is. What loaders wrote in bulk is left out (see
    ``edited_by_editors``).
    """
    changes = []
    for queryset, describe in (
        (City.objects.defer("geometry"), _city_change),
        (
            District.objects.select_related("city").defer("geometry", "city__geometry"),
            _district_change,
        ),
        (Approach.objects.select_related("city").defer("city__geometry"), _approach_change),
        (
            Trait.objects.select_related("approach__city").defer("approach__city__geometry"),
            _trait_change,
        ),
        (Term.objects.all(), _term_change),
    ):
        latest = (
            edited_by_editors(queryset.visible_to(user))
            .annotate(changed_at=Coalesce("published_at", "updated_at"))
            .order_by("-changed_at", "-pk")[:limit]
        )
        changes.extend(describe(obj) for obj in latest)
    changes.sort(key=lambda change: change.changed_at, reverse=True)
    return changes[:limit]


def edited_by_editors(queryset):
    """Rows that a person changed, leaving out what the loaders wrote and nobody touched since.

    load_content, load_boundaries and the synthetic data create rows once and never save them
    again, so such a row keeps version 1. Every save after creation raises the version (an
    edit, publishing, a revert). A row an editor created in the admin also has version 1, but
    its history starts with that editor's revision, made as the row was; a revision that merely
    includes an old row later (reverting or saving its city) does not count as creating it.
    """
    model = queryset.model
    created_by_editor = Version.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id=Cast(OuterRef("pk"), CharField()),
        revision__user__isnull=False,
        revision__date_created__lte=OuterRef("created_at") + CREATED_BY_EDITOR_WITHIN,
    )
    return queryset.filter(Q(version__gt=1) | Exists(created_by_editor))


def _city_change(city) -> Change:
    return Change("Stad", city.name, city.get_absolute_url(), city.changed_at, city.is_published)


def _district_change(district) -> Change:
    return Change(
        district.get_kind_display(),
        f"{district.name}, {district.city.name}",
        district.get_absolute_url(),
        district.changed_at,
        district.is_published,
    )


def _approach_change(approach) -> Change:
    return Change(
        "Aanpak",
        f"{approach.city.name}: {approach.name}",
        approach.get_absolute_url(),
        approach.changed_at,
        approach.is_published,
    )


def _trait_change(trait) -> Change:
    city = trait.approach.city
    return Change(
        trait.get_kind_display(),
        f"{city.name}: {_shorten(trait.text)}",
        city.get_absolute_url() + "#kenmerken",
        trait.changed_at,
        trait.is_published,
    )


def _term_change(term) -> Change:
    return Change("Begrip", term.name, term.get_absolute_url(), term.changed_at, term.is_published)


def _shorten(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@require_safe
def about(request):
    context = {
        "breadcrumbs": [("Over Buurtwijs", reverse("about"))],
        "contact_email": settings.CONTACT_EMAIL,
        "feedback_retention_days": settings.FEEDBACK_RETENTION_DAYS,
    }
    return render(request, "about.html", context)


def page_not_found(request, exception):
    context = {"breadcrumbs": [("Pagina niet gevonden", None)]}
    return render(request, "404.html", context, status=404)


def server_error(request):
    """Rendered without the request or the database: either may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render())
