"""Purging what readers are served from the cache when a story changes.

Public pages are cached under keys that include a generation number; purging bumps it, so
every page that might show the story is rebuilt on its next request. Purges run only after the
transaction commits, so a rolled-back transition never empties the cache.
"""

from django.core.cache import cache
from django.db import transaction

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


def purge_after_commit(article) -> None:
    """Purge the pages that show `article` once the current transaction commits."""
    transaction.on_commit(purge_public_pages)
