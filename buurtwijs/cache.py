"""Whole rendered pages for anonymous readers, kept in the shared cache.

Every cache key holds the *content version*: one row (``ContentVersion``) raised in the same
transaction as any change to published content (signals on every model of the content apps,
many-to-many links included). A publish therefore moves every page to a new key and the next
request renders afresh; nothing has to be deleted.

Each process learns the version without asking: the bump sends NOTIFY, which PostgreSQL delivers
to every listening process when the transaction commits, and the middleware takes in what arrived
before each request (a non-blocking read). A cache hit therefore costs no query at all: the entry
comes from a small per-process store (safe, as a key names one version of one page) or from the
shared cache. The process that published knows at once; others within moments of the commit, and
the version is read afresh every few seconds in case an announcement was lost. Without a
listening connection (or with BUURTWIJS_PAGE_CACHE_LISTEN=0) the version and the entry are read
per request, in one query.

Only what is the same for every reader is stored: GET requests without a session or messages
cookie, answered with a 200 that sets no cookie, is not marked private or uncacheable, varies on
nothing but the htmx headers, and did not use the per-request CSP nonce (a cached page would carry
a stale one). Staff previewing drafts have a session and always get a freshly rendered page.

A page is its path, the query parameters it reads (QUERY_PARAMETERS) and the htmx headers. Other
parameters (utm_source, fbclid, anything random) are removed before the view runs, so a link
with tracking parameters, or a client sending a new query string each time, is answered from the
entry of the plain address: no render, no new entry. A page without such a list is stored only
when it has no query string. Each process keeps the latest entry of each page it served within a
byte budget, and the shared cache bounds its own size, so nothing grows without limit.

After a publish every page moves to a new key. Readers asking for the same page while it is
being rendered wait for that one render (per process) instead of each rendering it.

Each stored page keeps a gzip and a brotli copy made once, so readers get compressed HTML at no
cost per request; a process unpacks a page once for readers without compression and keeps that
copy. An ETag built from the version lets browsers revalidate with a 304. While the database is
away, readers get the last good copy, marked (buurtwijs.stale_pages).
"""

import base64
import hashlib
import os
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

import psycopg
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import default_key_func
from django.core.cache.backends.db import DatabaseCache
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from buurtwijs import page_entries, stale_pages
from buurtwijs.middleware import DATABASE_ERRORS
from buurtwijs.release import release
from editorial.bulk import bulk_changed, in_bulk_change
from editorial.pending import held_back_changed
from editorial.registry import content_models
from editorial.renders import KEY_HEADERS, Renders, is_shareable
from editorial.scopes import SITE, raise_versions

# Besides the content apps (editorial.registry): the search index, derived from the content but
# also rebuilt on its own (`rebuild_search_index`); its changes show on the search page.
DERIVED_APPS = ("search",)
MESSAGES_COOKIE = "messages"
# A page that is not found (any more) has no last good copy either.
GONE_STATUSES = {404, 410}

VERSION_CHANNEL = "buurtwijs_content_version"
# Pages kept in each process (a city page is about 25 KB compressed, 150 KB plain).
LOCAL_MAX_BYTES = 48 * 2**20
# How long readers of a page being rendered wait for that render before rendering themselves.
RENDER_WAIT_SECONDS = 10
# How often a listening process reads the version itself, in case an announcement was lost.
RECHECK_SECONDS = 5
# After the listening connection failed, how long requests read the version themselves.
RECONNECT_SECONDS = 1
# A listening connection over TCP that silently died is noticed within seconds.
LISTEN_KEEPALIVES = {
    "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 5, "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}  # fmt: skip

# --- The content version -------------------------------------------------------------------


def current_version(using: str = DEFAULT_DB_ALIAS) -> int | None:
    """The content version (one query); None when the row is missing, e.g. after a flush.

    Plain SQL: editors' pages ask on every request, and building the ORM query cost more than
    running it.
    """
    from buurtwijs.models import ContentVersion

    table = connections[using].ops.quote_name(ContentVersion._meta.db_table)
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = 1")  # noqa: S608 - quoted name
        row = cursor.fetchone()
    return row[0] if row else None


def bump_content_version(using: str = DEFAULT_DB_ALIAS) -> None:
    """Raise the content version (queries). Call it after writes that send no signals.

    Such a write may have changed anything, so every page kept per scope (editorial.renders)
    moves on as well.
    """
    _raise_content_version(using)
    raise_versions({SITE}, using)


def _raise_content_version(using: str) -> None:
    """The new number is announced with NOTIFY, which PostgreSQL delivers at commit: listening
    processes learn it together with the content, never before."""
    from buurtwijs.models import ContentVersion

    table = connections[using].ops.quote_name(ContentVersion._meta.db_table)
    # A missing row (after a flush) starts from the clock in microseconds: above every number
    # used before, so versions only grow and keys of pages still in the cache never return.
    sql = (
        f"WITH bumped AS (INSERT INTO {table} (id, value, changed_at) "  # noqa: S608
        "VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint, now()) "
        f"ON CONFLICT (id) DO UPDATE SET value = {table}.value + 1, changed_at = now() "
        "RETURNING value) SELECT value, pg_notify(%s, value::text) FROM bumped"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [VERSION_CHANNEL])
        version = cursor.fetchone()[0]
    # This process need not wait for its own announcement.
    transaction.on_commit(lambda: _watcher.saw(version), using=using)


def _content_changed(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if in_bulk_change():
        return  # one bump at its end: _bulk_changed
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed also fires before the change
    _raise_content_version(using)


def _bulk_changed(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    _raise_content_version(using)


def watched_models() -> list:
    """Every model whose change is a content change, many-to-many tables included."""
    derived = [
        model
        for label in DERIVED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    return [*content_models(include_auto_created=True), *derived]


def connect_signals() -> None:
    """Watch every content model and the search index (from ready())."""
    bulk_changed.connect(_bulk_changed, dispatch_uid="content-version-bulk")
    # Staff pages show held-back changes (buurtwijs.editor_pages keys on the version too).
    held_back_changed.connect(_content_changed, dispatch_uid="content-version-held-back")
    for model in watched_models():
        uid = f"content-version-{model._meta.label_lower}"
        post_save.connect(_content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_content_changed, sender=model, dispatch_uid=uid)
        m2m_changed.connect(_content_changed, sender=model, dispatch_uid=uid)


class VersionWatcher:
    """The content version as PostgreSQL announces it to this process (LISTEN/NOTIFY).

    One connection per process listens; before each request the middleware takes in whatever
    arrived, without a round trip. None (and the middleware asks the database instead) while
    there is no listening connection.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._connection = None
        self._pid = None
        self._version: int | None = None
        self._checked_at = 0.0
        self._retry_at = 0.0

    def version(self) -> int | None:
        with self._lock:
            try:
                if self._connection is None or self._pid != os.getpid():
                    if time.monotonic() < self._retry_at and self._pid == os.getpid():
                        return None
                    self._listen()
                else:
                    self._take_in()
            except psycopg.Error:
                self._close()
                # While the database is away, requests ask it themselves (and fail fast).
                self._retry_at = time.monotonic() + RECONNECT_SECONDS
            return self._version

    def saw(self, version: int) -> None:
        with self._lock:
            if self._version is not None:
                self._version = max(self._version, version)

    def close(self) -> None:
        with self._lock:
            self._close()

    def _listen(self) -> None:
        self._close()
        params = connections[DEFAULT_DB_ALIAS].get_connection_params()
        params.pop("cursor_factory", None)
        self._pid = os.getpid()
        self._connection = psycopg.connect(**params | LISTEN_KEEPALIVES | {"autocommit": True})
        # Listen first, then read: a bump in between is then both read and announced.
        self._connection.execute(f"LISTEN {VERSION_CHANNEL}")
        self._recheck()

    def _take_in(self) -> None:
        pgconn = self._connection.pgconn
        pgconn.consume_input()  # a non-blocking read of what the server already sent
        # A server shutting down sends an error, then closes: the first read takes in the error,
        # only a second one sees the close. Without it the first request after the database
        # went away would still trust the version.
        pgconn.consume_input()
        if pgconn.status != psycopg.pq.ConnStatus.OK:
            raise psycopg.OperationalError("listening connection lost")
        while (notice := pgconn.notifies()) is not None:
            self._version = max(self._version or 0, int(notice.extra))
        if self._version is None or time.monotonic() > self._checked_at + RECHECK_SECONDS:
            self._recheck()

    def _recheck(self) -> None:
        """Read the version (one query); also proves the connection still works."""
        read = _read_version(self._connection)
        self._version = None if read is None else max(read, self._version or 0)
        self._checked_at = time.monotonic()

    def _close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None
        self._version = None


def _read_version(connection) -> int | None:
    from buurtwijs.models import ContentVersion

    table = ContentVersion._meta.db_table
    row = connection.execute(f'SELECT value FROM "{table}" WHERE id = 1').fetchone()  # noqa: S608
    return row[0] if row else None


class SingleFlight:
    """One render per page and version in this process; other readers wait for its result."""

    def __init__(self):
        self._lock = threading.Lock()
        self._flights: dict[str, threading.Event] = {}

    @contextmanager
    def lead_or_wait(self, key: str, wait_seconds: float) -> Iterator[bool]:
        """True: this thread renders. False: another did (or gave up) while this one waited."""
        with self._lock:
            flight = self._flights.get(key)
            leading = flight is None
            if leading:
                flight = self._flights[key] = threading.Event()
        if not leading:
            flight.wait(wait_seconds)
            yield False
            return
        try:
            yield True
        finally:
            with self._lock:
                del self._flights[key]
            flight.set()


_watcher = VersionWatcher()


class PerVersion:
    """Results worked out once per content version in this process, for what every page view
    would otherwise recompute from the same content (the home page's latest changes).

    Keyed on the version as this request's transaction sees it (one small query), so a result
    never outlives the content it came from, and a change is seen at once by the process and
    the transaction that made it.
    """

    def __init__(self, max_entries: int = 64):
        self._lock = threading.Lock()
        self._results: OrderedDict[tuple, object] = OrderedDict()
        self._max_entries = max_entries

    def get(self, key: tuple, compute):
        version = current_version()
        if version is None:
            return compute()
        key = (version, *key)
        with self._lock:
            if key in self._results:
                return self._results[key]
        result = compute()
        with self._lock:
            self._results[key] = result
            while len(self._results) > self._max_entries:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()


per_version = PerVersion()
# The latest entry of each recently served page, in this process. An entry counts as a hit only
# for the version it was made for, so it never goes stale; the entry of an older version stays
# until the page is served again and is what a reader gets while the database is away
# (buurtwijs.stale_pages).
_local_pages = Renders(LOCAL_MAX_BYTES, size=page_entries.size)
_flights = SingleFlight()


# --- Which request is which page ---------------------------------------------------------------

# The query parameters each page reads, by URL name. Any other parameter (utm_source, fbclid, a
# random string) is removed before the view runs, so the page is the same as without it: it is
# answered from the entry of the plain address and never makes an entry of its own.
QUERY_PARAMETERS = {
    "home": (),
    "cities:list": (),
    "cities:detail": (),
    "cities:district": (),
    "glossary": (),
    "sources": (),
    "about": (),
    "compare": ("steden", "verberg_gelijk", "formaat"),
    "compare_embed": ("steden",),
    "search": ("q", "pagina"),
    "robots_txt": (),
    "security_txt": (),
    "feed": (),
    "city_feed": (),
    "django.contrib.sitemaps.views.sitemap": ("p",),
    "data:index": (),
    "data:districts_csv": (),
    "data:districts_geojson": (),
    "data:terms_csv": (),
    "data:sources_csv": (),
}
# Pages whose last good copy is not shown while the database is away: a search for one phrase
# answered from an old copy would be a search that did not happen.
NO_LAST_GOOD_COPY = {"search"}


@dataclass(frozen=True)
class Page:
    """A request as the cache sees it: which page, whether it may be stored at all."""

    digest: str
    storable: bool
    keeps_last_good_copy: bool
    listed: bool = False  # in QUERY_PARAMETERS: known to read only the parameters it declares


def page_of(request: HttpRequest) -> Page:
    """Which page a reader's request asks for. Removes the query parameters the page ignores.

    A page not listed in QUERY_PARAMETERS is stored only when it has no query string, so no
    query string anywhere makes entries the pages do not need.
    """
    view_name = _view_name(request.path_info, settings.ROOT_URLCONF)
    readable = query_parameters().get(view_name)
    query = request.META.get("QUERY_STRING", "")
    if readable is not None and query:
        _set_query(request, _only(query, readable))
    storable = readable is not None or not request.META.get("QUERY_STRING")
    page = f"{request.get_full_path()}#{_key_headers(request)}"
    digest = hashlib.sha256(page.encode()).hexdigest()[:32]
    return Page(digest, storable, view_name not in NO_LAST_GOOD_COPY, readable is not None)


@lru_cache(maxsize=1)
def query_parameters() -> dict:
    """QUERY_PARAMETERS, and for the API what its schema declares for each operation."""
    from api.v1 import query_parameters_by_view_name

    return {**QUERY_PARAMETERS, **query_parameters_by_view_name()}


@lru_cache(maxsize=4096)
def _view_name(path: str, urlconf: str) -> str | None:
    try:
        return resolve(path, urlconf).view_name
    except Resolver404:
        return None


def _only(query: str, readable: tuple[str, ...]) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    # Sorted by name (stable, so the order of repeated values stays): ?a=1&b=2 is ?b=2&a=1.
    kept = sorted((pair for pair in pairs if pair[0] in readable), key=lambda pair: pair[0])
    return urlencode(kept)


def _set_query(request: HttpRequest, query: str) -> None:
    if query != request.META.get("QUERY_STRING"):
        request.META["QUERY_STRING"] = query
        request.__dict__.pop("GET", None)  # parsed again from the new query string


def _key_headers(request: HttpRequest) -> str:
    return "|".join(request.headers.get(name, "") for name in KEY_HEADERS)


def _cache_key(page: Page, version: int) -> str:
    return f"page:{release()}:{version}:{page.digest}"


# --- The middleware -----------------------------------------------------------------------------


class PageCacheMiddleware:
    """Answers anonymous GETs from the shared cache; placed right after WhiteNoise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_cacheable_request(request):
            return self.get_response(request)
        page = page_of(request)
        try:
            version, entry = _find(request, page)
        except DATABASE_ERRORS as error:
            local = _local_pages.latest(page.digest)
            return stale_pages.while_unreachable(request, page, error, local)
        if version is None:
            return self.get_response(request)
        etag = _etag(request, version)
        if etag in _if_none_match(request):
            request.page_cache = "hit"
            return _not_modified(etag)
        if entry is None:
            return self._render(request, page, version, etag)
        request.page_cache = "hit"
        entry = page_entries.servable(entry, request)
        _local_pages.put(page.digest, version, entry)
        return _response(entry, request, etag)

    def _render(self, request, page: Page, version: int, etag: str) -> HttpResponse:
        """Render the page once, however many readers ask for it at the same time."""
        key = _cache_key(page, version)
        with _flights.lead_or_wait(key, RENDER_WAIT_SECONDS) as leading:
            if not leading and (entry := _local_pages.get(page.digest, version)):
                request.page_cache = "shared"
                return _response(page_entries.servable(entry, request), request, etag)
            response = self.get_response(request)
            if stale_pages.is_outage(request, response):
                local = _local_pages.latest(page.digest)
                return stale_pages.after_failed_render(request, page, response, local)
            if not page.storable or not is_shareable(request, response):
                if response.status_code in GONE_STATUSES:
                    _local_pages.forget(page.digest)
                    stale_pages.forget(page)
                return response
            request.page_cache = "miss"
            entry = page_entries.make(response)
            caches[settings.PAGE_CACHE_ALIAS].set(key, entry, settings.PAGE_CACHE_SECONDS)
            if page.keeps_last_good_copy:
                stale_pages.keep(page, version, entry)
            entry = page_entries.servable(entry, request)
            _local_pages.put(page.digest, version, entry)
        return _response(entry, request, etag)


def _find(request: HttpRequest, page: Page) -> tuple[int | None, dict | None]:
    """The content version and the stored page: no query when both are known in this process."""
    version = _watcher.version() if settings.PAGE_CACHE_LISTEN else None
    if version is None:
        return _lookup(page)
    entry = _local_pages.get(page.digest, version)
    if entry is None:
        entry = caches[settings.PAGE_CACHE_ALIAS].get(_cache_key(page, version))
    return version, entry


def _lookup(page: Page) -> tuple[int | None, dict | None]:
    """The content version and the stored page (queries: one with the database cache)."""
    cache = caches[settings.PAGE_CACHE_ALIAS]
    if isinstance(cache, DatabaseCache) and cache.key_func is default_key_func:
        return _lookup_in_database(cache, page)
    version = current_version()
    if version is None:
        return None, None
    return version, cache.get(_cache_key(page, version))


def _lookup_in_database(cache: DatabaseCache, page: Page) -> tuple[int | None, dict | None]:
    # Every database round trip counts on a hit, so the version and the entry come together.
    from buurtwijs.models import ContentVersion

    connection = connections[router.db_for_read(cache.cache_model_class)]
    quote = connection.ops.quote_name
    # Only quoted table names are interpolated.
    sql = (
        f"SELECT v.value, c.value, c.expires FROM {quote(ContentVersion._meta.db_table)} v "  # noqa: S608
        f"LEFT JOIN {quote(cache._table)} c ON c.cache_key = %s || v.value::text || %s "
        "WHERE v.id = 1"
    )
    head = cache.make_and_validate_key(f"page:{release()}:")
    with connection.cursor() as cursor:
        cursor.execute(sql, [head, f":{page.digest}"])
        row = cursor.fetchone()
    if row is None:
        return None, None
    version, value, expires = row
    if value is None or expires < timezone.now():
        return version, None
    return version, pickle.loads(base64.b64decode(value.encode()))  # noqa: S301 - our own entries


def _is_cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and "authorization" not in request.headers
    )


def _etag(request: HttpRequest, version: int) -> str:
    variant = hashlib.sha256(_key_headers(request).encode()).hexdigest()[:6]
    return f'W/"{release()}-{version}-{variant}"'


def _if_none_match(request: HttpRequest) -> list[str]:
    header = request.headers.get("If-None-Match", "")
    return [tag.strip() for tag in header.split(",")] if header else []


def _response(entry: dict, request: HttpRequest, etag: str) -> HttpResponse:
    return _with_validators(page_entries.response_of(entry, entry["bodies"], request), etag)


def _not_modified(etag: str) -> HttpResponse:
    response = HttpResponseNotModified()
    response["ETag"] = etag
    patch_vary_headers(response, ("Accept-Encoding", "HX-Request"))
    return response


def _with_validators(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    # Unless the view said otherwise, browsers and proxies keep the page but ask again each time
    # (mostly a 304), and a CDN may show its copy for a day while the portal answers errors
    # (RFC 5861), as the portal itself does (buurtwijs.stale_pages).
    response.headers.setdefault(
        "Cache-Control", f"max-age=0, stale-if-error={settings.PAGE_CACHE_STALE_SECONDS}"
    )
    return response
