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
    NamedCellsMixin,
    PublishableStackedInline,
    PublishableTabularInline,
    UniqueRowsFormSet,
    check_unique_within,
    may_publish,
)
from editorial.locking import VersionedForm
from library.admin import ContentAdmin

# Which approaches use a role is stored on the role (Role.approaches); the approach form edits
# those links directly, one row per link.
RoleLink = Role.approaches.through
# Django names the columns of a link table in English ("role", "approach"); it has no migration
# of its own, so the Dutch names are set here, where the admin shows them.
RoleLink._meta.get_field("role").verbose_name = "rol"
RoleLink._meta.get_field("approach").verbose_name = "aanpak"

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


class ApproachesWithTheirCity:
    """Selects of approaches name each with its city: loaded together, not one query each."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.is_relation and db_field.related_model is Approach and formfield is not None:
            formfield.queryset = formfield.queryset.select_related("city")
            formfield.widget.choices = formfield.choices
        return formfield


class ShownOnApproachPage:
    """Rows without a page of their own; "Bekijk op de site" opens the approach they belong to."""

    def view_on_site(self, obj):
        return obj.approach.get_absolute_url()


DUPLICATE_DIMENSION = "Deze aanpak heeft al een typering op deze dimensie."


class AssessmentForm(VersionedForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        option = self.fields.get("option")
        if option is not None:  # a category is named with its dimension
            option.queryset = option.queryset.select_related("dimension")

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


def option_choices(field) -> list | None:
    """The choices of an assessment's category select, read in one query (None without one)."""
    if field is None or not hasattr(field, "queryset"):
        return None
    options = field.queryset.select_related("dimension")
    return [("", field.empty_label or ""), *((o.pk, str(o)) for o in options)]


def set_choices(field, choices) -> None:
    field.choices = choices
    inner = getattr(field.widget, "widget", None)  # the admin's related-object wrapper
    if inner is not None:
        inner.choices = choices


class AssessmentInline(PublishableTabularInline):
    """One row per dimension; dimensions without a row yet come pre-filled at the bottom."""

    model = Assessment
    form = AssessmentForm
    formset = AssessmentFormSet
    fields = ["dimension", "option", "value", "text", "sources", "passage", "status"]
    autocomplete_fields = ["sources"]
    related_rows = ["approach__city", "dimension"]
    prefetched_links = ["sources"]
    formfield_overrides = {
        Assessment._meta.get_field("text").__class__: {"widget": forms.Textarea(attrs={"rows": 3})}
    }

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        choices = option_choices(formset.form.base_fields.get("option"))

        class Form(formset.form):
            """Every row offers the same categories: read once, not once per row."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "option" in self.fields and choices is not None:
                    set_choices(self.fields["option"], choices)

        formset.form = Form
        return formset

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
    related_rows = ["approach__city", "dimension"]
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
    related_rows = ["approach__city"]
    prefetched_links = ["sources"]
    extra = 0


class RoleLinkInline(NamedCellsMixin, admin.TabularInline):
    model = RoleLink
    verbose_name = "rol"
    verbose_name_plural = "rollen in deze aanpak"

    autocomplete_fields = ["role"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("role", "approach__city")

    # A link is live the moment it is saved and cannot wait as a pending change: on a published
    # approach only an editor who may publish adds or removes one.
    def _may_edit_links(self, request, obj) -> bool:
        return obj is None or not obj.is_published or may_publish(request)

    def has_add_permission(self, request, obj=None):
        return self._may_edit_links(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_edit_links(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit_links(request, obj) and super().has_delete_permission(request, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "role":
            formfield.label = "rol"
            formfield.widget.attrs["aria-label"] = "Rol"
        return formfield


class ApproachForm(VersionedForm):
    def clean(self):
        cleaned_data = super().clean()
        check_unique_within(
            self, "slug", "city", "Deze stad heeft al een aanpak met deze slug. Kies een andere."
        )
        return cleaned_data


@admin.register(Approach)
class ApproachAdmin(ContentAdmin):
    form = ApproachForm
    list_display = ["name", "city", "scope", "completeness", "status_display", "changed"]
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

    @admin.display(description="profiel", ordering="is_incomplete")
    def completeness(self, obj):
        # Words, not Django's green tick: a tick beside "onvolledig" read as "all is well".
        return "nog onvolledig" if obj.is_incomplete else "volledig"

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
class DimensionAdmin(ContentAdmin):
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
class AssessmentAdmin(ApproachesWithTheirCity, ShownOnApproachPage, ContentAdmin):
    form = AssessmentForm
    list_display = ["approach", "dimension", "option", "value", "status_display"]
    list_filter = ["approach__city", "dimension", "status"]
    search_fields = ["value", "text", "approach__name", "approach__city__name"]
    list_select_related = ["approach__city", "dimension", "option__dimension"]
    autocomplete_fields = ["approach", "dimension", "sources"]


@admin.register(Trait)
class TraitAdmin(ApproachesWithTheirCity, ShownOnApproachPage, ContentAdmin):
    list_display = ["short_text", "kind", "approach", "dimension", "status_display"]
    list_filter = ["approach__city", "kind", "status"]
    search_fields = ["text", "approach__name"]
    list_select_related = ["approach__city", "dimension"]
    autocomplete_fields = ["approach", "dimension", "sources"]

    @admin.display(description="omschrijving", ordering="text")
    def short_text(self, obj):
        return obj.text[:80]


@admin.register(Period)
class PeriodAdmin(ApproachesWithTheirCity, ShownOnApproachPage, ContentAdmin):
    form = PeriodForm
    list_display = ["title", "label", "approach", "starts_on", "ends_on", "status_display"]
    list_filter = ["approach__city", "status"]
    search_fields = ["title", "label", "description", "approach__name"]
    list_select_related = ["approach__city"]
    autocomplete_fields = ["approach", "sources"]


@admin.register(Role)
class RoleAdmin(ApproachesWithTheirCity, ContentAdmin):
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
