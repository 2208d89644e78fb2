"""Settings for Buurtwijs, read from the environment.

BUURTWIJS_ENV=production makes SECRET_KEY and ALLOWED_HOSTS mandatory. Locally (the default) the
portal runs on 127.0.0.1 with a secret key generated once into ``.local/`` (git-ignored).
DATABASE_URL selects a PostgreSQL server; without it the embedded cluster of
``buurtwijs.embedded_db`` is used.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from buurtwijs import embedded_db

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when BUURTWIJS_ENV=production.")
    return value


def secret_key_from_environment() -> str:
    """SECRET_KEY itself, or the contents of the file SECRET_KEY_FILE names (a mounted secret)."""
    if key := os.environ.get("SECRET_KEY", "").strip():
        return key
    if path := os.environ.get("SECRET_KEY_FILE", "").strip():
        return Path(path).read_text().strip()
    return ""


def local_secret_key() -> str:
    """A key made once per checkout, so sessions survive restarts of the local portal."""
    path = BASE_DIR / ".local" / "secret_key"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


ENVIRONMENT = os.environ.get("BUURTWIJS_ENV", "local")
if ENVIRONMENT not in {"local", "production"}:
    raise ImproperlyConfigured("BUURTWIJS_ENV must be 'local' or 'production'.")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", False)
if PRODUCTION:
    SECRET_KEY = secret_key_from_environment()
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when BUURTWIJS_ENV=production."
        )
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [required("ALLOWED_HOSTS")]
else:
    SECRET_KEY = secret_key_from_environment() or local_secret_key()
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_htmx",
    "axes",
    "reversion",
    # The project's own apps, from the bottom layer up (docs/architecture.md).
    "editorial",
    "library",
    "cities",
    "approaches",
    "search",
    "api",
    "feedback",
    "initial_content",
    "buurtwijs",
]
# Synthetic cities for the benchmark and the query-count tests (bench/run.py, tests/settings.py);
# never installed in the portal itself.
if env_bool("BUURTWIJS_SCALE_DATA", False):
    INSTALLED_APPS.append("scale_data")

MIDDLEWARE = [
    "buurtwijs.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "buurtwijs.middleware.SecurityHeadersMiddleware",
    "buurtwijs.middleware.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so a cached page skips sessions, CSRF and the view (README, "Snelheid").
    "buurtwijs.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication: it answers staff, whom the page cache above never serves.
    "buurtwijs.editor_pages.EditorPagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "buurtwijs.urls"
WSGI_APPLICATION = "buurtwijs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "library.glossary_links.glossary_terms",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": embedded_db.database_settings()
        | {"CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}
    }
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
# Behind a pooler in transaction mode (pgbouncer before 1.21) a connection may reach another
# server process on every transaction: no prepared statements, no server-side cursors, and no
# LISTEN (the page cache then reads the content version per request; docs/deploy.md).
TRANSACTION_POOLING = env_bool("DATABASE_TRANSACTION_POOLING", False)
if TRANSACTION_POOLING:
    DATABASES["default"]["OPTIONS"]["prepare_threshold"] = None
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
# Concurrent local test runs pass their own name so they never drop each other's database.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("BUURTWIJS_TEST_DATABASE")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The lock-out backend only counts and refuses attempts; the user backend (Django's ModelBackend,
# buurtwijs.signed_in) does the logging in and rejects deactivated accounts on every request,
# which ends their sessions.
AUTHENTICATION_BACKENDS = [
    "buurtwijs.login_lockout.LockoutBackend",
    "buurtwijs.signed_in.UserBackend",
]
# Database sessions, as Django's, read with less work per request (buurtwijs.signed_in).
SESSION_ENGINE = "buurtwijs.signed_in"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
# The few admin texts Django itself does not translate into Dutch yet.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
# Files browsers ask for at the root of the site (favicon.ico).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

# The shared cache: Redis when REDIS_URL is set (several containers), else a table in the same
# PostgreSQL (created by a migration). Pages are keyed by the content version (buurtwijs.cache).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "buurtwijs_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
PAGE_CACHE_ENABLED = env_bool("BUURTWIJS_PAGE_CACHE", True)
# Public pages as staff see them, kept per process and content version (buurtwijs.editor_pages).
EDITOR_PAGES_ENABLED = env_bool("BUURTWIJS_EDITOR_PAGES", True)
# Readers' pages kept per process until the city or anything every page shows changes
# (editorial.renders): after a publish only the pages it reaches are rendered again.
KEPT_RENDERS_ENABLED = env_bool("BUURTWIJS_KEPT_RENDERS", True)
PAGE_CACHE_ALIAS = "default"
# Each process learns the content version from PostgreSQL's NOTIFY, so a cache hit needs no
# query; off, each request reads the version (one query, together with the cached page).
PAGE_CACHE_LISTEN = env_bool("BUURTWIJS_PAGE_CACHE_LISTEN", not TRANSACTION_POOLING)
# Entries of older versions are never read again; the limit only bounds writes that bypass
# signals (QuerySet.update), which should call buurtwijs.cache.bump_content_version().
PAGE_CACHE_SECONDS = int(os.environ.get("BUURTWIJS_PAGE_CACHE_SECONDS", 3600))
PAGE_CACHE_BROTLI_QUALITY = 9
# How old a page's last good copy may be and still be shown, marked, while the database is away
# (buurtwijs.stale_pages); also the stale-if-error a CDN is allowed.
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("BUURTWIJS_PAGE_CACHE_STALE_SECONDS", 86400))
# Set by a deploy to start with an empty page cache; code and template changes already do.
PAGE_CACHE_RELEASE = os.environ.get("BUURTWIJS_RELEASE", "")

# The boundary files read by the map import (see README, "Kaartdata").
BOUNDARY_DATA_DIR = Path(
    os.environ.get("BUURTWIJS_BOUNDARY_DATA", BASE_DIR.parent / "shared" / "data")
)

SITE_NAME = "Buurtwijs"

# Readers' corrections and city proposals (feedback/). Handled messages, with their e-mail
# addresses, are deleted this many days after an editor handled them (manage.py purge_feedback).
FEEDBACK_RETENTION_DAYS = int(os.environ.get("BUURTWIJS_FEEDBACK_RETENTION_DAYS", 180))
# A form sent sooner than this after it was shown is refused (bots), or later than this (stale).
FEEDBACK_FORM_MIN_SECONDS = 3
FEEDBACK_FORM_MAX_AGE = 6 * 3600
# Per client (a salted hash of the address, in the shared cache): attempts per window in seconds.
FEEDBACK_RATE_LIMIT = (5, 600)
FEEDBACK_MAX_LINKS = 3
FEEDBACK_MAX_REQUEST_BYTES = 256 * 1024
# Who hears of a new message (comma-separated); empty: nobody is mailed, the admin shows it.
FEEDBACK_NOTIFY_EMAILS = env_list("BUURTWIJS_FEEDBACK_NOTIFY")

# Mail: SMTP when EMAIL_HOST is set, and in production (a mail server on localhost unless set);
# locally without EMAIL_HOST printed on the console. Tests get Django's in-memory outbox. A
# failing mail server loses nothing: messages are stored before any mail is sent.
if os.environ.get("EMAIL_HOST") or PRODUCTION:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", 587)),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Buurtwijs <redactie@buurtwijs.nl>")
# Where readers report problems, accessibility problems included (shown on /over/).
CONTACT_EMAIL = os.environ.get("BUURTWIJS_CONTACT_EMAIL", "redactie@buurtwijs.nl")

# Security (README, "Productie"). Production assumes a proxy in front that terminates TLS and
# sets X-Forwarded-Proto; it must overwrite that header, never pass on what a client sent.
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # A load balancer probes the health check over plain http.
    SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # __Host- cookies are only accepted over https, without a Domain and for the whole site.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# htmx sends the token from the page (hx-headers on <body>), so no script needs the cookie.
CSRF_COOKIE_HTTPONLY = True
# In the admin a Dutch page that keeps what the editor typed (editorial.errors).
CSRF_FAILURE_VIEW = "editorial.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere, except the few the admin marks with the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "upgrade-insecure-requests": PRODUCTION,
}
# Sent by buurtwijs.middleware.SecurityHeadersMiddleware.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# Password guessing on /beheer/: locked per username and address, so someone elsewhere cannot
# lock a real editor out; the lock lifts by itself after the cool-off.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "buurtwijs.login_lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "buurtwijs.login_lockout.client_ip"
# How many proxies in front append to X-Forwarded-For (0: use the connecting address).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1" if PRODUCTION else "0"))

# JSON lines on stdout: one per request, and errors with their traceback and request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "buurtwijs.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # axes announces its configuration at every start; only its warnings are news.
        "axes": {"level": "WARNING"},
    },
}
