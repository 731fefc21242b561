"""Template context shared by every public page."""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from articles.models import Section

NAVIGATION_KEY = "newsroom:navigation"


def navigation_sections():
    """The sections in the navigation, from the cache (forgotten when a section changes)."""
    sections = cache.get(NAVIGATION_KEY)
    if sections is None:
        sections = [(section.name, section.get_absolute_url()) for section in Section.objects.all()]
        cache.set(NAVIGATION_KEY, sections, timeout=None)
    return sections


def publication(request):
    """Expose the publication's name, site URL and sections (fetched only if a template asks)."""
    return {
        "publication_name": settings.NEWSROOM_PUBLICATION_NAME,
        "site_url": settings.NEWSROOM_SITE_URL,
        "navigation_sections": SimpleLazyObject(navigation_sections),
    }
