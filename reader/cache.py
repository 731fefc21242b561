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
"""

import hashlib
import threading
from collections.abc import Iterable
from functools import wraps

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from reader import edge

PAGE_TIMEOUT = 15 * 60  # seconds on our side; a purge drops a page the moment it changes
PUBLIC_CACHE_CONTROL = {
    "public": True,
    "max_age": 60,
    "s_maxage": 300,
    "stale_while_revalidate": 600,
}
EVERY_PAGE = "sections"  # the navigation, on every page
PURGES_KEY = "newsroom:purges"  # counts purges, so a render that overlapped one is not stored
KEPT_HEADERS = ("Content-Type", "Last-Modified", "Content-Language", "X-Robots-Tag")


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
    """Drop every cached page carrying any of `keys`, here and at the edge."""
    keys = sorted(set(keys))
    if not keys:
        return
    _bump_purges()
    _index.delete(_index.pages_for(keys))
    edge.purge(keys)


def purge_everything() -> None:
    """Drop every cached public page (a change to what every page shows)."""
    purge([EVERY_PAGE])


def _bump_purges() -> None:
    try:
        cache.incr(PURGES_KEY)
    except ValueError:  # never set, or expired
        cache.set(PURGES_KEY, 1, timeout=None)


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
    headers = tuple((name, response[name]) for name in KEPT_HEADERS if response.has_header(name))
    return (response.status_code, headers, response.content, keys_header(response.surrogate_keys))


def _response(entry: tuple) -> HttpResponse:
    status, headers, content, keys = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["Surrogate-Key"] = keys
    patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
    patch_vary_headers(response, ["Cookie"])
    return response


def cache_public_page(view=None, *, keys: Iterable[str] = ()):
    """Serve anonymous readers from the cache; staff always get a fresh, private page.

    `keys` are surrogate keys every response of the view carries (`keys=["feeds"]`); a view
    adds its own with `add_keys`.

    Only GET and HEAD are answered (`read_only`). Only 200 responses are stored, so a 404 for a
    not-yet-public story is never remembered. A page rendered while a purge ran is not stored
    (it may show what the purge removed). ETag and 304 answers come from
    ConditionalGetMiddleware.
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
        key = page_key(request)
        entry = cache.get(key)
        if entry is not None:
            return _response(entry)
        purges_before = cache.get(PURGES_KEY)
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.has_header("Cache-Control"):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response = response.render()  # a lazy TemplateResponse must be rendered to be cached
        add_keys(response, EVERY_PAGE, *static_keys)
        response["Surrogate-Key"] = keys_header(response.surrogate_keys)
        patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
        patch_vary_headers(response, ["Cookie"])
        if cache.get(PURGES_KEY) == purges_before:
            cache.set(key, _stored(response), PAGE_TIMEOUT)
            _index.add(key, response.surrogate_keys)
            if cache.get(PURGES_KEY) != purges_before:  # a purge slipped in between: undo
                cache.delete(key)
        return response

    return wrapper
