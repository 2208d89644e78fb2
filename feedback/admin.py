"""The editors' queue of readers' messages, and where the rest of the admin points to it.

Through the hooks of the shared admin (editorial): a message at the top of a content form
("2 open correcties van lezers hierover"), and a count on the editors' start page.
"""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from cities.models import City
from editorial.admin import CHANGE_FORM_NOTICES
from editorial.start_page import START_PAGE_SECTIONS
from feedback.models import CityProposal, Correction, Handling, open_count


def _mark(queryset, request, status: str) -> int:
    items = list(queryset)
    for item in items:
        item.mark(status, request.user)
        item.save(update_fields=["status", "handled_by", "handled_at"])
    return len(items)


@admin.action(description="Markeer als afgehandeld")
def mark_handled(modeladmin, request, queryset):
    count = _mark(queryset, request, Handling.HANDLED)
    modeladmin.message_user(request, f"{count} gemarkeerd als afgehandeld.", messages.SUCCESS)


@admin.action(description="Markeer als afgewezen")
def mark_rejected(modeladmin, request, queryset):
    count = _mark(queryset, request, Handling.REJECTED)
    modeladmin.message_user(request, f"{count} gemarkeerd als afgewezen.", messages.SUCCESS)


class QueueAdmin(admin.ModelAdmin):
    """What readers sent is read-only; editors set the status and write a note."""

    list_filter = ["status"]
    actions = [mark_handled, mark_rejected]
    date_hierarchy = "received_at"
    handling_fields = ["status", "editor_note", "handled_by", "handled_at"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.mark(obj.status, request.user)
        super().save_model(request, obj, form, change)


@admin.register(Correction)
class CorrectionAdmin(QueueAdmin):
    list_display = ["received_at", "subject", "short_message", "status", "handled_by"]
    list_filter = ["status", "content_type"]
    list_select_related = ["handled_by"]
    search_fields = ["subject", "message", "page"]
    readonly_fields = [
        "received_at", "subject", "page_link", "about_link", "message", "source_url", "email",
        "handled_by", "handled_at",
    ]  # fmt: skip
    fieldsets = [
        ("Van de lezer", {"fields": ["received_at", "subject", "page_link", "about_link",
                                     "message", "source_url", "email"]}),
        ("Afhandeling", {"fields": QueueAdmin.handling_fields}),
    ]  # fmt: skip

    def lookup_allowed(self, lookup, value, request=None):
        # The change form of a city or district links to its corrections by object number.
        return lookup == "object_id" or super().lookup_allowed(lookup, value, request)

    @admin.display(description="bericht")
    def short_message(self, obj):
        return Truncator(obj.message).chars(80)

    @admin.display(description="pagina")
    def page_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.page, obj.page) if obj.page else "—"

    @admin.display(description="in het beheer")
    def about_link(self, obj):
        if obj.content_type_id is None or obj.object_id is None:
            return "—"
        name = f"admin:{obj.content_type.app_label}_{obj.content_type.model}_change"
        return format_html('<a href="{}">{}</a>', reverse(name, args=[obj.object_id]), obj.subject)


@admin.register(CityProposal)
class CityProposalAdmin(QueueAdmin):
    list_display = ["received_at", "city_name", "cbs_code", "proposer_kind", "status", "draft"]
    list_select_related = ["city"]
    search_fields = ["city_name", "cbs_code", "organisation"]
    readonly_fields = [
        "received_at", "draft", "city_name", "cbs_code", "proposer_name", "proposer_kind",
        "organisation", "email", "source_links", "handled_by", "handled_at",
    ]  # fmt: skip
    fieldsets = [
        ("Het voorstel", {"fields": ["received_at", "draft", "city_name", "cbs_code",
                                     "source_links"]}),
        ("De indiener", {"fields": ["proposer_name", "proposer_kind", "organisation", "email"]}),
        ("Afhandeling", {"fields": QueueAdmin.handling_fields}),
    ]  # fmt: skip

    @admin.display(description="conceptstad")
    def draft(self, obj):
        if obj.city_id is None:
            return "—"
        url = reverse("admin:cities_city_change", args=[obj.city_id])
        return format_html('<a href="{}">{} ({})</a>', url, obj.city, obj.city.get_status_display())


# The pages readers can send a correction from.
ANNOUNCED_ON = {"cities.city", "cities.district", "approaches.approach"}


def _announce(request, model, object_id: str) -> None:
    if model._meta.label_lower not in ANNOUNCED_ON or not object_id.isdigit():
        return
    content_type = ContentType.objects.get_for_model(model)
    waiting = (
        Correction.objects.open().filter(content_type=content_type, object_id=object_id).count()
    )
    if waiting:
        url = reverse("admin:feedback_correction_changelist") + (
            f"?content_type__id__exact={content_type.pk}&object_id={object_id}"
        )
        noun = "correctie" if waiting == 1 else "correcties"
        messages.info(
            request,
            format_html(
                '{} open {} van lezers hierover. <a href="{}">Bekijk</a>', waiting, noun, url
            ),
        )
    if model is City:
        proposal = CityProposal.objects.filter(city_id=object_id).first()
        if proposal is not None:
            url = reverse("admin:feedback_cityproposal_change", args=[proposal.pk])
            messages.warning(
                request,
                format_html(
                    "Deze stad is voorgesteld via ‘Uw stad op Buurtwijs’ en is nog niet door de "
                    'redactie getoetst. <a href="{}">Bekijk het voorstel</a>',
                    url,
                ),
            )


def _start_page_section(request) -> dict:
    return {
        "title": "Reacties van lezers",
        "count": open_count(),
        "url": reverse("admin:app_list", args=["feedback"]),
    }


CHANGE_FORM_NOTICES.append(_announce)
START_PAGE_SECTIONS.append(_start_page_section)
