import reversion
from django import forms
from django.contrib import admin
from django.urls import reverse

from approaches.models import (
    Approach,
    Assessment,
    Dimension,
    DimensionOption,
    Period,
    Role,
    Trait,
)
from editorial.admin import (
    NOT_IN_HISTORY,
    PublishableAdmin,
    PublishableStackedInline,
    PublishableTabularInline,
    UniqueRowsFormSet,
    check_unique_within,
)
from editorial.locking import VersionedForm

# Which approaches use a role is stored on the role (Role.approaches); the approach form edits
# those links directly, one row per link.
RoleLink = Role.approaches.through

# Registered before the admins: reverting an approach puts back its assessments, traits,
# periods and role links as they were.
reversion.register(RoleLink)
for model in [Assessment, Trait, Period, Role, DimensionOption]:
    reversion.register(model, exclude=NOT_IN_HISTORY)
reversion.register(Dimension, follow=["options"], exclude=NOT_IN_HISTORY)
reversion.register(
    Approach,
    follow=["assessments", "traits", "periods", "role_links"],
    exclude=NOT_IN_HISTORY,
)


class ShownOnApproachPage:
    """Rows without a page of their own; "Bekijk op de site" opens the approach they belong to."""

    def view_on_site(self, obj):
        return obj.approach.get_absolute_url()


DUPLICATE_DIMENSION = "Deze aanpak heeft al een typering op deze dimensie."


class AssessmentForm(VersionedForm):
    def clean(self):
        cleaned_data = super().clean()
        check_unique_within(self, "dimension", "approach", DUPLICATE_DIMENSION)
        return cleaned_data

    def has_changed(self) -> bool:
        # A new row arrives with its dimension filled in; it only counts once the editor typed.
        if self.instance.pk is None:
            return any(name in self.changed_data for name in ("option", "value", "text", "sources"))
        return super().has_changed()


class AssessmentFormSet(UniqueRowsFormSet):
    unique_field = "dimension"
    duplicate_message = "Deze dimensie staat hier twee keer; één typering per dimensie."


class AssessmentInline(PublishableTabularInline):
    """One row per dimension; dimensions without a row yet come pre-filled at the bottom."""

    model = Assessment
    form = AssessmentForm
    formset = AssessmentFormSet
    fields = ["dimension", "option", "value", "text", "sources", "passage", "status"]
    autocomplete_fields = ["sources"]
    formfield_overrides = {
        Assessment._meta.get_field("text").__class__: {"widget": forms.Textarea(attrs={"rows": 3})}
    }

    def missing_dimensions(self, obj) -> list:
        dimensions = Dimension.objects.order_by("order", "name")
        if obj is not None and obj.pk:
            dimensions = dimensions.exclude(assessments__approach=obj)
        return list(dimensions)

    def get_extra(self, request, obj=None, **kwargs):
        return len(self.missing_dimensions(obj))


class TraitInline(PublishableTabularInline):
    model = Trait
    fields = ["kind", "dimension", "text", "order", "passage", "status"]
    extra = 0
    formfield_overrides = {
        Trait._meta.get_field("text").__class__: {"widget": forms.Textarea(attrs={"rows": 2})}
    }


class PeriodForm(VersionedForm):
    def clean(self):
        cleaned_data = super().clean()
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "Een periode kan niet eindigen voordat ze begint.")
        return cleaned_data


class PeriodInline(PublishableStackedInline):
    model = Period
    form = PeriodForm
    fields = [
        "title",
        "label",
        ("starts_on", "ends_on"),
        "description",
        "sources",
        "passage",
        "status",
    ]
    autocomplete_fields = ["sources"]
    extra = 0


class RoleLinkInline(admin.TabularInline):
    model = RoleLink
    verbose_name = "rol"
    verbose_name_plural = "rollen in deze aanpak"
    autocomplete_fields = ["role"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("role")


class ApproachForm(VersionedForm):
    def clean(self):
        cleaned_data = super().clean()
        check_unique_within(
            self, "slug", "city", "Deze stad heeft al een aanpak met deze slug. Kies een andere."
        )
        return cleaned_data


@admin.register(Approach)
class ApproachAdmin(PublishableAdmin):
    form = ApproachForm
    list_display = ["name", "city", "scope", "is_incomplete", "status_display", "changed"]
    list_filter = ["city", "scope", "status", "is_incomplete"]
    search_fields = ["name", "summary", "body", "city__name"]
    list_select_related = ["city"]
    autocomplete_fields = ["city", "sources"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AssessmentInline, TraitInline, PeriodInline, RoleLinkInline]
    fieldsets = [
        (None, {"fields": ["city", "name", "slug", "scope", "focus_area_count", "status"]}),
        ("Tekst", {"fields": ["summary", "body"]}),
        ("Onvolledig profiel", {"fields": ["is_incomplete", "incomplete_note"]}),
        ("Bronnen", {"fields": ["sources"]}),
    ]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, AssessmentInline) and request.method != "POST":
            kwargs["initial"] = [{"dimension": d.pk} for d in inline.missing_dimensions(obj)]
        return kwargs


class DimensionOptionInline(PublishableTabularInline):
    """The few categories an approach can be given on this dimension."""

    model = DimensionOption
    fields = ["label", "slug", "order", "status"]
    prepopulated_fields = {"slug": ["label"]}
    extra = 1


@admin.register(Dimension)
class DimensionAdmin(PublishableAdmin):
    list_display = ["name", "theme", "question", "order", "status_display"]
    list_editable = ["order"]
    list_filter = ["theme", "status"]
    inlines = [DimensionOptionInline]
    search_fields = ["name", "question"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["order", "name"]

    def view_on_site(self, obj):
        return reverse("compare")


@admin.register(Assessment)
class AssessmentAdmin(ShownOnApproachPage, PublishableAdmin):
    form = AssessmentForm
    list_display = ["approach", "dimension", "option", "value", "status_display"]
    list_filter = ["approach__city", "dimension", "status"]
    search_fields = ["value", "text", "approach__name", "approach__city__name"]
    list_select_related = ["approach__city", "dimension", "option"]
    autocomplete_fields = ["approach", "dimension", "sources"]


@admin.register(Trait)
class TraitAdmin(ShownOnApproachPage, PublishableAdmin):
    list_display = ["short_text", "kind", "approach", "dimension", "status_display"]
    list_filter = ["approach__city", "kind", "status"]
    search_fields = ["text", "approach__name"]
    list_select_related = ["approach__city", "dimension"]
    autocomplete_fields = ["approach", "dimension", "sources"]

    @admin.display(description="omschrijving", ordering="text")
    def short_text(self, obj):
        return obj.text[:80]


@admin.register(Period)
class PeriodAdmin(ShownOnApproachPage, PublishableAdmin):
    form = PeriodForm
    list_display = ["title", "label", "approach", "starts_on", "ends_on", "status_display"]
    list_filter = ["approach__city", "status"]
    search_fields = ["title", "label", "description", "approach__name"]
    list_select_related = ["approach__city"]
    autocomplete_fields = ["approach", "sources"]


@admin.register(Role)
class RoleAdmin(PublishableAdmin):
    list_display = ["name", "city_names", "status_display"]
    list_filter = ["status", "approaches__city"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["approaches", "sources"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("approaches__city")

    @admin.display(description="steden")
    def city_names(self, obj):
        return ", ".join(sorted({approach.city.name for approach in obj.approaches.all()}))

    def view_on_site(self, obj):
        # A role has no page of its own; it is described on the profiles of the cities using it.
        approach = obj.approaches.select_related("city").first()
        return approach.city.get_absolute_url() + "#rollen" if approach else None
