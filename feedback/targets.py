"""Which page, and which object on it, a correction is about.

The "Klopt er iets niet?" link on a (possibly cached) page passes only the page's address; the
form page finds the object from it, as the reader may see it.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.db import models
from django.urls import Resolver404, resolve

from cities.models import City, District

MAX_PAGE_LENGTH = 500
GENERAL = "Buurtwijs in het algemeen"


@dataclass(frozen=True)
class Target:
    page: str
    subject: str
    obj: models.Model | None = None


def _city(user, match, query) -> Target | None:
    city = City.objects.visible_to(user).filter(slug=match.kwargs["city_slug"]).first()
    return city and Target(city.get_absolute_url(), city.name, city)


def _district(user, match, query) -> Target | None:
    district = (
        District.objects.visible_to(user)
        .filter(
            city__in=City.objects.visible_to(user),
            city__slug=match.kwargs["city_slug"],
            slug=match.kwargs["district_slug"],
        )
        .select_related("city")
        .first()
    )
    return district and Target(district.get_absolute_url(), str(district), district)


def _compare(user, match, query) -> Target:
    slugs = query.get("steden", [])[:4]
    cities = City.objects.visible_to(user).filter(slug__in=slugs).values_list("slug", "name")
    found = dict(cities)
    shown = [slug for slug in slugs if slug in found]
    if not shown:
        return Target("/vergelijk/", "Vergelijking")
    page = "/vergelijk/?" + "&".join(f"steden={slug}" for slug in shown)
    return Target(page, "Vergelijking: " + ", ".join(found[slug] for slug in shown))


FINDERS = {"cities:detail": _city, "cities:district": _district, "compare": _compare}


def find_target(page: str, user) -> Target | None:
    """The page and object, or None when the address is not a city, district or comparison page."""
    if not page.startswith("/") or page.startswith("//") or len(page) > MAX_PAGE_LENGTH:
        return None
    parts = urlsplit(page)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    finder = FINDERS.get(match.view_name)
    return finder(user, match, parse_qs(parts.query)) if finder else None
