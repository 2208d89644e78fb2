"""Error pages for the admin in Dutch and in the admin's own style, instead of Django's bare
English "Bad Request (400)" and "403 Forbidden".

A form too large to read (more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS) is the one refusal
that would lose an editor's work: the page shows what they changed, to copy back. Elsewhere on
the site Django's own pages answer (the public pages have no forms that could trip these).
"""

from urllib.parse import parse_qsl

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.views import defaults
from django.views.csrf import csrf_failure as django_csrf_failure

from editorial.locking import LOADED_VERSION

ADMIN_PREFIX = "/beheer/"
INITIAL_PREFIX = "initial-"
# Management fields and buttons: not what an editor typed.
NOT_TYPED = {"csrfmiddlewaretoken", "_save", "_continue", "_addanother", LOADED_VERSION}
NOT_TYPED_ENDINGS = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS", "-id")


def _in_admin(request) -> bool:
    return request.path.startswith(ADMIN_PREFIX)


def _page(request, status: int, title: str, explanation: str, typed=()):
    context = {
        **admin.site.each_context(request),
        "title": title,
        "explanation": explanation,
        "typed": typed,
    }
    return TemplateResponse(request, "admin/editorial/error.html", context, status=status)


def what_was_typed(request) -> list[tuple[str, str]]:
    """(field, value) of every field the editor changed, from the posted form.

    When the form had too many fields, from its body: that is already in memory (Django read
    it before counting the fields) and bounded by DATA_UPLOAD_MAX_MEMORY_SIZE, so reading it
    without the field limit is safe here, where nothing is saved and values are only shown.
    """
    if request.method != "POST":
        return []
    body = getattr(request, "_body", None)
    if body and request.content_type == "application/x-www-form-urlencoded":
        # After a parse error Django's request.POST is empty.
        posted = QueryDict(mutable=True)
        for name, value in parse_qsl(body.decode(errors="replace"), keep_blank_values=True):
            posted.appendlist(name, value)
    else:
        posted = request.POST
    typed = []
    for name, values in posted.lists():
        if (
            name in NOT_TYPED
            or name.startswith(INITIAL_PREFIX)
            or name.endswith(NOT_TYPED_ENDINGS)
            or name.endswith("-" + LOADED_VERSION)
        ):
            continue
        initial = posted.getlist(INITIAL_PREFIX + name)
        value = "\n".join(values)
        if value.strip() and values != initial:
            typed.append((name, value))
    return typed


def bad_request(request, exception, template_name="400.html"):
    if not _in_admin(request):
        return defaults.bad_request(request, exception, template_name)
    if isinstance(exception, TooManyFieldsSent):
        return _page(
            request,
            400,
            "Dit formulier is te groot om op te slaan",
            f"Het formulier stuurde meer dan {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} velden mee;"
            " er is niets opgeslagen. Hieronder staat wat u veranderde: kopieer het, open het"
            " formulier opnieuw en bewaar uw wijzigingen in delen, of vraag een beheerder om"
            " hulp.",
            what_was_typed(request),
        )
    return _page(
        request,
        400,
        "Dit verzoek kon niet worden verwerkt",
        "Er is niets opgeslagen. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
    )


def permission_denied(request, exception, template_name="403.html"):
    if not _in_admin(request):
        return defaults.permission_denied(request, exception, template_name)
    reason = str(exception) if exception and str(exception) else ""
    return _page(
        request,
        403,
        "Dit mag u niet doen",
        " ".join(
            filter(
                None,
                [
                    reason,
                    "Uw account heeft daar de rechten niet voor. Een hoofdredacteur of beheerder"
                    " kan het voor u doen.",
                ],
            )
        ),
    )


def csrf_failure(request, reason=""):
    if not _in_admin(request):
        return django_csrf_failure(request, reason)
    return _page(
        request,
        403,
        "Uw formulier was verlopen",
        "Om u te beschermen is er niets opgeslagen: het formulier was te oud of uw sessie is"
        " verlopen. Hieronder staat wat u veranderde; meld u zo nodig opnieuw aan, open het"
        " formulier opnieuw en neem uw wijzigingen over.",
        what_was_typed(request),
    )
