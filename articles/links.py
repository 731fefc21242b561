"""Absolute addresses on the public site, for feeds, sitemaps, structured data and the API."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """Return `path` as an absolute URL on the public site (`NEWSROOM_SITE_URL`), whatever
    host the request came to."""
    return f"{settings.NEWSROOM_SITE_URL}{path}"
