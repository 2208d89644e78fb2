"""Optimistic locking: a save based on an outdated copy of a row is refused, never applied.

Every content row carries a ``version`` that goes up on each save (``raise_version`` below, a
``pre_save`` receiver, so reverts from the history and saves outside the admin count too). An
admin form remembers the version it was loaded with in a hidden field. The admin locks the row
(``SELECT ... FOR UPDATE``) at the start of the save transaction, so the comparison and the write
cannot interleave with another editor's save: the second of two editors gets the form back with
their input intact and a field-by-field account of what changed.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from reversion.models import Version

from editorial.models import Publishable, Status
from editorial.pending import hold_back
from editorial.values import display, model_field

LOADED_VERSION = "loaded_version"


def raise_version(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Raise the version of an existing row by one and stamp published changes (queries).

    Reads the version from the database rather than trusting the instance: a revert from the
    history saves an old copy (``raw``), which must still get a number never used before.
    """
    if not isinstance(instance, Publishable):
        return
    if update_fields is not None and "version" not in update_fields:
        return
    if (instance.pk is not None and not instance._state.adding) or raw:
        current = (
            type(instance)
            ._base_manager.using(kwargs.get("using"))
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is not None:
            instance.version = current + 1
            if instance.status == Status.PUBLISHED:
                instance.published_at = timezone.now()
            return
    if instance.status == Status.PUBLISHED and instance.published_at is None:
        instance.published_at = timezone.now()


def lock_rows(queryset: models.QuerySet) -> models.QuerySet:
    """The queryset, locking its rows until the transaction ends, when there is one to end."""
    if transaction.get_connection(queryset.db).in_atomic_block:
        return queryset.select_for_update(of=("self",))
    return queryset


def last_change_by(instance) -> str:
    """Who saved the row last and when, from its history (queries); empty when unknown."""
    version = (
        Version.objects.get_for_object(instance).select_related("revision__user").first()
        if instance.pk
        else None
    )
    if version is None:
        return ""
    revision = version.revision
    who = revision.user.get_full_name() or revision.user.get_username() if revision.user else ""
    when = localize(template_localtime(revision.date_created))
    return f"{who}, {when}" if who else when


class VersionedForm(forms.ModelForm):
    """A model form that refuses to save over a row that changed after it was loaded.

    Every field also sends the value it was loaded with (``show_hidden_initial``), so the form
    knows what *this* editor changed. A row someone else saved meanwhile is only a conflict when
    this editor changed it too; otherwise it is left as the other editor saved it.
    """

    loaded_version = forms.IntegerField(
        label="geladen versie", widget=forms.HiddenInput, required=False
    )
    # Off where an editor deliberately puts back an old copy from the history.
    check_version = True
    # On for editors who may publish: saving the form makes pending changes live.
    applies_pending = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflicts: list[tuple[str, str, str]] = []
        for name, form_field in self.fields.items():
            form_field.show_hidden_initial = name != LOADED_VERSION
        if self.instance.pk is not None:
            self.fields[LOADED_VERSION].initial = self.instance.version
        self.pending = self._start_from_pending()

    def _start_from_pending(self) -> dict:
        """Open the form with the changes still waiting for publication, so work continues."""
        pending = {}
        if isinstance(self.instance, Publishable):
            pending = {
                name: value
                for name, value in self.instance.pending_values().items()
                if name in self.fields
            }
        self.initial.update(pending)
        return pending

    def has_changed(self) -> bool:
        return super().has_changed() or bool(self.applies_pending and self.pending)

    def save(self, commit=True):
        if self.applies_pending:
            self.instance.pending_changes = None
        return super().save(commit)

    @property
    def changed_data(self) -> list[str]:
        """The fields this editor changed, compared with what their form was loaded with."""
        return [
            name
            for name, bound in self._bound_items()
            if name != LOADED_VERSION and bound._has_changed()
        ]

    def clean(self):
        cleaned_data = super().clean()
        if self.check_version and self.is_stale() and self.has_changed():
            self.conflicts = self.describe_conflicts()
            raise ValidationError(self.conflict_messages(), code="conflict")
        return cleaned_data

    def is_stale(self) -> bool:
        if self.instance.pk is None:
            return False
        loaded = self.cleaned_data.get(LOADED_VERSION)
        return loaded != self.instance.version

    def describe_conflicts(self) -> list[tuple[str, str, str]]:
        """(field, what is saved now, what this form holds) for every field that differs."""
        rows = []
        for name, bound in self._bound_items():
            if name == LOADED_VERSION or not bound.field.has_changed(bound.initial, bound.data):
                continue
            field = model_field(self._meta.model, name)
            theirs = getattr(self.instance, name, None)
            if field is not None and field.many_to_many:
                theirs = list(theirs.all()) if self.instance.pk else []
            if name in self._saved_pending():
                theirs = f"{display(field, self._saved_pending()[name])} (concept)"
            yours = self.cleaned_data.get(name, bound.data)
            label = str(bound.field.label or name)
            rows.append((label, display(field, theirs), display(field, yours)))
        return rows

    def _saved_pending(self) -> dict:
        instance = self.instance
        return instance.pending_values() if isinstance(instance, Publishable) else {}

    def conflict_messages(self) -> list:
        name = self._meta.model._meta.verbose_name
        by = last_change_by(self.instance)
        intro = (
            f"Iemand anders heeft deze {name} opgeslagen nadat u hem opende"
            f"{f' ({by})' if by else ''}. Uw wijzigingen zijn niet opgeslagen; wat u typte staat"
            " hieronder nog. Neem uw wijzigingen over in de nieuwste versie (open die in een nieuw"
            " tabblad) en sla daar op."
        )
        details = [
            format_html("{}: opgeslagen staat nu “{}”, u had “{}”.", label, theirs, yours)
            for label, theirs, yours in self.conflicts
        ]
        if not details:
            details = ["De velden in dit formulier zijn niet veranderd, wel de rest van de versie."]
        return [intro, *details]


class VersionedInlineFormSet(forms.BaseInlineFormSet):
    """Inline rows that refuse stale saves, and also refuse deleting a row that changed.

    With ``holds_back`` (an editor who may not publish), changes to published rows are kept as
    pending changes instead of being saved; ``held_back`` lists those rows afterwards.
    """

    holds_back = False

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        share_choices(self, form)
        return form

    def save_existing(self, form, obj, commit=True):
        if not (self.holds_back and commit and obj.is_published):
            return super().save_existing(form, obj, commit)
        hold_back(obj, form)
        self.held_back = [*getattr(self, "held_back", []), obj]
        return obj

    def clean(self):
        super().clean()
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form) and _is_stale(form):
                raise ValidationError(
                    format_html(
                        "“{}” is intussen door iemand anders gewijzigd en is daarom niet"
                        " verwijderd. Open de nieuwste versie en bekijk het nog eens.",
                        form.instance,
                    )
                )


def share_choices(formset, form) -> None:
    """One query for a select's options per formset instead of one per row: every row of the
    formset gets the same list (autocompletes load only their chosen rows and are left alone)."""
    shared = formset.__dict__.setdefault("_shared_choices", {})
    for name, field in form.fields.items():
        widget = getattr(field.widget, "widget", field.widget)
        if (
            not isinstance(field, forms.ModelChoiceField)
            or isinstance(widget, AutocompleteMixin)
            or widget.is_hidden  # the row's own id
        ):
            continue
        if name not in shared:
            shared[name] = list(field.choices)
        field.choices = shared[name]


def _is_stale(form) -> bool:
    return bool(
        getattr(form, "check_version", False) and hasattr(form, "cleaned_data") and form.is_stale()
    )
