"""The shared admin base: what every content screen of the admin at /beheer/ has.

- History: each admin is a reversion ``VersionAdmin``: who changed what and when, a comparison
  with the current text, revert and recover deleted. Reverting and recovering can change what
  the public sees, so they are for editors who may publish.
- Drafts: new content starts as a concept. Only editors with the permission
  ``editorial.publish_content`` (the group Hoofdredacteur) change the status, in the form, in
  the inlines or with the list actions; for others the status is read-only.
- No lost updates: forms and inline rows carry the version they were loaded with and the rows
  are locked for the save (``editorial.locking``).
- Changes to published content by editors who may not publish are held back as pending changes
  (``editorial.pending``) until a chief editor publishes or discards them.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import NestedObjects, unquote
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.forms import HiddenInput
from django.forms.models import _get_foreign_key
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.views.decorators.http import require_POST
from reversion import add_to_revision, set_comment
from reversion.admin import VersionAdmin
from reversion.models import Version

from editorial.history import revert_changes
from editorial.locking import (
    LOADED_VERSION,
    VersionedForm,
    VersionedInlineFormSet,
    lock_rows,
)
from editorial.models import Publishable, Status
from editorial.pending import (
    discard_pending,
    hold_back,
    pending_diff,
    pending_labels,
    publish_pending,
)
from editorial.registry import PUBLISH_PERMISSION
from editorial.start_page import start_page_context

HELD_BACK_MESSAGE = "Uw wijzigingen zijn als concept bewaard; een hoofdredacteur publiceert ze."
STALE_PENDING_MESSAGE = (
    "De concept-wijzigingen zijn intussen veranderd. Bekijk ze hieronder opnieuw en kies dan."
)
# Pending changes are not part of the history: putting back an old version drops them.
NOT_IN_HISTORY = ["pending_changes"]
# Other apps add a message to the top of a content form (reader corrections about the object,
# say) with CHANGE_FORM_NOTICES.append(callable); it gets the request, the model and the id.
CHANGE_FORM_NOTICES: list = []
MARKDOWN_HELP = (
    "Opmaak in Markdown: **vet**, *cursief*, [linktekst](https://…), een regel die begint met"
    " '- ' wordt een lijst, een witregel begint een nieuwe alinea. HTML wordt niet overgenomen."
)

admin.site.site_header = "Buurtwijs beheer"
admin.site.site_title = "Buurtwijs"
admin.site.index_title = "Inhoud beheren"
admin.site.site_url = "/"
admin.site.index_template = "admin/editorial/index.html"
_django_index = admin.site.index


def _start_page(request, extra_context=None):
    """The admin index with what waits for publication (editorial.start_page)."""
    return _django_index(request, {**start_page_context(request), **(extra_context or {})})


admin.site.index = _start_page


def may_publish(request) -> bool:
    return request.user.has_perm(PUBLISH_PERMISSION)


def _with_loaded_version(fieldsets):
    """The fieldsets, with the hidden version field in the first one if it is not anywhere."""
    fieldsets = [(name, dict(options)) for name, options in fieldsets]
    names = [f for _, options in fieldsets for f in _flatten(options.get("fields", ()))]
    if LOADED_VERSION not in names and fieldsets:
        first = fieldsets[0][1]
        first["fields"] = [*first.get("fields", ()), LOADED_VERSION]
    return fieldsets


def _flatten(fields):
    for item in fields:
        if isinstance(item, list | tuple):
            yield from item
        else:
            yield item


def _slug_tucked_away(fieldsets):
    """The slug moved to a folded section at the end: it fills itself from the name."""
    fieldsets = [(name, dict(options)) for name, options in fieldsets]
    found = False
    for _, options in fieldsets:
        fields = list(options.get("fields", ()))
        kept = [f for f in fields if f != "slug"]
        kept = [
            tuple(x for x in f if x != "slug") if isinstance(f, tuple | list) else f for f in kept
        ]
        found |= kept != fields
        options["fields"] = [f for f in kept if f != ()]
    if found:
        fieldsets.append(
            (
                "Adres op de site",
                {
                    "fields": ["slug"],
                    "classes": ["collapse"],
                    "description": "Vult zich vanzelf vanuit de naam; alleen veranderen als het"
                    " moet, want oude links werken dan niet meer.",
                },
            )
        )
    return fieldsets


class StatusMixin:
    """Status read-only for editors who may not publish; the shared publish actions."""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not may_publish(request) and "status" not in readonly:
            readonly.append("status")
        return readonly

    def get_fieldsets(self, request, obj=None):
        return _with_loaded_version(super().get_fieldsets(request, obj))

    def has_publish_permission(self, request) -> bool:
        return may_publish(request)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            # Dimensions, roles and sources are shared by every city: changing or deleting one
            # from here (Django's pencil and red cross beside a select) would do it everywhere.
            keep_related_links(formfield, add=self.may_add_related)
        return formfield

    may_add_related = True


def keep_related_links(formfield, add: bool) -> None:
    """Only the "add" link (and only where ``add``) beside a select of other rows."""
    widget = formfield.widget
    if isinstance(widget, RelatedFieldWidgetWrapper):
        widget.can_change_related = widget.can_delete_related = widget.can_view_related = False
        widget.can_add_related = widget.can_add_related and add


class NamedCellsMixin:
    """An inline whose cells carry their column's name, for screen readers (a tabular row has
    no label per cell), and which cannot reach the shared rows its selects point to."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            keep_related_links(formfield, add=False)
            formfield.widget.attrs.setdefault("aria-label", str(capfirst(formfield.label or "")))
        return formfield


class PublishableInlineMixin(NamedCellsMixin, StatusMixin):
    formset = VersionedInlineFormSet
    form = VersionedForm
    show_change_link = False

    # Rows the inline's rows show by name (in their titles and selects), loaded with them.
    related_rows: list[str] = []
    # Links to other rows (sources, say), loaded for all rows at once.
    prefetched_links: list[str] = []

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.related_rows:  # select_related() without names would follow every link
            queryset = queryset.select_related(*self.related_rows)
        queryset = queryset.prefetch_related(*self.prefetched_links)
        # Locked while a save is checked and written, so two saves cannot interleave.
        return lock_rows(queryset) if request.method == "POST" else queryset

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.check_version = not getattr(request, "restoring_history", False)
        formset.form.applies_pending = may_publish(request)
        formset.holds_back = not may_publish(request)
        return formset


def check_unique_within(form, field: str, scope: str, message: str) -> None:
    """Report a taken value next to its field (the database constraint would put it above)."""
    value = form.cleaned_data.get(field)
    parent = form.cleaned_data.get(scope) or getattr(form.instance, scope, None)
    if value in (None, "") or parent is None or parent.pk is None:
        return
    taken = form._meta.model._base_manager.filter(**{field: value, scope: parent})
    if taken.exclude(pk=form.instance.pk).exists():
        form.add_error(field, message)


class UniqueRowsFormSet(VersionedInlineFormSet):
    """Inline rows whose ``unique_field`` must differ from row to row, said next to the field."""

    unique_field = ""
    duplicate_message = "Deze waarde komt al voor in een andere rij."

    def clean(self):
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            value = form.cleaned_data.get(self.unique_field)
            if value in (None, ""):
                continue
            if value in seen:
                form.add_error(self.unique_field, self.duplicate_message)
            seen.add(value)
        super().clean()


class PublishableTabularInline(PublishableInlineMixin, admin.TabularInline):
    pass


class PublishableStackedInline(PublishableInlineMixin, admin.StackedInline):
    pass


@admin.action(
    permissions=["publish"], description="Publiceer de geselecteerde %(verbose_name_plural)s"
)
def publish(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, Status.PUBLISHED, "gepubliceerd")


@admin.action(
    permissions=["publish"],
    description="Maak de geselecteerde %(verbose_name_plural)s weer concept",
)
def unpublish(modeladmin, request, queryset):
    _set_status(modeladmin, request, queryset, Status.DRAFT, "weer concept gemaakt")


def _set_status(modeladmin, request, queryset, status, done: str) -> None:
    changed = 0
    with transaction.atomic(), modeladmin.create_revision(request):
        # One by one, so versions, history and publication dates follow as for a form save.
        for obj in lock_rows(queryset.exclude(status=status)):
            obj.status = status
            obj.save()
            modeladmin.log_change(request, obj, f"Status: {obj.get_status_display()}")
            changed += 1
    opts = modeladmin.model._meta
    name = opts.verbose_name if changed == 1 else opts.verbose_name_plural
    modeladmin.message_user(request, f"{changed} {name} {done}.", messages.SUCCESS)


def _saved(obj):
    return type(obj)._base_manager.get(pk=obj.pk)


def _changed_live(formset) -> bool:
    """Whether a save of ``formset`` changed rows the public may see, not counting held back."""
    held_back = getattr(formset, "held_back", [])
    changed = [obj for obj, _ in formset.changed_objects if obj not in held_back]
    return bool(formset.new_objects or changed or formset.deleted_objects)


@admin.action(permissions=["publish"], description="Concept-wijzigingen publiceren")
def publish_pending_changes(modeladmin, request, queryset):
    _handle_pending(modeladmin, request, queryset, publish=True)


@admin.action(permissions=["publish"], description="Concept-wijzigingen verwerpen")
def discard_pending_changes(modeladmin, request, queryset):
    _handle_pending(modeladmin, request, queryset, publish=False)


def _handle_pending(modeladmin, request, queryset, publish: bool) -> None:
    done = 0
    with transaction.atomic(), modeladmin.create_revision(request):
        for obj in lock_rows(queryset):
            done += modeladmin.handle_pending(request, obj, publish)
    opts = modeladmin.model._meta
    name = opts.verbose_name if done == 1 else opts.verbose_name_plural
    what = "gepubliceerd" if publish else "verworpen"
    modeladmin.message_user(
        request, f"Concept-wijzigingen van {done} {name} {what}.", messages.SUCCESS
    )


class PublishableAdmin(StatusMixin, VersionAdmin):
    """The base of every content admin."""

    form = VersionedForm
    actions = [publish, unpublish, publish_pending_changes, discard_pending_changes]
    change_form_template = "admin/editorial/change_form.html"
    change_list_template = "admin/editorial/change_list.html"
    revision_form_template = "admin/editorial/revision_form.html"
    recover_form_template = "admin/editorial/recover_form.html"
    recover_list_template = "admin/editorial/recover_list.html"
    object_history_template = "admin/editorial/object_history.html"
    history_latest_first = True
    save_on_top = True
    list_per_page = 50

    def get_fieldsets(self, request, obj=None):
        return _slug_tucked_away(super().get_fieldsets(request, obj))

    @admin.display(description="status", ordering="status")
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description="laatst gewijzigd", ordering="updated_at")
    def changed(self, obj):
        return obj.updated_at

    def get_changelist_form(self, request, **kwargs):
        """Editable list columns named per row ("Volgorde van Reikwijdte"): a list row has no
        label of its own."""
        base = super().get_changelist_form(request, **kwargs)

        class NamedRowForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field in self.fields.values():
                    label = capfirst(field.label or "")
                    name = f"{label} van {self.instance}" if self.instance.pk else label
                    field.widget.attrs["aria-label"] = name

        return NamedRowForm

    # --- Locking -----------------------------------------------------------------------------

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None or request.method != "POST":
            return obj
        # Read again under a row lock, inside the transaction of the save.
        return lock_rows(self.model._base_manager.all()).filter(pk=obj.pk).first()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.check_version = not getattr(request, "restoring_history", False)
        form.applies_pending = may_publish(request)
        return form

    # --- Drafts and publishing ---------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not may_publish(request):
            self._refuse_publishing(obj, change)
        if change and not form.has_changed():
            # This editor changed nothing of the object itself (only rows inline, say): leave
            # it as it is saved, which may be newer than their form. Still part of the history.
            add_to_revision(obj)
            return
        if change and obj.is_published and not may_publish(request):
            # The public keeps the published text until a chief editor publishes this change.
            hold_back(obj, form)
            obj.held_back = request.held_back = True
            add_to_revision(obj)
            return
        super().save_model(request, obj, form, change)

    def _refuse_publishing(self, obj, change) -> None:
        if not change:
            obj.status = Status.DRAFT
            return
        saved = type(obj)._base_manager.filter(pk=obj.pk).values_list("status", flat=True).first()
        if obj.status != saved:
            raise PermissionDenied("Alleen een hoofdredacteur mag de status veranderen.")

    def save_related(self, request, form, formsets, change):
        # As Django does, except that links this editor did not touch are not written back:
        # someone else may have changed them meanwhile.
        obj = form.instance
        if (not change or form.has_changed()) and not getattr(obj, "held_back", False):
            form.save_m2m()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)
        if any(getattr(fs, "held_back", None) for fs in formsets):
            request.held_back = True
        if obj.status == Status.PUBLISHED and any(_changed_live(fs) for fs in formsets):
            # The page shows its rows too: a change to one is a change to the page.
            type(obj)._base_manager.filter(pk=obj.pk).update(published_at=timezone.now())

    def response_add(self, request, obj, post_url_continue=None):
        self._tell_status(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._tell_status(request, obj)
        return super().response_change(request, obj)

    # --- Pending changes ----------------------------------------------------------------------

    def reversion_register(self, model, **kwargs):
        super().reversion_register(model, exclude=NOT_IN_HISTORY, **kwargs)

    def get_urls(self):
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/concept/publiceren/",
                view(require_POST(self.publish_pending_view)),
                name=f"{prefix}_publish_pending",
            ),
            path(
                "<path:object_id>/concept/verwerpen/",
                view(require_POST(self.discard_pending_view)),
                name=f"{prefix}_discard_pending",
            ),
            *super().get_urls(),
        ]

    def publish_pending_view(self, request, object_id):
        return self._pending_view(request, object_id, publish=True)

    def discard_pending_view(self, request, object_id):
        return self._pending_view(request, object_id, publish=False)

    def _pending_view(self, request, object_id, publish: bool):
        if not may_publish(request):
            raise PermissionDenied
        with transaction.atomic(), self.create_revision(request):
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                raise Http404
            if self._pending_seen_is_stale(request, obj):
                self.message_user(request, STALE_PENDING_MESSAGE, messages.WARNING)
            elif self.handle_pending(request, obj, publish):
                what = "gepubliceerd" if publish else "verworpen"
                self.message_user(request, f"De concept-wijzigingen zijn {what}.", messages.SUCCESS)
        opts = self.model._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        return HttpResponseRedirect(change_url)

    def _pending_seen_is_stale(self, request, obj) -> bool:
        """Whether the object or any of its rows with pending changes changed after the editor
        loaded the form they publish from: each row's version is in the form, by prefix."""
        if request.POST.get(LOADED_VERSION) != str(obj.version):
            return True
        posted = {}
        for name, pk in request.POST.items():
            if name.endswith("-id"):
                row = name.removesuffix("-id")
                posted[(row.rsplit("-", 1)[0], pk)] = request.POST.get(f"{row}-{LOADED_VERSION}")
        for prefix, row in self._pending_rows_by_prefix(request, obj):
            if posted.get((prefix, str(row.pk))) != str(row.version):
                return True  # changed since, or not in the editor's form at all
        return False

    def _pending_rows_by_prefix(self, request, obj):
        for inline in self.get_inline_instances(request, obj):
            if issubclass(inline.model, Publishable):
                fk = _get_foreign_key(self.model, inline.model, inline.fk_name)
                prefix = inline.get_formset(request, obj).get_default_prefix()
                related = inline.model._base_manager.filter(**{fk.name: obj})
                for row in lock_rows(related.filter(pending_changes__isnull=False).order_by("pk")):
                    yield prefix, row

    def pending_rows(self, request, obj) -> list:
        """The object and its inline rows that have pending changes, locked (queries)."""
        rows = [obj] if obj.pending_changes else []
        return rows + [row for _, row in self._pending_rows_by_prefix(request, obj)]

    def handle_pending(self, request, obj, publish: bool) -> int:
        """Publish or discard the pending changes of ``obj`` and its rows; 1 if there were any."""
        rows = self.pending_rows(request, obj)
        try:
            with transaction.atomic():  # all rows of the object, or none
                for row in rows:
                    if publish:
                        publish_pending(row)
                    else:
                        discard_pending(row)
        except ValidationError as error:
            self.message_user(
                request,
                f"“{row}” kan zo niet gepubliceerd worden: {' '.join(error.messages)}",
                messages.ERROR,
            )
            return 0
        if rows:
            what = "gepubliceerd" if publish else "verworpen"
            self.log_change(request, obj, f"Concept-wijzigingen {what}.")
        return int(bool(rows))

    # Turns a Markdown text into the HTML the site shows; set by the content apps' admins
    # (library.admin.ContentAdmin), since the Markdown rules live above this app.
    render_markdown = None

    def markdown_previews(self, form) -> list[dict]:
        """The long texts of the form as the site will show them (as loaded, pending included)."""
        previews = []
        for name, field in form.fields.items():
            model_field = self.model._meta._forward_fields_map.get(name)
            if not isinstance(model_field, models.TextField) or isinstance(
                field.widget, HiddenInput
            ):
                continue
            text = form.initial.get(name) or ""
            html = self.render_markdown(text) if self.render_markdown and text else ""
            previews.append({"label": capfirst(field.label or name), "html": html})
        return previews

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            for notice in CHANGE_FORM_NOTICES:
                notice(request, self.model, str(object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        adminform = context.get("adminform")
        if adminform is not None:
            context["markdown_help"] = MARKDOWN_HELP
            context["markdown_previews"] = self.markdown_previews(adminform.form)
        if change and obj is not None:
            context["pending"] = self._pending_context(request, obj, context)
            context["may_publish"] = may_publish(request)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _pending_context(self, request, obj, context) -> list[dict]:
        """Which of the object and its inline rows wait for publication, and what changed."""
        rows = [obj] + [
            form.instance
            for inline in context.get("inline_admin_formsets", [])
            for form in inline.formset.initial_forms
            if isinstance(form.instance, Publishable)
        ]
        rows = [row for row in rows if row.pending_changes]
        return [
            {
                "name": str(row),
                "labels": pending_labels(row),
                # From the row as saved, not as the form in front of the editor holds it.
                "diff": pending_diff(_saved(row)) if may_publish(request) else [],
            }
            for row in rows
        ]

    def _tell_status(self, request, obj) -> None:
        if getattr(request, "held_back", False):
            self.message_user(request, HELD_BACK_MESSAGE, messages.INFO)
        if obj.status == Status.DRAFT:
            self.message_user(
                request,
                "Opgeslagen als concept: alleen redacteuren zien dit op de site, met een"
                " banner 'Concept'.",
                messages.INFO,
            )

    # --- History -----------------------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        context = {
            "may_restore": self.may_restore(request),
            "has_change_permission": self.has_change_permission(request),
            **(extra_context or {}),
        }
        # Not inside one revision for the whole list (as VersionAdmin does): a delete must store
        # its revision before the rows are gone, and the actions make their own.
        if request.method == "POST" and "_save" in request.POST:
            with self.create_revision(request):
                return admin.ModelAdmin.changelist_view(self, request, context)
        return admin.ModelAdmin.changelist_view(self, request, context)

    def may_restore(self, request) -> bool:
        return may_publish(request) and self.has_add_permission(request)

    def history_view(self, request, object_id, extra_context=None):
        context = {"may_restore": self.may_restore(request), **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.may_restore(request):
            raise PermissionDenied
        version = Version.objects.filter(pk=version_id, object_id=object_id).first()
        context = {
            "may_restore": self.may_restore(request),
            "revert_changes": revert_changes(version) if version else [],
            **(extra_context or {}),
        }
        request.restoring_history = True
        return super().revision_view(request, object_id, version_id, context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.may_restore(request):
            raise PermissionDenied
        request.restoring_history = True
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.may_restore(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    # Above this many rows a delete confirmation counts them per kind instead of naming each
    # (Amsterdam takes over a hundred districts along; naming them cost a query each).
    delete_list_limit = 50

    def get_deleted_objects(self, objs, request):
        collector = NestedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(objs)
        rows = sum(len(found) for found in collector.model_objs.values())
        if rows <= self.delete_list_limit or collector.protected:
            return super().get_deleted_objects(objs, request)
        perms_needed = {
            model._meta.verbose_name
            for model in collector.model_objs
            if self.admin_site.is_registered(model)
            and not self.admin_site.get_model_admin(model).has_delete_permission(request)
        }
        model_count = {
            model._meta.verbose_name_plural: len(found)
            for model, found in collector.model_objs.items()
        }
        summary = [str(obj) for obj in objs] + [
            f"{count} {name}" for name, count in model_count.items() if count
        ]
        return summary, model_count, perms_needed, []

    def delete_model(self, request, obj):
        self.remember_before_delete(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self.remember_before_delete(request, queryset)
        super().delete_queryset(request, queryset)

    def remember_before_delete(self, request, objs) -> None:
        """A revision of the state just before deleting, so "herstellen" brings back exactly
        this, also for rows a command loaded that were never saved in the admin (queries)."""
        with self.create_revision(request):
            set_comment("Verwijderd.")
            for obj in objs:
                add_to_revision(obj)
                for row in self.deleted_with(obj):
                    add_to_revision(row)

    def deleted_with(self, obj) -> list:
        """Other rows a delete takes along that have a history of their own."""
        return []
