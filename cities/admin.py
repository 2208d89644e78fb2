import reversion
from django.contrib import admin

from cities.models import City, District
from editorial.admin import (
    NOT_IN_HISTORY,
    PublishableAdmin,
    PublishableTabularInline,
    UniqueRowsFormSet,
    check_unique_within,
)
from editorial.locking import VersionedForm

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


class DistrictFormSet(UniqueRowsFormSet):
    unique_field = "slug"
    duplicate_message = "Deze slug staat al bij een andere wijk; elke wijk heeft een eigen slug."


class DistrictInline(PublishableTabularInline):
    model = District
    form = DistrictForm
    formset = DistrictFormSet
    fields = [
        "name",
        "slug",
        "kind",
        "parent",
        "cbs_code",
        "municipal_code",
        "focus_area",
        "body",
        "status",
    ]
    prepopulated_fields = {"slug": ["name"]}
    extra = 0
    show_change_link = True  # the summary and sources are edited on the district's own page

    def get_formset(self, request, obj=None, **kwargs):
        self.city = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            # Only the districts of this city can contain one of its districts.
            city = getattr(self, "city", None)
            kwargs["queryset"] = (
                District.objects.filter(city=city) if city else District.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(City)
class CityAdmin(PublishableAdmin):
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
    inlines = [DistrictInline]
    fieldsets = [
        (None, {"fields": ["name", "official_name", "slug", "cbs_code", "status"]}),
        ("Inwoners", {"fields": [("inhabitants", "inhabitants_year"), "inhabitants_source"]}),
        ("Tekst", {"fields": ["summary"]}),
        (
            "Lokale democratie",
            {"fields": ["democracy_link", "district_elections", "democracy_text"]},
        ),
        ("Bronnen", {"fields": ["sources"]}),
    ]

    def deleted_with(self, obj) -> list:
        # A city takes its approaches along; "herstellen" should bring them back too.
        return list(obj.approaches.all())


@admin.register(District)
class DistrictAdmin(PublishableAdmin):
    form = DistrictForm
    list_display = ["name", "city", "kind", "parent", "cbs_code", "focus_area", "status_display"]
    list_filter = ["city", "kind", "status", "focus_area", "body"]
    search_fields = ["name", "other_names", "slug", "cbs_code", "municipal_code", "city__name"]
    list_select_related = ["city", "parent"]
    autocomplete_fields = ["city", "parent", "sources"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["city", "name", "other_names", "slug", "kind", "parent", "status"]}),
        ("Codes", {"fields": ["cbs_code", "municipal_code"]}),
        ("Aanpak en democratie", {"fields": ["focus_area", "body", "is_non_residential"]}),
        ("Tekst", {"fields": ["summary"]}),
        ("Bronnen", {"fields": ["sources"]}),
    ]
