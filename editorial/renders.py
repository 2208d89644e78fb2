"""Rendered public pages kept in each process until what they show changes.

The page cache (buurtwijs.cache) keys every page on the one content version, so after any
publish every page is rendered afresh. Here a view's answer to readers is kept per *scope
version* (editorial.scopes): a city's profile stays valid until that city, one of its parts or
something every page shows changes. After a publish in Utrecht, Amsterdam's pages are still
here and cost one or two small queries instead of a render.

Only readers who are not signed in are served from here: staff see drafts and held-back changes
(and get buurtwijs.editor_pages instead). Only what is the same for every reader is kept: a 200
that sets no cookie, is not marked private and did not use the request's CSP nonce. Each
process keeps what it rendered within a byte budget, least recently used first out.
"""

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from editorial.scopes import latest_version

MAX_BYTES = 32 * 1024 * 1024
# Search answers have a budget of their own: every phrase is its own page, so a flood of phrases
# fills this one and never pushes a city page out of the other.
SEARCH_MAX_BYTES = 8 * 1024 * 1024
# Parts of pages (kept_part): a few per city.
PARTS_MAX_BYTES = 8 * 1024 * 1024
# Request headers an answer may depend on besides its address (htmx); part of every key here and
# in the page cache (buurtwijs.cache).
KEY_HEADERS = (
    "HX-Request", "HX-Boosted", "HX-History-Restore-Request", "HX-Target", "HX-Trigger",
    "HX-Trigger-Name",
)  # fmt: skip
# What an answer may vary on and still be kept for every reader: the key holds the htmx headers,
# the site speaks Dutch only, compression is chosen per answer, and what differs per cookie is
# never served from a store (signed-in users and messages are never answered from one).
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding", *(h.lower() for h in KEY_HEADERS)}
UNSHAREABLE = frozenset({"private", "no-store", "no-cache"})


def _content_size(render: tuple[bytes, dict]) -> int:
    return len(render[0])


def _part_size(part: dict) -> int:
    return sum(len(value) for value in part.values() if isinstance(value, str))


class Renders:
    """The latest render of each page, for one version, within a byte budget.

    A page rendered for a newer version replaces the older one, so old versions take no room,
    and a slower render of an older version never replaces a newer one; the least recently used
    page goes first when the budget is full. ``size(render)`` counts a render's bytes. The store
    of readers' kept renders here, of buurtwijs.editor_pages and of the page cache's entries in
    each process (buurtwijs.cache).
    """

    def __init__(self, max_bytes: int, size: Callable[[object], int] = _content_size):
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[int, object]] = OrderedDict()
        self._bytes = 0
        self._max_bytes = max_bytes
        self._size = size

    def get(self, page: Hashable, version: int):
        """The render for this version, or None."""
        with self._lock:
            found = self._entries.get(page)
            if found is None or found[0] != version:
                return None
            self._entries.move_to_end(page)
            return found[1]

    def latest(self, page: Hashable) -> tuple[int, object] | None:
        """The version and render kept last, whatever the version (a last good copy)."""
        with self._lock:
            return self._entries.get(page)

    def put(self, page: Hashable, version: int, render) -> None:
        with self._lock:
            stored = self._entries.get(page)
            if stored is not None and stored[0] > version:
                return  # a slower render of an older version
            if stored is not None and stored[1] is render:
                self._entries.move_to_end(page)  # a hit on what is here already
                return
            self._drop(page)
            self._entries[page] = (version, render)
            self._bytes += self._size(render)
            while self._bytes > self._max_bytes and len(self._entries) > 1:
                self._drop(next(iter(self._entries)))

    def forget(self, page: Hashable) -> None:
        with self._lock:
            self._drop(page)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, page: Hashable) -> None:
        stored = self._entries.pop(page, None)
        if stored is not None:
            self._bytes -= self._size(stored[1])


_renders = Renders(MAX_BYTES)
searches = Renders(SEARCH_MAX_BYTES)
_parts = Renders(PARTS_MAX_BYTES, size=_part_size)


def clear() -> None:
    _renders.clear()
    searches.clear()
    _parts.clear()


def kept_part(key: Hashable, scopes: list[str], render: Callable[[], dict]) -> dict:
    """``render()``, a part of a page that is the same for every reader, or what it gave before
    while no scope in ``scopes`` changed (one query).

    For a page that is rendered anyway, because something else on it changed: after a publish
    of Amsterdam's approach, its page is rendered again but its districts and map are not.
    ``render()`` gives a dict of strings (HTML marked safe) and small values.
    """
    if not settings.KEPT_RENDERS_ENABLED:
        return render()
    version = latest_version(scopes)
    if version is None:
        return render()
    found = _parts.get(key, version)
    if found is None:
        found = render()
        _parts.put(key, version, found)
    return found


def kept_for_readers(
    scopes_shown: Callable[..., list[str]] | None = None,
    reads=(),
    dated: bool = False,
    signed_in_too: bool = False,
    store: Renders | None = None,
):
    """Keep a view's answers to readers who are not signed in until what it shows changes.

    ``scopes_shown(request, **url_arguments)`` names the scopes the page shows (it may query,
    and raise Http404 for a page that is not there); without it the page shows a little of
    everything and changes with any scope. ``reads`` lists the query parameters the view
    reads, part of the key as the address and the host are; ``dated`` pages show
    today's date and are kept for one day at most. ``signed_in_too``: the view answers
    signed-in editors exactly as it answers readers (the API shows published content only), so
    they share the kept answers. ``store``: a byte budget of its own instead of the pages'.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not settings.KEPT_RENDERS_ENABLED or (
                not signed_in_too and request.user.is_authenticated
            ):
                return view(request, *args, **kwargs)
            scopes = scopes_shown(request, *args, **kwargs) if scopes_shown else None
            query = tuple((name, tuple(request.GET.getlist(name))) for name in reads)
            day = timezone.localdate() if dated else None
            where = (request.scheme, request.get_host(), request.path)
            key = (view.__module__, view.__qualname__, *where, query, day)
            render = functools.partial(view, request, *args, **kwargs)
            return kept(request, key, scopes, render, _renders if store is None else store)

        return wrapper

    return decorator


def kept(
    request: HttpRequest,
    key: tuple,
    scopes: list[str] | None,
    render: Callable[[], HttpResponse],
    store: Renders = _renders,
) -> HttpResponse:
    """``render()``, or what it answered before while no scope in ``scopes`` changed.

    ``key`` names the page and everything of the request the view reads (its query parameters);
    ``scopes`` are the scopes it shows, None for pages that show a little of everything.
    Costs one query when kept.
    """
    version = latest_version(scopes)
    if version is None:
        return render()
    key = (*key, *(request.headers.get(name, "") for name in KEY_HEADERS))
    found = store.get(key, version)
    if found is not None:
        request.kept_render = "hit"
        content, headers = found
        return HttpResponse(content, headers=headers)
    response = render()
    if is_shareable(request, response):
        request.kept_render = "miss"
        store.put(key, version, (response.content, dict(response.items())))
    return response


def is_shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """The answer is the same for every reader who asks for it the same way: a 200 that sets no
    cookie, is not private, did not use the request's CSP nonce and varies on nothing the key
    leaves out. Also what the page cache stores (buurtwijs.cache)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "_csp_nonce", False):
        return False
    cache_control = response.get("Cache-Control", "").split(",")
    directives = {directive.split("=")[0].strip().lower() for directive in cache_control}
    if directives & UNSHAREABLE:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= HARMLESS_VARY
