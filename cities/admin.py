import reversion
from django.contrib import admin

from cities.admin_links import approach_links, district_links, outline_preview
from cities.models import City, District
from editorial.admin import NOT_IN_HISTORY, check_unique_within
from editorial.locking import VersionedForm
from library.admin import ContentAdmin

# Registered before the admins: reverting a city puts back its districts as they were.
# The area and neighbours follow from the boundary (load_boundaries); they are not edits.
DERIVED = ["area_km2", "neighbours"]
reversion.register(District, exclude=NOT_IN_HISTORY + DERIVED)
reversion.register(City, follow=["districts"], exclude=NOT_IN_HISTORY)

DUPLICATE_SLUG = "Deze stad heeft al een wijk of gebied met deze slug. Kies een andere."


class DistrictForm(VersionedForm):
    def clean(self):
        cleaned_data = super().clean()
        check_unique_within(self, "slug", "city", DUPLICATE_SLUG)
        return cleaned_data


@admin.register(City)
class CityAdmin(ContentAdmin):
    list_display = [
        "name",
        "official_name",
        "cbs_code",
        "democracy_link",
        "district_elections",
        "status_display",
        "changed",
    ]
    list_filter = ["status", "democracy_link", "district_elections"]
    search_fields = ["name", "official_name", "cbs_code", "summary"]
    list_select_related = ["inhabitants_source"]
    autocomplete_fields = ["inhabitants_source", "sources"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["districts_overview", "approaches_overview", "map_preview"]
    fieldsets = [
        (None, {"fields": ["name", "official_name", "slug", "cbs_code", "status"]}),
        (
            "Wijken, aanpak en kaart",
            {"fields": ["districts_overview", "approaches_overview", "map_preview"]},
        ),
        ("Inwoners", {"fields": [("inhabitants", "inhabitants_year"), "inhabitants_source"]}),
        ("Tekst", {"fields": ["summary"]}),
        (
            "Lokale democratie",
            {"fields": ["democracy_link", "district_elections", "democracy_text"]},
        ),
        ("Bronnen", {"fields": ["sources"]}),
    ]

    # The districts are edited on their own list and pages: inline, Amsterdam's hundreds of
    # rows made a form of minutes and thousands of fields. Here: counts per kind, with links.
    @admin.display(description="wijken en gebieden")
    def districts_overview(self, obj):
        return district_links(obj) if obj and obj.pk else "-"

    @admin.display(description="aanpak")
    def approaches_overview(self, obj):
        return approach_links(obj) if obj and obj.pk else "-"

    @admin.display(description="grens")
    def map_preview(self, obj):
        return outline_preview(obj) if obj and obj.pk else "-"

    def get_queryset(self, request):
        # Boundaries are large and only the map preview of one city needs them.
        return super().get_queryset(request).defer("geometry")

    def deleted_with(self, obj) -> list:
        # A city takes its approaches along; "herstellen" should bring them back too.
        return list(obj.approaches.all())


@admin.register(District)
class DistrictAdmin(ContentAdmin):
    form = DistrictForm
    list_display = ["name", "city", "kind", "parent", "cbs_code", "focus_area", "status_display"]
    list_filter = ["city", "kind", "status", "focus_area", "body"]
    search_fields = ["name", "other_names", "slug", "cbs_code", "municipal_code", "city__name"]
    list_select_related = ["city", "parent__city"]
    autocomplete_fields = ["city", "parent", "sources"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["map_preview"]
    fieldsets = [
        (None, {"fields": ["city", "name", "other_names", "slug", "kind", "parent", "status"]}),
        ("Codes", {"fields": ["cbs_code", "municipal_code"]}),
        ("Aanpak en democratie", {"fields": ["focus_area", "body", "is_non_residential"]}),
        ("Tekst", {"fields": ["summary"]}),
        ("Bronnen", {"fields": ["sources"]}),
        ("Kaart", {"fields": ["map_preview"]}),
    ]

    @admin.display(description="grens")
    def map_preview(self, obj):
        return outline_preview(obj) if obj and obj.pk else "-"

    def get_queryset(self, request):
        # Boundaries are large and only the map preview of one district needs them.
        queryset = super().get_queryset(request).select_related("city", "parent__city")
        return queryset.defer(
            "geometry", "city__geometry", "parent__geometry", "parent__city__geometry"
        )
