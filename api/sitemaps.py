"""The sitemap (/sitemap.xml): every public page, with the date of its last change."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from cities.models import City, District
from editorial.models import Status

# Pages of their own, not one per object; the glossary and sources list every term and source.
FIXED_PAGES = ["home", "cities:list", "compare", "glossary", "sources", "about", "data:index",
               "api_reference"]  # fmt: skip


class FixedPages(Sitemap):
    def items(self):
        return FIXED_PAGES

    def location(self, name: str) -> str:
        return reverse(name)


class CityPages(Sitemap):
    def items(self):
        published_approach = Q(approaches__status=Status.PUBLISHED)
        return (
            City.objects.published()
            .annotate(
                last_change=Greatest(
                    Coalesce("published_at", "updated_at"),
                    Max("approaches__published_at", filter=published_approach),
                )
            )
            .only("slug", "published_at", "updated_at")
            .order_by("name", "pk")
        )

    def lastmod(self, city):
        return city.last_change


class DistrictPages(Sitemap):
    def items(self):
        return (
            District.objects.published()
            .filter(city__in=City.objects.published())
            .select_related("city")
            .only("slug", "city__slug", "published_at", "updated_at")
            .order_by("city__name", "name", "pk")
        )

    def lastmod(self, district):
        return district.published_at or district.updated_at


SITEMAPS = {"pagina": FixedPages, "steden": CityPages, "wijken": DistrictPages}
