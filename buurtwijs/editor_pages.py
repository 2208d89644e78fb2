"""Public pages as signed-in editors see them, rendered once per content version per process.

Editors never get the shared page cache (buurtwijs.cache): they preview drafts and held-back
changes, and their pages carry a CSRF token. Yet what they see depends only on the content and
on their being staff, never on which editor asks, so each process keeps the pages it rendered for
staff, keyed on the content version *as the request's transaction reads it* (one small query).
An editor who saves in the admin therefore sees the change on the very next page, whichever
process serves it. The CSRF tokens in a stored page are replaced by the asking editor's own on
every answer.

Only pages listed in ``QUERY_PARAMETERS`` (with the parameters they read) are kept; anything
else, and any answer that is not a plain 200 HTML page, is passed through untouched.
"""

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from buurtwijs import cache
from editorial.renders import Renders

# The two places a token appears on public pages: htmx's header and a form's hidden field.
TOKEN = re.compile(
    r'(?P<before>"X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(?=")'
)
PLACEHOLDER = "\x00csrf\x00"
MAX_BYTES = 16 * 1024 * 1024
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary")


# The latest staff rendering of each page, for one version (the same store as readers' renders).
_pages = Renders(MAX_BYTES)


class EditorPagesMiddleware:
    """After authentication: answers staff from the pages rendered for staff before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _applies(request):
            return self.get_response(request)
        page = cache.page_of(request)
        if not page.storable or not page.listed:
            return self.get_response(request)  # the admin, forms: no query spent on them
        version = cache.current_version()
        if version is None:
            return self.get_response(request)
        found = _pages.get(page.digest, version)
        if found is not None:
            request.page_cache = "editor-hit"
            return _answer(request, *found)
        response = self.get_response(request)
        if _keepable(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            content = TOKEN.sub(lambda m: m["before"] + PLACEHOLDER, response.content.decode())
            _pages.put(page.digest, version, (content.encode(), headers))
            request.page_cache = "editor-miss"
        return response


def _applies(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return (
        settings.EDITOR_PAGES_ENABLED
        and request.method == "GET"
        and user is not None
        and user.is_authenticated
        and user.is_staff
    )


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not getattr(request, "_csp_nonce", False)
    )


def _answer(request: HttpRequest, content: bytes, headers: dict) -> HttpResponse:
    token = get_token(request)  # the editor's own; also keeps the CSRF cookie up to date
    body = content.decode().replace(PLACEHOLDER, token)
    return HttpResponse(body, headers=headers)


def clear() -> None:
    _pages.clear()
