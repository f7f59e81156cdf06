"""The only settings module. Everything that differs between machines comes from the environment.

Unset, Patrika runs on SQLite under ./var/ with a generated secret key and local-memory cache.
"""

from __future__ import annotations

import os
import re
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("PATRIKA_VAR_DIR", Path.cwd() / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    if key := env("SECRET_KEY"):
        return key
    # Generated once per installation and kept out of the repository.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "patrika.editorial.adminconfig.PatrikaAdminConfig",  # django.contrib.admin, our site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "patrika.newsroom",
    "patrika.public",
    "patrika.comments",
    "patrika.search",
    "patrika.importers",
    "patrika.ratelimit",
    "patrika.editorial",
    "reversion",
    "axes",
    "patrika.accounts",
    "patrika.backups",
]

MIDDLEWARE = [
    # First, so every answer (redirects too) and every log line carry the request id.
    "patrika.ops.requests.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so static files (an SVG, say) carry the policies as well.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS and ETag/304 for /api/ only.
    "patrika.api.middleware.ApiMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "patrika.public.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "patrika.urls"
WSGI_APPLICATION = "patrika.wsgi.application"

_template_loaders = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "patrika.public.context_processors.site",
            ],
            # Cached loaders even under DEBUG=off only; template parsing is a hot path.
            "loaders": _template_loaders
            if DEBUG
            else [("django.template.loaders.cached.Loader", _template_loaders)],
        },
    }
]

# Database: SQLite under ./var/ unless DATABASE_URL names another.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'patrika.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=None)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer commits; IMMEDIATE avoids upgrade deadlocks.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis when CACHE_URL says redis://
CACHE_URL = env("CACHE_URL", "locmem://")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rate-limit counters must be shared by every worker: in the database unless the cache is Redis.
PATRIKA_RATE_STORE = env(
    "PATRIKA_RATE_STORE",
    "patrika.ratelimit.stores.CacheStore"
    if CACHE_URL.startswith(("redis://", "rediss://"))
    else "patrika.ratelimit.stores.DatabaseStore",
)

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out attempt is refused before any password is hashed.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Languages: adding Marathi is a line here, a catalogue in locale/, and an entry in
# patrika/languages.py. Order matters: it is the order of the bilingual view.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("hi", _("Hindi"))]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_django"]
FORMAT_MODULE_PATH = ["patrika.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", "Asia/Kolkata")

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
PATRIKA_SERVE_MEDIA = env_bool("PATRIKA_SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env_bool("PATRIKA_MANIFEST_STATIC", True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# A missing manifest entry (collectstatic not yet run) degrades to the plain name, not a 500.
WHITENOISE_MANIFEST_STRICT = False

# Security: how readers reach the site decides cookies, HSTS and redirects.
#   direct: this server speaks HTTPS itself;  proxy: TLS ends at a reverse proxy, which says so
#   in X-Forwarded-Proto (believed only in this mode);  off: plain http (local use only).
# Secure cookies and HSTS are on in both TLS modes. PATRIKA_HTTPS=1/0 is the older spelling.
_production = not DEBUG and env_bool("PATRIKA_PRODUCTION")
_legacy_https = env("PATRIKA_HTTPS")
PATRIKA_TLS = (
    env(
        "PATRIKA_TLS",
        ("direct" if env_bool("PATRIKA_HTTPS") else "off")
        if _legacy_https
        else ("direct" if _production else "off"),
    )
    .strip()
    .lower()
)
if PATRIKA_TLS not in {"direct", "proxy", "off"}:
    raise ValueError(f"PATRIKA_TLS must be direct, proxy or off, not {PATRIKA_TLS!r}")
PATRIKA_HTTPS = PATRIKA_TLS != "off"
SECURE_SSL_REDIRECT = PATRIKA_HTTPS
# Load balancers probe the app servers directly, over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = PATRIKA_HTTPS
CSRF_COOKIE_SECURE = PATRIKA_HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if PATRIKA_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PATRIKA_HTTPS
SECURE_HSTS_PRELOAD = PATRIKA_HTTPS
# Without a proxy in front, a client could send this header itself and pass for HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PATRIKA_TLS == "proxy" else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# One policy for every response, with no nonce: nothing on the site runs inline (JSON-LD is
# data, not script), so a page saved as a file is served with the same header (docs/deployment.md).
PATRIKA_CSP_IMAGE_SOURCES = env_list("PATRIKA_CSP_IMAGE_SOURCES")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Imported stories may still show pictures from the old site's address.
        "img-src": [SELF, *PATRIKA_CSP_IMAGE_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Powerful features a news site never asks for, denied to the page and anything it embeds.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "newsroom@patrika.local")
# Seconds an SMTP server may stay silent before a send gives up (Django's default: forever).
EMAIL_TIMEOUT = float(env("EMAIL_TIMEOUT", "10"))

# Background jobs (mail, later baking and scheduled publishing) are rows in the database:
# they survive restarts, and `patrika serve` or `patrika db_worker` on any server claims each
# one exactly once (docs/deployment.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# "json": one object a line with the request id (what log collectors read); "text" for people.
PATRIKA_LOG_FORMAT = env("PATRIKA_LOG_FORMAT", "json" if _production else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "patrika.ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "patrika.ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if PATRIKA_LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    # One line a request (method, path, status, time); on by default in production.
    "loggers": {
        "patrika.request": {
            "level": env("PATRIKA_ACCESS_LOG_LEVEL", "INFO" if _production else "WARNING")
        }
    },
}
# /healthz fails when a due job has waited this long (no worker) or the data folder's disk
# has less than this much room.
PATRIKA_HEALTH_QUEUE_MAX_AGE = int(env("PATRIKA_HEALTH_QUEUE_MAX_AGE", "600"))
PATRIKA_HEALTH_MIN_FREE_MB = int(env("PATRIKA_HEALTH_MIN_FREE_MB", "200"))

# --- Patrika ---
PATRIKA_SITE_NAME = env("PATRIKA_SITE_NAME", "Patrika")
# Where `patrika serve` and `patrika demo` listen unless --host/--port say otherwise.
PATRIKA_HOST = env("PATRIKA_HOST", "127.0.0.1")
PATRIKA_PORT = int(env("PORT", "8000"))
PATRIKA_SITE_URL = env("PATRIKA_SITE_URL", f"http://127.0.0.1:{PATRIKA_PORT}").rstrip("/")
PATRIKA_PUBLISHER_NAME = env("PATRIKA_PUBLISHER_NAME", PATRIKA_SITE_NAME)
PATRIKA_PAGE_SIZE = int(env("PATRIKA_PAGE_SIZE", "12"))
# Where the admin lives ("admin" → /admin/). Another path keeps scanners that try /admin/ and
# /wp-admin/ away from the login form; it is not a secret to rely on (logins are throttled).
PATRIKA_ADMIN_PATH = env("PATRIKA_ADMIN_PATH").strip("/") or "admin"
if not re.fullmatch(r"[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*", PATRIKA_ADMIN_PATH):
    raise ValueError(
        f"PATRIKA_ADMIN_PATH must be letters, digits, -, _ and /: {PATRIKA_ADMIN_PATH!r}"
    )
# Origins whose pages may read the content API from a browser; "*" for any.
PATRIKA_API_CORS_ORIGINS = env_list("PATRIKA_API_CORS_ORIGINS", "*")
PATRIKA_IMAGE_RENDITION_WIDTHS = (480, 960, 1440)
# Pictures with more pixels are refused before decoding (a 50 MP photo decodes to ~200 MB).
PATRIKA_IMAGE_MAX_PIXELS = int(env("PATRIKA_IMAGE_MAX_PIXELS", "50000000"))
# Called by the story view; each returns extra template context (comments, related, ...).
PATRIKA_STORY_CONTEXT_PROVIDERS = [
    "patrika.comments.context.story_comments_context",
]
PATRIKA_SEARCH_BACKEND = env("PATRIKA_SEARCH_BACKEND", "")

# Comments (every PATRIKA_COMMENTS_* setting and its default: docs/comments.md).
PATRIKA_COMMENTS_CLOSE_AFTER_DAYS = int(env("PATRIKA_COMMENTS_CLOSE_AFTER_DAYS", "30"))
# Behind reverse proxies: how many of them (each appends to X-Forwarded-For) we trust.
# The reader's address is the entry that many places from the right (patrika/client_ip.py).
# PATRIKA_COMMENTS_IP_HEADER is the older name of the header; setting it means one proxy.
PATRIKA_COMMENTS_IP_HEADER = env("PATRIKA_COMMENTS_IP_HEADER")
PATRIKA_FORWARDED_FOR_HEADER = PATRIKA_COMMENTS_IP_HEADER or "HTTP_X_FORWARDED_FOR"
PATRIKA_TRUSTED_PROXIES = int(
    env("PATRIKA_TRUSTED_PROXIES", "1" if PATRIKA_COMMENTS_IP_HEADER else "0")
)
# Akismet is off unless a key is given; it never receives the commenter's email.
PATRIKA_COMMENTS_AKISMET_KEY = env("PATRIKA_COMMENTS_AKISMET_KEY")
PATRIKA_COMMENTS_SPAM_CHECKERS = [
    "patrika.comments.spam.rules.LinkRule",
    "patrika.comments.spam.bayes.BayesChecker",
    *(["patrika.comments.spam.akismet.AkismetChecker"] if PATRIKA_COMMENTS_AKISMET_KEY else []),
]
# Login throttling (django-axes). Failed attempts are rows in the database, so every worker and
# server counts together. An account and an address are locked separately: many addresses
# guessing one account lock the account, one address guessing many accounts locks the address.
AXES_FAILURE_LIMIT = int(env("PATRIKA_LOGIN_FAILURE_LIMIT", "10"))
# 0 keeps a lock until `patrika unlock` lifts it.
_login_cooloff_minutes = int(env("PATRIKA_LOGIN_COOLOFF_MINUTES", "30"))
AXES_COOLOFF_TIME = timedelta(minutes=_login_cooloff_minutes) if _login_cooloff_minutes else None
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "patrika.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "patrika.accounts.views.locked_out"
# patrika.accounts.admin registers axes' models with actions that declare their permissions.
AXES_ENABLE_ADMIN = False

# A comment refused for an expired session comes back with its text and a fresh token.
CSRF_FAILURE_VIEW = "patrika.comments.views.csrf_failure"

# The newsroom linter (docs/linter.md): its rules, by dotted path; a newsroom adds its own.
PATRIKA_LINT_RULES = [
    "patrika.editorial.lint.rules.stuffing.StuffingRule",
    "patrika.editorial.lint.rules.truncation.TruncationRule",
    "patrika.editorial.lint.rules.boilerplate.BoilerplateRule",
    "patrika.editorial.lint.rules.parity_numbers.NumbersRule",
    "patrika.editorial.lint.rules.parity_headings.HeadingsRule",
    "patrika.editorial.lint.rules.parity_paragraphs.ParagraphsRule",
    "patrika.editorial.lint.rules.parity_names.NamesRule",
    "patrika.editorial.lint.rules.alt_text.AltTextRule",
    "patrika.editorial.lint.rules.title_length.TitleLengthRule",
    "patrika.editorial.lint.rules.source_missing.SourceMissingRule",
    "patrika.editorial.lint.rules.link_text.LinkTextRule",
]
# Off by default: when on, a story with "error" findings cannot be published or scheduled.
PATRIKA_LINT_BLOCK_PUBLISH = env_bool("PATRIKA_LINT_BLOCK_PUBLISH")
# How long a private preview link (patrika.editorial.preview) opens its story.
PATRIKA_PREVIEW_LINK_HOURS = int(env("PATRIKA_PREVIEW_LINK_HOURS", "72"))
# Asked before a story goes live; each returns the reasons it may not (newsroom.services).
PATRIKA_PUBLISH_CHECKS = ["patrika.editorial.selectors.story_publish_blockers"]
