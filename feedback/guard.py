"""Spam and abuse without third-party services.

- A signed, time-stamped form token (django.core.signing): issued when the form page is shown,
  never in a cached page. A form sent within seconds of being shown, or hours later, is refused;
  its one-time number makes the same form sent twice count once.
- A honeypot field that people never see and simple bots fill in.
- A rate limit per client in the shared cache, keyed by a salted hash of the address: the address
  itself is stored nowhere, and the salt changes every day.
- Limits on size and on the number of links.
"""

import re
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

TOKEN_SALT = "feedback.form-token"  # noqa: S105 - a signing namespace, not a secret
LINK = re.compile(r"https?://|(?<!://)\bwww\.", re.IGNORECASE)
# C0 control characters other than tab, line feed and carriage return: never part of a text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class TokenProblem(Exception):
    """Why a form token is refused, in words for the reader; ``renew``: issue a new token."""

    def __init__(self, message: str, renew: bool = True):
        super().__init__(message)
        self.renew = renew


@dataclass(frozen=True)
class FormToken:
    form: str
    nonce: str


def issue_token(form: str) -> str:
    payload = {"f": form, "n": secrets.token_hex(16), "t": int(time.time())}
    return signing.dumps(payload, salt=TOKEN_SALT)


def check_token(value: str, form: str) -> FormToken:
    """The token's contents, or TokenProblem when it is missing, forged, too fresh or too old."""
    try:
        data = signing.loads(value or "", salt=TOKEN_SALT, max_age=settings.FEEDBACK_FORM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise TokenProblem(
            "Het formulier stond te lang open. Uw tekst staat er nog; verstuur het opnieuw."
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise TokenProblem(
            "Het formulier is niet volledig aangekomen. Uw tekst staat er nog; "
            "verstuur het opnieuw."
        ) from error
    if not isinstance(data, dict) or data.get("f") != form or not data.get("n"):
        raise TokenProblem("Dit formulier hoort bij een andere pagina. Verstuur het opnieuw.")
    if time.time() - int(data.get("t", 0)) < settings.FEEDBACK_FORM_MIN_SECONDS:
        raise TokenProblem(
            "Het formulier werd wel erg snel verstuurd. Controleer uw tekst en verstuur het "
            "opnieuw.",
            renew=False,
        )
    return FormToken(form=form, nonce=str(data["n"])[:32])


def client_key(request) -> str:
    """A salted hash of the client's address, valid for one day; the address is not kept."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [p for p in forwarded if p]
    address = forwarded[-count] if count and len(forwarded) >= count else ""
    address = address or request.META.get("REMOTE_ADDR", "")
    day = time.strftime("%Y-%m-%d", time.gmtime())
    return salted_hmac("feedback.client", f"{day}|{address}", algorithm="sha256").hexdigest()[:32]


def seconds_until_allowed(request) -> int:
    """Count this attempt; 0 when within the limit, else how long the client must wait.

    A fixed window per client in the shared cache, so every process and container counts together.
    """
    limit, window = settings.FEEDBACK_RATE_LIMIT
    now = time.time()
    slot = int(now // window)
    key = f"feedback-rate:{client_key(request)}:{slot}"
    cache.add(key, 0, timeout=window + 5)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        attempts = 1
    if attempts <= limit:
        return 0
    return max(1, int((slot + 1) * window - now))


def count_links(text: str) -> int:
    return len(LINK.findall(text or ""))


def has_control_characters(text: str) -> bool:
    return bool(CONTROL.search(text or ""))
