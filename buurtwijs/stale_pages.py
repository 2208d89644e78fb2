"""The last good copy of each page, for readers while the database is away.

Like a proxy's grace mode (RFC 5861 ``stale-if-error``): when the content version cannot be read
or a page cannot be rendered because PostgreSQL is unreachable, an anonymous reader gets the
newest copy of that page this process still holds, or that Redis holds when it is the shared
cache (the database cache is as unreachable as the database). The copy carries a notice that it
may not show the latest changes and ``Cache-Control: no-store``, so no browser or proxy keeps it
as the current page. Nothing is stored while the database is away, and the version is never
guessed: the first request after the database is back reads it and gets the current page.

A copy is at most PAGE_CACHE_STALE_SECONDS old. A page that answered 404 since loses its copy,
so a page taken offline is not shown again during an outage in the process that saw it go.
"""

import gzip
import logging
import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from buurtwijs import page_entries
from buurtwijs.middleware import drop_broken_connections, service_unavailable
from buurtwijs.release import release

logger = logging.getLogger("buurtwijs.outage")

# Where base.html puts the notice; pages without it (CSV, other fragments) get no copy.
NOTICE_MARKER = b"<!--buurtwijs:verouderd-->"
NOTICE_TEMPLATE = "includes/stale_notice.html"
# Marked copies made in this process, so an outage costs one rewrite per page, not per request.
MARKED_COPIES = 100

_marked: OrderedDict[tuple[str, int], dict | None] = OrderedDict()
_marked_lock = threading.Lock()


def keep(page, version: int, entry: dict) -> None:
    """Keep ``entry`` as the page's last good copy in Redis (this process keeps its own)."""
    cache = _shared_cache()
    if cache is not None:
        value = {"version": version, "entry": entry}
        cache.set(_key(page), value, settings.PAGE_CACHE_STALE_SECONDS)


def forget(page) -> None:
    cache = _shared_cache()
    if cache is not None:
        cache.delete(_key(page))


def is_outage(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether rendering failed because the database is away (see buurtwijs.middleware)."""
    if getattr(response, "database_unavailable", False):
        return True
    return response.status_code == 500 and getattr(request, "database_unavailable", False)


def while_unreachable(request: HttpRequest, page, error: Exception, local) -> HttpResponse:
    """The answer when the content version could not be read."""
    logger.warning(
        "Database onbereikbaar: %s",
        error,
        extra={"method": request.method, "path": request.path},
    )
    drop_broken_connections()
    return answer(request, page, local) or service_unavailable(request)


def after_failed_render(request: HttpRequest, page, response: HttpResponse, local):
    """The answer when the page could not be rendered: the copy, else the 503 as it is."""
    return answer(request, page, local) or response


def answer(request: HttpRequest, page, local: tuple[int, dict] | None) -> HttpResponse | None:
    """The last good copy with its notice, or None when there is none to show."""
    if not page.keeps_last_good_copy:
        return None
    copy = _newest(local, _shared_copy(page))
    if copy is None:
        return None
    version, entry = copy
    bodies = _marked_bodies(page.digest, version, entry, "HX-Request" in request.headers)
    if bodies is None:
        return None
    response = page_entries.response_of(entry, bodies, request)
    response["Cache-Control"] = "no-store"
    request.page_cache = "stale"
    return response


def _newest(*copies) -> tuple[int, dict] | None:
    oldest = time.time() - settings.PAGE_CACHE_STALE_SECONDS
    usable = [c for c in copies if c is not None and c[1].get("stored_at", 0) >= oldest]
    return max(usable, key=lambda copy: copy[0], default=None)


def _shared_cache():
    cache = caches[settings.PAGE_CACHE_ALIAS]
    return None if isinstance(cache, DatabaseCache) else cache


def _key(page) -> str:
    return f"page-last:{release()}:{page.digest}"


def _shared_copy(page) -> tuple[int, dict] | None:
    cache = _shared_cache()
    if cache is None:
        return None
    try:
        value = cache.get(_key(page))
    except Exception as error:  # Redis away as well: this process's copy is all there is.
        logger.warning("Gedeelde cache onbereikbaar: %s", error)
        return None
    return None if value is None else (value["version"], value["entry"])


def _marked_bodies(digest: str, version: int, entry: dict, fragment: bool) -> dict | None:
    key = (digest, version)
    with _marked_lock:
        if key in _marked:
            return _marked[key]
    bodies = _mark(entry, fragment)
    with _marked_lock:
        _marked[key] = bodies
        while len(_marked) > MARKED_COPIES:
            _marked.popitem(last=False)
    return bodies


def _mark(entry: dict, fragment: bool) -> dict | None:
    """The page with the notice in it, plain and gzipped; None for what cannot carry one."""
    content_type = dict((k.lower(), v) for k, v in entry["headers"]).get("content-type", "")
    if not content_type.startswith("text/html"):
        return None
    body = page_entries.plain_body(entry)
    notice = _notice(entry["stored_at"])
    if NOTICE_MARKER in body:
        body = body.replace(NOTICE_MARKER, notice, 1)
    elif fragment:
        body = notice + body
    else:
        return None
    bodies = {"identity": body}
    if len(body) >= page_entries.MIN_COMPRESS_BYTES:
        bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
    return bodies


def _notice(stored_at: float) -> bytes:
    saved_at = timezone.localtime(datetime.fromtimestamp(stored_at, UTC))
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(NOTICE_TEMPLATE, {"saved_at": saved_at}).strip().encode()
