"""Public pages as signed-in editors see them, rendered once per content version per process.

Editors never get the shared page cache (buurtwijs.cache): they preview drafts and held-back
changes. Yet what they see depends only on the content and on their being staff, never on which
editor asks, so each process keeps the pages it rendered for staff, keyed on the content version
*as the request's transaction reads it* (one small query), compressed once as the page cache's
entries are. An editor who saves in the admin therefore sees the change on the very next page,
whichever process serves it.

Only pages listed in ``QUERY_PARAMETERS`` (with the parameters they read) are kept; anything
else, any answer that is not a plain 200 HTML page, and any page that used the CSRF token (a form:
the token is the editor's own) is passed through untouched.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from buurtwijs import cache, page_entries
from editorial.renders import Renders

MAX_BYTES = 16 * 1024 * 1024
# An editor's save makes every page new, so compressing must stay cheap: brotli at quality 5
# takes about a tenth of the time of the page cache's 9 for a few percent more bytes.
BROTLI_QUALITY = 5


# The latest staff rendering of each page, for one version (the same store as readers' renders).
_pages = Renders(MAX_BYTES, size=page_entries.size)


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
            entry = page_entries.servable(found, request)
            _pages.put(page.digest, version, entry)
            return page_entries.response_of(entry, entry["bodies"], request)
        response = self.get_response(request)
        if _keepable(request, response):
            _pages.put(page.digest, version, page_entries.make(response, BROTLI_QUALITY))
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
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not getattr(request, "_csp_nonce", False)
        # get_token() was called: the page holds this editor's token (or a new one was made).
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def clear() -> None:
    _pages.clear()
