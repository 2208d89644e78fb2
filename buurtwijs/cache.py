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

Each stored page keeps a gzip and a brotli copy made once, so readers get compressed HTML at no
cost per request, and an ETag built from the version lets browsers revalidate with a 304.
"""

import base64
import gzip
import hashlib
import os
import pickle
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from functools import cache as memoize
from pathlib import Path

import brotli
import psycopg
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import default_key_func
from django.core.cache.backends.db import DatabaseCache
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from editorial.bulk import bulk_changed, in_bulk_change
from editorial.registry import content_models

# Besides the content apps (editorial.registry): the search index, derived from the content but
# also rebuilt on its own (`rebuild_search_index`); its changes show on the search page.
DERIVED_APPS = ("search",)
# Request headers a page may depend on besides its URL (htmx fragments); all part of the key.
KEY_HEADERS = (
    "HX-Request", "HX-Boosted", "HX-History-Restore-Request", "HX-Target", "HX-Trigger",
    "HX-Trigger-Name",
)  # fmt: skip
# A response varying on anything else is not stored. Cookie: only cookie-less requests are
# served from the cache; Accept-Language: the portal has one language.
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding", *(h.lower() for h in KEY_HEADERS)}
MESSAGES_COOKIE = "messages"
MIN_COMPRESS_BYTES = 256
# Headers made afresh for every answer from the cache.
OWN_HEADERS = {"content-length", "content-encoding", "etag", "vary"}

VERSION_CHANNEL = "buurtwijs_content_version"
# How often a listening process reads the version itself, in case an announcement was lost.
RECHECK_SECONDS = 5
# A listening connection over TCP that silently died is noticed within seconds.
LISTEN_KEEPALIVES = {
    "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 5, "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}  # fmt: skip

# --- The content version -------------------------------------------------------------------


def current_version(using: str = DEFAULT_DB_ALIAS) -> int | None:
    """The content version (queries); None when the row is missing, e.g. after a flush."""
    from buurtwijs.models import ContentVersion

    return ContentVersion.objects.using(using).filter(pk=1).values_list("value", flat=True).first()


def bump_content_version(using: str = DEFAULT_DB_ALIAS) -> None:
    """Raise the content version (queries). Call it after writes that send no signals.

    The new number is announced with NOTIFY, which PostgreSQL delivers at commit: listening
    processes learn it together with the content, never before.
    """
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
    bump_content_version(using)


def _bulk_changed(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    bump_content_version(using)


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

    def version(self) -> int | None:
        with self._lock:
            try:
                if self._connection is None or self._pid != os.getpid():
                    self._listen()
                else:
                    self._take_in()
            except psycopg.Error:
                self._close()
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
        self._connection = psycopg.connect(**params | LISTEN_KEEPALIVES | {"autocommit": True})
        self._pid = os.getpid()
        # Listen first, then read: a bump in between is then both read and announced.
        self._connection.execute(f"LISTEN {VERSION_CHANNEL}")
        self._recheck()

    def _take_in(self) -> None:
        pgconn = self._connection.pgconn
        pgconn.consume_input()  # a non-blocking read of what the server already sent
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


class LocalPages:
    """Recently served entries, in this process. Safe: a key names one version of one page."""

    def __init__(self, size: int):
        self._size = size
        self._entries: OrderedDict[str, dict] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


_watcher = VersionWatcher()
_local_pages = LocalPages(size=500)


# --- The release: a deploy with other code, templates or static files starts afresh -------------


@memoize
def release() -> str:
    """A digest of the code, templates and static manifest this process serves (read once)."""
    digest = hashlib.sha256(settings.PAGE_CACHE_RELEASE.encode())
    base = Path(settings.BASE_DIR)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    for path in sorted(_release_files(base)) + [manifest]:
        if path.is_file():
            digest.update(
                str(path.relative_to(base) if path.is_relative_to(base) else path).encode()
            )
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _release_files(base: Path) -> Iterator[Path]:
    for folder in base.iterdir():
        is_code = folder.name == "templates" or (folder / "__init__.py").exists()
        if is_code and folder.name != "tests":
            yield from folder.rglob("*.py")
            yield from folder.rglob("*.html")


# --- The middleware -----------------------------------------------------------------------------


class PageCacheMiddleware:
    """Answers anonymous GETs from the shared cache; placed right after WhiteNoise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_cacheable_request(request):
            return self.get_response(request)
        version, entry = _find(request)
        if version is None:
            return self.get_response(request)
        etag = _etag(request, version)
        if etag in _if_none_match(request):
            return _not_modified(etag)
        key = _cache_key(request, version)
        if entry is None:
            response = self.get_response(request)
            if not _is_cacheable_response(request, response):
                return response
            entry = _entry(response)
            caches[settings.PAGE_CACHE_ALIAS].set(key, entry, settings.PAGE_CACHE_SECONDS)
        _local_pages.put(key, entry)
        return _response(entry, request, etag)


def _find(request: HttpRequest) -> tuple[int | None, dict | None]:
    """The content version and the stored page: no query when both are known in this process."""
    version = _watcher.version() if settings.PAGE_CACHE_LISTEN else None
    if version is None:
        return _lookup(request)
    key = _cache_key(request, version)
    entry = _local_pages.get(key) or caches[settings.PAGE_CACHE_ALIAS].get(key)
    return version, entry


def _lookup(request: HttpRequest) -> tuple[int | None, dict | None]:
    """The content version and the stored page (queries: one with the database cache)."""
    cache = caches[settings.PAGE_CACHE_ALIAS]
    if isinstance(cache, DatabaseCache) and cache.key_func is default_key_func:
        return _lookup_in_database(cache, request)
    version = current_version()
    if version is None:
        return None, None
    return version, cache.get(_cache_key(request, version))


def _lookup_in_database(
    cache: DatabaseCache, request: HttpRequest
) -> tuple[int | None, dict | None]:
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
        cursor.execute(sql, [head, f":{_url_hash(request)}"])
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


def _is_cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if bool(getattr(request, "_csp_nonce", False)):
        return False
    directives = response.get("Cache-Control", "").split(",")
    cache_control = {d.split("=")[0].strip().lower() for d in directives}
    if cache_control & {"private", "no-store", "no-cache"}:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= HARMLESS_VARY


def _key_headers(request: HttpRequest) -> str:
    return "|".join(request.headers.get(name, "") for name in KEY_HEADERS)


def _url_hash(request: HttpRequest) -> str:
    page = f"{request.get_full_path()}#{_key_headers(request)}"
    return hashlib.sha256(page.encode()).hexdigest()[:32]


def _cache_key(request: HttpRequest, version: int) -> str:
    return f"page:{release()}:{version}:{_url_hash(request)}"


def _etag(request: HttpRequest, version: int) -> str:
    variant = hashlib.sha256(_key_headers(request).encode()).hexdigest()[:6]
    return f'W/"{release()}-{version}-{variant}"'


def _if_none_match(request: HttpRequest) -> list[str]:
    header = request.headers.get("If-None-Match", "")
    return [tag.strip() for tag in header.split(",")] if header else []


def _entry(response: HttpResponse) -> dict:
    # Larger pages are kept compressed only, so every read from the cache stays small; the rare
    # reader without gzip gets the page unpacked on the fly.
    body = bytes(response.content)
    if len(body) < MIN_COMPRESS_BYTES:
        bodies = {"identity": body}
    else:
        bodies = {
            "br": brotli.compress(body, quality=settings.PAGE_CACHE_BROTLI_QUALITY),
            "gzip": gzip.compress(body, compresslevel=9, mtime=0),
        }
    headers = [(k, v) for k, v in response.items() if k.lower() not in OWN_HEADERS]
    return {"headers": headers, "vary": response.get("Vary", ""), "bodies": bodies}


def _accepted_encodings(request: HttpRequest) -> set[str]:
    accepted = set()
    for item in request.headers.get("Accept-Encoding", "").split(","):
        coding, _, params = item.partition(";")
        if params.replace(" ", "").lower() not in {"q=0", "q=0.0", "q=0.00", "q=0.000"}:
            accepted.add(coding.strip().lower())
    return accepted


def _response(entry: dict, request: HttpRequest, etag: str) -> HttpResponse:
    accepted = _accepted_encodings(request)
    bodies = entry["bodies"]
    encoding = next((c for c in ("br", "gzip") if c in accepted and c in bodies), "identity")
    body = bodies[encoding] if encoding in bodies else gzip.decompress(bodies["gzip"])
    response = HttpResponse(body)
    for name, value in entry["headers"]:
        response[name] = value
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(body))
    if entry["vary"]:
        response["Vary"] = entry["vary"]
    patch_vary_headers(response, ("Accept-Encoding", "HX-Request"))
    return _with_validators(response, etag)


def _not_modified(etag: str) -> HttpResponse:
    response = HttpResponseNotModified()
    response["ETag"] = etag
    patch_vary_headers(response, ("Accept-Encoding", "HX-Request"))
    return response


def _with_validators(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    # Unless the view said otherwise, browsers keep the page but ask again each time (mostly a 304).
    response.headers.setdefault("Cache-Control", "no-cache")
    return response
