"""Portal-wide middleware: request logging, security headers, and the database-outage page."""

import logging
import sys
import time

from django.conf import settings
from django.contrib import admin
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

request_logger = logging.getLogger("buurtwijs.request")
outage_logger = logging.getLogger("buurtwijs.outage")

DATABASE_ERRORS = (OperationalError, InterfaceError)
# Long enough to spare a recovering database a storm of retries, short enough to feel quick.
RETRY_AFTER_SECONDS = 10
# An editor's save that failed: a page in the admin's style with what they typed.
UNSAVED_FORM_PAGE = "admin/database_unavailable.html"
# Formset bookkeeping, the buttons and the values a form loaded with: sent again, not shown.
TECHNICAL_FIELD_SUFFIXES = (
    "-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS", "-id", "-DELETE",
    "_save", "_continue", "_addanother", "_saveasnew",
)  # fmt: skip
# The page people see while the database is away; it must not need the database itself.
FALLBACK_OUTAGE_PAGE = (
    '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
    "<title>Even niet beschikbaar · Buurtwijs</title></head><body><main>"
    "<h1>Buurtwijs is even niet beschikbaar</h1>"
    "<p>Probeer het over een paar minuten opnieuw.</p></main></body></html>"
)


class RequestLogMiddleware:
    """One structured log line per request: method, path, status and duration."""

    # Load balancers probe the health check every few seconds; those lines say nothing.
    QUIET_PATHS = {"/gezond/"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if request.path in self.QUIET_PATHS and response.status_code == 200:
            return response
        request_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                # hit, miss (rendered and stored), shared (another request's render), stale
                "cache": getattr(request, "page_cache", None),
                # hit or miss in the renders kept per scope version (editorial.renders)
                "kept": getattr(request, "kept_render", None),
            },
        )
        return response


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not set: Permissions-Policy and CORP."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


class DatabaseOutageMiddleware:
    """While PostgreSQL is unreachable, answer 503 with Retry-After and a friendly page.

    process_exception sees errors from views and template rendering. Errors raised inside other
    middleware (sessions, authentication, a database cache) have already been turned into a 500
    by Django before they get here; the signal receiver below marks those requests so that
    __call__ can replace that 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "database_unavailable", False) and response.status_code == 500:
            drop_broken_connections()
            return service_unavailable(request)  # Django has logged the error with its traceback
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        _log_outage(request, exception)
        drop_broken_connections()
        response = service_unavailable(request)
        response._has_been_logged = True  # no second, shorter line from Django's handler
        return response


@receiver(got_request_exception, dispatch_uid="buurtwijs.middleware.note_database_outage")
def note_database_outage(sender, request=None, **kwargs):
    exception = sys.exc_info()[1]
    if request is not None and isinstance(exception, DATABASE_ERRORS):
        request.database_unavailable = True


def drop_broken_connections() -> None:
    """Close connections that failed, so the next query connects afresh once the server is back.

    Django also does this when a request finishes, but only where its request signals are
    connected; doing it here makes recovery independent of that.
    """
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not connection.is_usable():
            try:
                connection.close()
            except DATABASE_ERRORS:
                connection.connection = None


def _log_outage(request, exception) -> None:
    outage_logger.error(
        "Database onbereikbaar: %s",
        exception,
        exc_info=exception,
        extra={"method": request.method, "path": request.path},
    )


def service_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    """The 503 page; an editor's failed save gets the admin page that keeps what they typed."""
    if request is not None and _is_admin_save(request):
        page = _render_outage_page(UNSAVED_FORM_PAGE, _unsaved_form_context(request))
    else:
        page = _render_outage_page("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response.database_unavailable = True  # buurtwijs.stale_pages may answer a stored copy
    return response


def _render_outage_page(template: str, context: dict) -> str:
    # Rendered without the request: its context processors would ask the database for the user.
    try:
        return render_to_string(template, context)
    except Exception:  # The outage page must never fail in turn.
        outage_logger.exception("De pagina %s kon niet worden getoond.", template)
        return FALLBACK_OUTAGE_PAGE


def _is_admin_save(request: HttpRequest) -> bool:
    if request.method != "POST" or request.path == reverse("admin:login"):
        return False
    return request.path.startswith(reverse("admin:index"))


def _unsaved_form_context(request: HttpRequest) -> dict:
    """What the editor sent, to show and to send again; never their password."""
    try:
        posted = [
            (name, value)
            for name, values in request.POST.lists()
            if "password" not in name.lower()
            for value in values
        ]
        had_files = bool(request.FILES)
    except Exception:  # an unreadable body: the page still says what happened
        posted, had_files = [], False
    return {
        "title": "Opslaan lukt nu niet",
        "site_header": admin.site.site_header,
        "site_title": admin.site.site_title,
        "action": request.get_full_path(),
        "posted": posted,
        "texts": [(name, value) for name, value in posted if _is_typed_text(name, value)],
        "had_files": had_files,
        "retry_after": RETRY_AFTER_SECONDS,
    }


def _is_typed_text(name: str, value: str) -> bool:
    """Fields an editor typed into (not tokens, counters or ticked boxes), to show them."""
    technical = (
        name in {"csrfmiddlewaretoken", "loaded_version"}
        or name.startswith("initial-")
        or name.endswith(TECHNICAL_FIELD_SUFFIXES)
    )
    return not technical and len(value.strip()) > 1
