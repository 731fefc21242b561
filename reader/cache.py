"""Purging what readers are served from the cache when a story changes.

Public pages are cached under keys that include a generation number; purging bumps it, so
every page that might show the story is rebuilt on its next request. The editorial core says
what changed with `articles.signals.public_article_changed`, sent only after its transaction
commits, so a rolled-back transition never empties the cache.
"""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

GENERATION_KEY = "newsroom:public-generation"


def public_generation() -> int:
    """Return the current generation of public pages (starts at 1)."""
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def purge_public_pages() -> None:
    """Make every cached public page stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key expired or was never set
        cache.set(GENERATION_KEY, 2, timeout=None)


def purge_for_article(sender, article, **kwargs) -> None:
    """Purge the pages that may show `article` (receiver of `public_article_changed`, which is
    sent after the transaction commits)."""
    purge_public_pages()


# Serving public pages from the cache.

PAGE_TIMEOUT = 120  # seconds on our side; a purge makes pages stale at once anyway
PUBLIC_CACHE_CONTROL = {
    "public": True,
    "max_age": 60,
    "s_maxage": 300,
    "stale_while_revalidate": 600,
}


def page_key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"newsroom:page:{public_generation()}:{path}"


def read_only(view):
    """Answer GET and HEAD; refuse any other method (OPTIONS and TRACE too) with 405 and
    `Allow: GET, HEAD`.

    Exempt from CSRF checks, which would otherwise answer an unsafe method with 403 before the
    view could say 405: a view that never writes has nothing for them to protect.
    """
    return csrf_exempt(require_safe(view))


def cache_public_page(view):
    """Serve anonymous readers from the cache; staff always get a fresh, private page.

    Only GET and HEAD are answered (`read_only`). Only 200 responses are stored, so a 404 for a
    not-yet-public story is never remembered. ETag and 304 answers come from
    ConditionalGetMiddleware.
    """

    @read_only
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        key = page_key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.has_header("Cache-Control"):
                if hasattr(response, "render") and not response.is_rendered:
                    response = (
                        response.render()
                    )  # a lazy TemplateResponse must be rendered to be cached
                patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
                patch_vary_headers(response, ["Cookie"])
                cache.set(key, response, PAGE_TIMEOUT)
        return response

    return wrapper
