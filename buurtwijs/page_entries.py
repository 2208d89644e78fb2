"""A stored page: its headers and its body compressed once, and the answer made from it."""

import gzip
import time

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

MIN_COMPRESS_BYTES = 256
# Headers made afresh for every answer from the cache.
OWN_HEADERS = {"content-length", "content-encoding", "etag", "vary"}
REFUSED = {"q=0", "q=0.0", "q=0.00", "q=0.000"}


def make(response: HttpResponse, brotli_quality: int | None = None) -> dict:
    """An entry for the shared cache, or for editors' pages with a ``brotli_quality`` of their
    own. Larger pages are kept compressed only, so every read from the shared cache stays
    small; processes unpack a page once for readers without gzip."""
    body = bytes(response.content)
    if len(body) < MIN_COMPRESS_BYTES:
        bodies = {"identity": body}
    else:
        quality = settings.PAGE_CACHE_BROTLI_QUALITY if brotli_quality is None else brotli_quality
        bodies = compressed(body, brotli_quality=quality)
    headers = [(k, v) for k, v in response.items() if k.lower() not in OWN_HEADERS]
    return {
        "headers": headers,
        "vary": response.get("Vary", ""),
        "bodies": bodies,
        "stored_at": time.time(),
    }


def compressed(body: bytes, brotli_quality: int) -> dict[str, bytes]:
    return {
        "br": brotli.compress(body, quality=brotli_quality),
        "gzip": gzip.compress(body, compresslevel=9, mtime=0),
    }


def servable(entry: dict, request: HttpRequest) -> dict:
    """The entry, with a plain copy beside the compressed ones if this reader takes neither."""
    if accepted_encodings(request) & entry["bodies"].keys():
        return entry
    return with_identity(entry)


def with_identity(entry: dict) -> dict:
    """The entry with its page unpacked beside the compressed copies (a new dict)."""
    bodies = entry["bodies"]
    if "identity" in bodies:
        return entry
    return entry | {"bodies": bodies | {"identity": plain_body(entry)}}


def plain_body(entry: dict) -> bytes:
    bodies = entry["bodies"]
    return bodies["identity"] if "identity" in bodies else gzip.decompress(bodies["gzip"])


def size(entry: dict) -> int:
    return sum(len(body) for body in entry["bodies"].values())


def accepted_encodings(request: HttpRequest) -> set[str]:
    accepted = set()
    for item in request.headers.get("Accept-Encoding", "").split(","):
        coding, _, params = item.partition(";")
        if params.replace(" ", "").lower() not in REFUSED:
            accepted.add(coding.strip().lower())
    return accepted


def response_of(entry: dict, bodies: dict[str, bytes], request: HttpRequest) -> HttpResponse:
    """The stored page in the best encoding this reader accepts, from ``bodies``.

    ``bodies`` must hold a plain copy unless the reader accepts one of the compressed ones.
    """
    accepted = accepted_encodings(request)
    encoding = next((c for c in ("br", "gzip") if c in accepted and c in bodies), "identity")
    body = bodies[encoding]
    response = HttpResponse(body)
    for name, value in entry["headers"]:
        response[name] = value
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(body))
    if entry["vary"]:
        response["Vary"] = entry["vary"]
    patch_vary_headers(response, ("Accept-Encoding", "HX-Request"))
    return response
