"""What readers are served from the cache, and purging only what a change touched.

Every public response says what it shows with **surrogate keys**: `article-12` for a story's
page and every page that links to that story, `front`, `section-3`, `tag-5`, `entity-7` for
listings, `feeds`, `sitemaps`, `search`, `corrections`, `api`, and `sections` on every page (the
navigation). The keys go out in a `Surrogate-Key` header for an edge cache (Varnish's xkey,
Fastly, Cloudflare: `reader.edge`) and into an index of our own page cache, so a purge by key
empties exactly the pages that showed the story: its own page, the listings it is on, and the
pages that link to it, never the rest of the archive.

The editorial core says what changed with `articles.signals.public_article_changed`, sent only
after its transaction commits, so a rolled-back transition never purges anything.

**When Redis is down** the site goes on without the cache (settings: a cache that fails open
with short timeouts): pages are rendered from the database and not stored, since a page stored
while purges cannot be counted might outlive one. A purge that cannot reach Redis is not lost:
its keys go into a task, `purge_here_later`, which the background worker retries every
`PURGE_RETRY` until Redis answers, so pages stored before the outage and still in Redis once it
is back (a network cut, a Redis that kept its data) are dropped within seconds of its return.
It gives up after `PAGE_TIMEOUT`, when every page stored before the failure has expired anyway.
The task row in the database is the pending-purge record: it survives a restart of the web
processes, and running it twice only costs a request. The edge is purged at once either way.
"""

import hashlib
import logging
import secrets
import threading
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django_tasks import task
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from reader import edge

logger = logging.getLogger(__name__)

PAGE_TIMEOUT = 15 * 60  # seconds on our side; a purge drops a page the moment it changes
PUBLIC_CACHE_CONTROL = {
    "public": True,
    "max_age": 60,
    "s_maxage": 300,
    "stale_while_revalidate": 600,
}
EVERY_PAGE = "sections"  # the navigation, on every page
PURGES_KEY = "newsroom:purges"  # counts purges, so a render that overlapped one is not stored
PURGE_RETRY = timedelta(seconds=10)  # between attempts of a purge Redis missed
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)


def keys_header(keys: Iterable[str]) -> str:
    return " ".join(sorted(set(keys)))


def add_keys(response, *keys: str) -> None:
    """Say what a response shows (its surrogate keys), for the caches that hold it."""
    existing = getattr(response, "surrogate_keys", set())
    response.surrogate_keys = existing | {key for key in keys if key}


class _KeyIndex:
    """Which cached pages carry which key.

    On Redis, a set per key (SADD, SMEMBERS), shared by every worker and atomic; elsewhere
    (the in-process cache of development and tests) a dict guarded by a lock, which is exact
    because that cache is per process too.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._local: dict[str, set[str]] = {}

    def _redis(self):
        """The Redis client when the default cache is Redis (`caches["default"]` is the
        backend itself; `cache` is only a proxy to it)."""
        backend = caches["default"]
        if isinstance(backend, RedisCache):
            return backend._cache.get_client(write=True)
        return None

    def _set_name(self, key: str) -> str:
        return cache.make_and_validate_key(f"newsroom:key:{key}")

    def add(self, page_key: str, keys: Iterable[str]) -> None:
        client = self._redis()
        if client is not None:
            stored = cache.make_and_validate_key(page_key)
            pipe = client.pipeline()
            for key in keys:
                pipe.sadd(self._set_name(key), stored)
                pipe.expire(self._set_name(key), PAGE_TIMEOUT * 2)
            pipe.execute()
            return
        with self._lock:
            for key in keys:
                self._local.setdefault(key, set()).add(page_key)

    def pages_for(self, keys: Iterable[str]) -> set[str]:
        """Return (and forget) the cache keys of the pages carrying any of `keys`."""
        client = self._redis()
        if client is not None:
            names = [self._set_name(key) for key in keys]
            pipe = client.pipeline()
            for name in names:
                pipe.smembers(name)
            pipe.delete(*names)
            members = pipe.execute()[:-1]
            return {member.decode() for found in members for member in found}
        with self._lock:
            return set().union(*(self._local.pop(key, set()) for key in keys))

    def delete(self, stored_keys: set[str]) -> None:
        client = self._redis()
        if client is not None:
            if stored_keys:
                client.delete(*stored_keys)
            return
        cache.delete_many(list(stored_keys))

    def clear(self) -> None:
        with self._lock:
            self._local.clear()


_index = _KeyIndex()


def purge(keys: Iterable[str]) -> None:
    """Drop every cached page carrying any of `keys`, here and at the edge. Never raises
    for a Redis that is down: the purge here is then left to the worker (`purge_here_later`)."""
    keys = sorted(set(keys))
    if not keys:
        return
    try:
        _purge_here(keys)
    except REDIS_DOWN as error:
        logger.warning("Page cache purge of %s failed (%s); retrying later", " ".join(keys), error)
        _retry_purge_here(keys, since=timezone.now())
    edge.purge(keys)


def _purge_here(keys: list[str]) -> None:
    _bump_purges()
    _index.delete(_index.pages_for(keys))


def _bump_purges() -> None:
    try:
        cache.incr(PURGES_KEY)
    except ValueError:  # never set, or lost with a restarted Redis
        _purge_count()


def _purge_count():
    """Return the purge counter, starting it if it is missing; None when the cache is down.

    A missing counter starts at a random number: one restarted at a small number could come
    back to the value a render noted before the restart, and let that render be stored.
    """
    count = cache.get(PURGES_KEY)
    if count is None:
        cache.add(PURGES_KEY, secrets.randbelow(2**62), timeout=None)
        count = cache.get(PURGES_KEY)
    return count


def _retry_purge_here(keys: list[str], *, since: datetime) -> None:
    retry = purge_here_later
    if not retry.get_backend().supports_defer:  # the immediate backend would spin on it now
        logger.error("Page cache purge of %s not retried: no background worker", " ".join(keys))
        return
    try:
        retry.using(run_after=timezone.now() + PURGE_RETRY).enqueue(keys, since.isoformat())
    except Exception:  # no queue either (the database is down): the pages expire on their own
        logger.exception("Could not enqueue the retry of a page cache purge of %s", keys)


@task()
def purge_here_later(keys: list[str], since: str) -> None:
    """Purge `keys` from the page cache, which was down when they were first purged (at
    `since`); try again later while it still is, until the pages would have expired."""
    failed_at = datetime.fromisoformat(since)
    try:
        _purge_here(keys)
    except REDIS_DOWN as error:
        if timezone.now() - failed_at >= timedelta(seconds=PAGE_TIMEOUT):
            logger.warning("Page cache purge of %s dropped: those pages have expired", keys)
            return
        logger.warning("Page cache purge of %s failed again (%s)", " ".join(keys), error)
        _retry_purge_here(keys, since=failed_at)
        return
    logger.warning("Page cache purge of %s done; it had failed at %s", " ".join(keys), since)


def page_key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"newsroom:page:{path}"


def read_only(view):
    """Answer GET and HEAD; refuse any other method (OPTIONS and TRACE too) with 405 and
    `Allow: GET, HEAD`.

    Exempt from CSRF checks, which would otherwise answer an unsafe method with 403 before the
    view could say 405: a view that never writes has nothing for them to protect.
    """
    return csrf_exempt(require_safe(view))


def _stored(response) -> tuple:
    headers = tuple((name, value) for name, value in response.items())
    return (response.status_code, headers, response.content)


def _response(entry: tuple) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class CachedPages:
    """Middleware: answer an anonymous reader's GET or HEAD from the page cache before the
    rest of the stack runs, and store the finished responses `cache_public_page` marked.

    It sits right after SecurityMiddleware (which still redirects to HTTPS and adds its headers
    to every answer), so a stored page carries every other header the stack added (CSP, ETag,
    Vary…) and a hit costs one cache read. A request with a session cookie (staff) or an API
    key (a partner) is never answered from, nor stored in, the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = request.method in ("GET", "HEAD") and not _has_credentials(request)
        if cacheable:
            entry = cache.get(page_key(request))
            if entry is not None:
                return _conditional(request, _response(entry))
        response = self.get_response(request)
        marked = getattr(response, "purges_before", None)
        if cacheable and marked is not None and not response.cookies:
            _store(page_key(request), response, purges_before=marked[0])
        return response


def _has_credentials(request) -> bool:
    """Say whether `request` may be answered as someone: staff (a session cookie) or a partner
    of the API (a key), whose answers may hold what anonymous readers must not see."""
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HTTP_AUTHORIZATION" in request.META
        or "HTTP_X_API_KEY" in request.META
    )


def _conditional(request, response):
    """Answer 304 to a reader who already holds this version of the page."""
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )


def _store(key: str, response, *, purges_before) -> None:
    """Keep the page unless a purge ran while it was being made (it may show what the purge
    removed); a purge that slips in while it is being stored takes it out again. Nothing is
    kept while the cache is down (the count of purges is unknown)."""
    if purges_before is None or cache.get(PURGES_KEY) != purges_before:
        return
    cache.set(key, _stored(response), PAGE_TIMEOUT)
    try:
        _index.add(key, response.surrogate_keys)
    except REDIS_DOWN:  # went down just now: a page its purges cannot find must not stay
        cache.delete(key)
        return
    if cache.get(PURGES_KEY) != purges_before:
        cache.delete(key)


def _storable(response) -> bool:
    """A 200, or a 301 the view tied to what it leads to (`add_keys`): a moved story's or
    person's former address, purged with them. Never an error, and never a redirect that no
    change could purge."""
    if response.status_code == 301:
        return bool(getattr(response, "surrogate_keys", None))
    return response.status_code == 200


def cache_public_page(view=None, *, keys: Iterable[str] = ()):
    """Mark a view's answers to anonymous readers as public pages: cacheable for 60 s by
    browsers and 300 s by shared caches, with their surrogate keys, stored by `CachedPages`.
    Staff always get a fresh, private page.

    `keys` are surrogate keys every response of the view carries (`keys=["feeds"]`); a view
    adds its own with `add_keys`.

    Only GET and HEAD are answered (`read_only`). Only 200 responses, and 301s that carry the
    keys of where they lead, are stored, so a 404 for a not-yet-public story is never
    remembered.
    """

    if view is None:
        return lambda view: cache_public_page(view, keys=keys)
    static_keys = tuple(keys)

    @read_only
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            patch_vary_headers(response, ["Cookie"])
            return response
        purges_before = _purge_count()
        response = view(request, *args, **kwargs)
        if not _storable(response) or response.has_header("Cache-Control"):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response = response.render()  # a lazy TemplateResponse must be rendered to be cached
        add_keys(response, EVERY_PAGE, *static_keys)
        response["Surrogate-Key"] = keys_header(response.surrogate_keys)
        patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
        patch_vary_headers(response, ["Cookie"])
        response.purges_before = (purges_before,)  # for CachedPages to store it
        return response

    return wrapper
