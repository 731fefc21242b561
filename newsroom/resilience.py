"""Staying up when a service behind the site is down.

**PostgreSQL unreachable** (stopped, restarting, refusing connections): a request that needs
the database gets a short "back in a moment" page with status 503 and `Retry-After`, within
the 3-second connect timeout (settings), never a 500 and never a hung worker
(`DatabaseUnavailable`). Pages in the page cache and in Varnish are served meanwhile, since
neither touches the database. Nothing has to be restarted when PostgreSQL is back: each
request checks its persistent connection before using it and opens a new one.

**Redis unreachable**: `FailOpenRedisCache` turns the cache's failures into misses, so pages
are rendered from the database instead of failing; after a failure it leaves Redis alone for
`RETRY_AFTER` seconds (in that process), so a Redis that hangs costs one short socket timeout
now and then, not one per cache call. Counting (`incr`) still raises: a purge must know that
it did not happen (`reader.cache.purge` then leaves a catch-up task for the worker).
"""

import logging
import sys
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 15  # a restart of PostgreSQL takes a few seconds
DATABASE_DOWN = (OperationalError, InterfaceError)
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)

API_DETAIL = "The archive cannot be reached just now. Try again in a few seconds."
UNAVAILABLE_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back in a moment</title><link rel="stylesheet" href="{css}"></head>
<body><main><h1>Back in a moment</h1><p>We cannot reach our archive just now. Please try
again in a few seconds, or go to the <a href="/">front page</a>.</p></main></body>
</html>
"""


def unavailable(request) -> HttpResponse:
    """Return the 503 answer: short, made without the database, never stored by a cache; JSON
    for the API."""
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": API_DETAIL}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    try:
        css = static("css/error.css")
    except ValueError:  # collectstatic has not run: the page must still be made
        css = "/static/css/error.css"
    response = HttpResponse(
        UNAVAILABLE_PAGE.format(css=css),
        status=503,
        content_type="text/html; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailable:
    """Middleware: answer 503 instead of 500 when the database cannot be reached.

    A view's failure comes to `process_exception`. A failure outside the view (a session
    saved on the way out) has already been turned into a 500 by Django when it gets here;
    `note_database_failure` marked the request, and the 500 is replaced by the same 503.
    Place it first, after `RequestId`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_unavailable", False):
            return unavailable(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            logger.warning("Database unavailable, answered 503: %s", str(exception).strip())
            return unavailable(request)
        return None


def note_database_failure(sender, request=None, **kwargs) -> None:
    """Receiver of `got_request_exception`: mark a request that failed on the database."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_DOWN):
        request.database_unavailable = True


got_request_exception.connect(note_database_failure, dispatch_uid="newsroom-database-down")


class CacheUnavailable(RedisConnectionError):
    """Redis failed a moment ago and is not being tried again yet."""


_down_until: dict[str, float] = {}  # per process, by server: when to try Redis again


class GuardedRedisClient(RedisCacheClient):
    """Django's Redis client that refuses at once, without a network round trip, while its
    server is known to be down."""

    def __init__(self, servers, *, retry_after: float, **options):
        super().__init__(servers, **options)
        self.name = ",".join(servers)
        self.retry_after = retry_after

    def get_client(self, key=None, *, write=False):
        if time.monotonic() < _down_until.get(self.name, 0.0):
            raise CacheUnavailable(f"Redis at {self.name} is down; not tried again yet")
        return super().get_client(key, write=write)

    def failed(self, error: Exception) -> None:
        if isinstance(error, CacheUnavailable):
            return
        if self.name not in _down_until:
            logger.warning(
                "Redis at %s is unreachable (%s): serving without the cache, trying again "
                "every %g s",
                self.name,
                error,
                self.retry_after,
            )
        _down_until[self.name] = time.monotonic() + self.retry_after

    def answered(self) -> None:
        if _down_until.pop(self.name, None) is not None:
            logger.warning("Redis at %s answers again", self.name)


def _fail_open(fallback):
    """Run a cache method; when Redis is down, note it and return `fallback(arguments)`."""

    def decorate(method):
        def guarded(self, *args, **kwargs):
            try:
                result = method(self, *args, **kwargs)
            except REDIS_DOWN as error:
                self._cache.failed(error)
                return fallback(*args, **kwargs)
            self._cache.answered()
            return result

        guarded.__name__ = method.__name__
        guarded.__doc__ = method.__doc__
        return guarded

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _all_failed(data, *args, **kwargs):
    return list(data)


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, failing open: a cache that is down is a cache that misses.

    Reads return their default, writes do nothing (`add` says it did not add, so a lock taken
    with it is not held), `incr`/`decr` raise. Settings: `RETRY_AFTER` (seconds a process
    leaves Redis alone after a failure, default 5) beside Django's own; give the connection
    short timeouts in `OPTIONS` (`socket_connect_timeout`, `socket_timeout`).
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        retry_after = float(params.get("RETRY_AFTER", 5))
        self._class = lambda servers, **options: GuardedRedisClient(
            servers, retry_after=retry_after, **options
        )

    get = _fail_open(_default)(RedisCache.get)
    get_many = _fail_open(_empty)(RedisCache.get_many)
    has_key = _fail_open(_false)(RedisCache.has_key)
    set = _fail_open(_nothing)(RedisCache.set)
    add = _fail_open(_false)(RedisCache.add)
    touch = _fail_open(_false)(RedisCache.touch)
    delete = _fail_open(_false)(RedisCache.delete)
    set_many = _fail_open(_all_failed)(RedisCache.set_many)
    delete_many = _fail_open(_nothing)(RedisCache.delete_many)
    clear = _fail_open(_nothing)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        try:
            value = super().incr(key, delta, version)
        except REDIS_DOWN as error:
            self._cache.failed(error)
            raise
        self._cache.answered()
        return value
