"""Django settings, all read from SLIDESHELF_* environment variables (see README)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from slideshelf.lib import storage_url
from slideshelf.lib.clients import networks
from slideshelf.lib.env import (
    env_bool,
    env_choice,
    env_float,
    env_int,
    env_list,
    env_origin,
    env_path,
    env_str,
)
from slideshelf.lib.secret import keep_private, read_or_create_secret_key

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = env_path("DATA_DIR", Path("data"))
keep_private(DATA_DIR)
# Deployment behind nginx (docs/deploy.md). The media and static folders are the data
# folder's unless set apart: nginx's own user sends static files, and media files when
# ACCEL_REDIRECT is set, but may not enter the data folder, which holds the database.
MEDIA_ROOT = env_path("MEDIA_ROOT", DATA_DIR / "media")
STATIC_ROOT = env_path("STATIC_ROOT", DATA_DIR / "static")
# An nginx `internal` location aliased to MEDIA_ROOT ("/_media/"): a file a view has decided
# to send is then sent by nginx (X-Accel-Redirect), holding no Python thread while it goes
# out; unset, or with files in object storage, the site streams files itself.
ACCEL_REDIRECT = env_str("ACCEL_REDIRECT", "")
if ACCEL_REDIRECT and not (ACCEL_REDIRECT.startswith("/") and ACCEL_REDIRECT.endswith("/")):
    raise ImproperlyConfigured(
        f"SLIDESHELF_ACCEL_REDIRECT must begin and end with / (/_media/), not {ACCEL_REDIRECT!r}"
    )
# `check --deploy` asks every HTTPS site to ask browsers for HSTS preloading (W021): that is
# the domain owner's decision, made once with SLIDESHELF_HSTS_PRELOAD, not a fault.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    # A key kept in the data folder: stable across restarts without any set-up.
    SECRET_KEY = read_or_create_secret_key(DATA_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
# The address every absolute link starts with (canonical links, feeds, the sitemap, oEmbed,
# embed codes): "https://slides.example.se". Unset, each request's own scheme and host. The
# site answers to its host as well.
SITE_URL = env_origin("SITE_URL")
# Which sites may show the embed player in a frame, as CSP frame-ancestors sources:
# "https://www.example.se https://intranet.example.se" (or with commas); every site by default.
# API requests a minute, for each token and each client address that sends none.
API_REQUESTS_PER_MINUTE = env_int("API_REQUESTS_PER_MINUTE", 600, minimum=1)
EMBED_FRAME_ANCESTORS = [
    source for item in env_list("EMBED_FRAME_ANCESTORS", ["*"]) for source in item.split()
]
if SITE_URL:
    site_host = urlsplit(SITE_URL).hostname or ""
    site_host = f"[{site_host}]" if ":" in site_host else site_host
    if site_host not in ALLOWED_HOSTS:
        ALLOWED_HOSTS.append(site_host)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "slideshelf.core",
    "slideshelf.limits",
    "slideshelf.accounts",
    "slideshelf.presentations",
    "slideshelf.conversion",
    "slideshelf.search",
    "slideshelf.statistics",
    "slideshelf.studio",
    "slideshelf.pages",
    "slideshelf.moderation",
    "slideshelf.api",
    "ninja",  # its Swagger UI files, served from here
]

MIDDLEWARE = [
    "slideshelf.core.security.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "slideshelf.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Times requests by route; answers /healthz and /metrics before the rest (core/monitoring).
    "slideshelf.core.monitoring.middleware.MonitoringMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "slideshelf.api.authentication.ApiRequestMiddleware",
    # After authentication (the limit is the person's), before anything reads the body.
    "slideshelf.core.sizes.RequestSizeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees a view's database errors before the others' process_exception.
    "slideshelf.core.busy.BusyDatabaseMiddleware",
]

ROOT_URLCONF = "slideshelf.urls"
WSGI_APPLICATION = "slideshelf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "slideshelf.accounts.context.account",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'slideshelf.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web processes read while the worker writes; IMMEDIATE transactions
        # take the write lock up front, so a busy database waits for `timeout` seconds
        # instead of failing half-way through a transaction.
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 20, minimum=1),
    }
    # A file, not memory: tests run the worker's threads and processes against it.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LANGUAGE_CODE = "en"
LANGUAGES = [("sv", "Swedish"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Stockholm")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Originals, PDFs and slide images: the media folder, or an object store (lib/object_storage.py).
STORAGE_URL = env_str("STORAGE_URL", "")
# Files appear under their names only when complete (see lib/atomic_storage.py).
MEDIA_STORAGE: dict[str, object] = {
    "BACKEND": "slideshelf.lib.atomic_storage.AtomicFileSystemStorage"
}
if STORAGE_URL:
    MEDIA_STORAGE = storage_url.backend(STORAGE_URL)
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# Uploads and conversion limits.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_MB", 200, minimum=1) * 1024 * 1024
UPLOADS_PER_HOUR = env_int("UPLOADS_PER_HOUR", 30, minimum=1)
# A visitor who is not signed in posts only small forms (log in, sign up, report).
MAX_ANONYMOUS_POST_BYTES = env_int("MAX_ANONYMOUS_POST_KB", 64, minimum=1) * 1024
# Reports one visitor (account, or client address when not signed in) may send in an hour.
REPORTS_PER_HOUR = env_int("REPORTS_PER_HOUR", 10, minimum=1)
# Bounds on multipart parsing, so a request of thousands of tiny parts is a 400 before any
# work is done; a file larger than FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MAX_UNZIPPED_BYTES = env_int("MAX_UNZIPPED_MB", 1024, minimum=1) * 1024 * 1024
MAX_ZIP_ENTRIES = env_int("MAX_ZIP_ENTRIES", 20000, minimum=1)
MAX_SLIDES = env_int("MAX_SLIDES", 2000, minimum=1)
SLIDE_IMAGE_WIDTH = env_int("SLIDE_IMAGE_WIDTH", 1600, minimum=200)
SLIDE_THUMB_WIDTH = env_int("SLIDE_THUMB_WIDTH", 320, minimum=50)
# For screens of twice the pixel density, drawn after the deck is shown; 0 draws none.
SLIDE_IMAGE_WIDTH_2X = env_int("SLIDE_IMAGE_WIDTH_2X", 2400)
SLIDE_THUMB_WIDTH_2X = env_int("SLIDE_THUMB_WIDTH_2X", 640)
SLIDE_MAX_PIXELS = env_int("SLIDE_MAX_PIXELS", 16_000_000, minimum=100_000)
WEBP_QUALITY = env_int("WEBP_QUALITY", 80, minimum=1)
WEBP_METHOD = env_int("WEBP_METHOD", 0)  # 0 fastest … 6 smallest
RENDER_PROCESSES = env_int("RENDER_PROCESSES", 0)  # 0 = one per core
RENDER_MEMORY_MB = env_int("RENDER_MEMORY_MB", 2048, minimum=0)  # per PDF process; 0: none
RENDER_CPU_SECONDS = env_int("RENDER_CPU_SECONDS", 300, minimum=1)  # per request to one
OCR_LANGUAGES = env_str("OCR_LANGUAGES", "swe+eng")

# Pages: anonymous visitors' presentation pages are kept rendered for a short while, and
# view counts are written in batches.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
CACHES = {
    "default": {
        # Rendered pages and transcripts, bounded in bytes: memory stays flat however many
        # slide addresses of however big decks are visited.
        "BACKEND": "slideshelf.lib.bounded_cache.BoundedMemoryCache",
        "OPTIONS": {
            "MAX_ENTRIES": 2_000,
            "MAX_BYTES": env_int("PAGE_CACHE_MB", 32, minimum=1) * 1024 * 1024,
        },
    }
}
VIEW_COUNT_FLUSH_SECONDS = env_float("VIEW_COUNT_FLUSH_SECONDS", 5.0)
# Views, downloads and reach counted for the owners' statistics (docs/statistics.md); off, none
# is counted, `view_count` included.
COUNT_VIEWS = env_bool("COUNT_VIEWS", True)

# Search: tantivy in the data folder, or PostgreSQL's full-text search when the database is one.
SEARCH_ENGINE = env_choice("SEARCH_ENGINE", "tantivy", ("tantivy", "postgres"))
SEARCH_INDEX_DIR = env_path("SEARCH_INDEX_DIR", DATA_DIR / "search")
# Apply index changes right after each commit, in the process that made them (tests); otherwise
# the worker applies them within a second.
SEARCH_SYNC_ON_COMMIT = env_bool("SEARCH_SYNC_ON_COMMIT", False)
# PostgreSQL engine: a search that takes longer is stopped and the visitor asked to narrow it.
SEARCH_TIMEOUT_MS = env_int("SEARCH_TIMEOUT_MS", 2000, minimum=100)
if SEARCH_ENGINE == "postgres" and DATABASES["default"]["ENGINE"] != (
    "django.db.backends.postgresql"
):
    raise ImproperlyConfigured(
        "SLIDESHELF_SEARCH_ENGINE=postgres needs SLIDESHELF_DATABASE_URL=postgres://…"
    )

SIGNUP = env_choice("SIGNUP", "open", ("open", "invite", "closed"))
LOGIN_URL = "/login/"
# Sign-up and password reset refuse a password that is short, common, all digits or like the
# person's own name or e-mail address (Django's validators, in the visitor's language).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
# Limits on accounts, counted in the database (slideshelf.limits), so every web process sees
# the same counts. Failed logins, per username and per client address: past the free ones,
# each try waits twice as long as the last, up to LOGIN_MAX_DELAY_MINUTES.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 20, minimum=1)
LOGIN_MAX_DELAY_MINUTES = env_float("LOGIN_MAX_DELAY_MINUTES", 15.0, minimum=0.01)
SIGNUPS_PER_HOUR = env_int("SIGNUPS_PER_HOUR", 5, minimum=1)
PASSWORD_RESETS_PER_HOUR = env_int("PASSWORD_RESETS_PER_HOUR", 5, minimum=1)
# Sign-up and password-reset messages to one e-mail address: past this, nothing is sent, and
# the page says the same as ever (it never tells whether the address has an account).
ACCOUNT_MAILS_PER_DAY = env_int("ACCOUNT_MAILS_PER_DAY", 5, minimum=1)
# Proxies whose X-Forwarded-For is believed, for the client address the limits count.
TRUSTED_PROXIES = networks(env_list("TRUSTED_PROXIES", []), "SLIDESHELF_TRUSTED_PROXIES")

# Served only over HTTPS (directly, or behind a trusted proxy that sends X-Forwarded-Proto):
# plain requests are redirected, browsers are told to come back only over HTTPS, and cookies
# never travel without it.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31_536_000, minimum=0) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS and env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
# Asking browsers to build the promise in is the domain owner's decision, made once.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# A form sent without a valid CSRF token gets the site's own 403 page (core/errors.py).
CSRF_FAILURE_VIEW = "slideshelf.core.errors.csrf_failure"

# E-mail (password resets): printed on the console until an SMTP server is named.
DEFAULT_FROM_EMAIL = env_str("EMAIL_FROM", "slideshelf@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# LibreOffice: kept warm between jobs, restarted after N jobs or any failure.
SOFFICE = env_str("SOFFICE", "soffice")
OFFICE_PYTHON = env_str("OFFICE_PYTHON", "/usr/bin/python3")
OFFICE_TIMEOUT = env_float("OFFICE_TIMEOUT", 180.0, minimum=1.0)
OFFICE_RESTART_AFTER = env_int("OFFICE_RESTART_AFTER", 50, minimum=1)
OFFICE_ISOLATE_NETWORK = env_bool("OFFICE_ISOLATE_NETWORK", True)
# LibreOffice's caps: address space of each of its processes, and CPU time per conversion.
OFFICE_MEMORY_MB = env_int("OFFICE_MEMORY_MB", 2048, minimum=256)
OFFICE_CPU_SECONDS = env_int("OFFICE_CPU_SECONDS", round(OFFICE_TIMEOUT), minimum=1)
# A worker run as root starts each LibreOffice as one of 64 users from this id on.
OFFICE_UID_BASE = env_int("OFFICE_UID_BASE", 64100, minimum=1000)

# Worker: retries of transient failures, and recovery of decks whose worker died.
CONVERSION_RETRIES = env_int("CONVERSION_RETRIES", 3)
CONVERSION_RETRY_DELAY = env_float("CONVERSION_RETRY_DELAY", 10.0)
WORKER_HEARTBEAT_SECONDS = env_float("WORKER_HEARTBEAT_SECONDS", 5.0, minimum=0.1)
WORKER_STALE_SECONDS = env_float("WORKER_STALE_SECONDS", 60.0, minimum=0.5)

# Monitoring (README, "Health and metrics"). /metrics answers these addresses and networks
# alone, by the client address as the limits find it (a request forwarded by a proxy that is
# not trusted: never); anyone else gets the site's 404. /healthz answers everyone.
METRICS_ALLOWED = networks(
    env_list("METRICS_ALLOWED", ["127.0.0.1", "::1"]), "SLIDESHELF_METRICS_ALLOWED"
)
# /healthz calls the queue slow once a conversion has waited this long for a worker, and still
# answers 200: a web host that can serve pages stays in its load balancer.
QUEUE_AGE_LIMIT = env_float("QUEUE_AGE_LIMIT", 600.0, minimum=1.0)
# Where this host's web processes add up their request timings: prometheus_client reads the
# variable when it is first imported, which is after the settings.
METRICS_DIR = env_path("METRICS_DIR", DATA_DIR / "metrics")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(METRICS_DIR)
# Load balancers and Prometheus ask over plain HTTP, from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "slideshelf": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
        # With debug off and no ADMINS, Django writes a 500's traceback nowhere but here.
        "django.request": {"handlers": ["console"], "level": "ERROR"},
    },
}
