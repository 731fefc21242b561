"""Template context shared by every public page."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from articles.models import Section


def navigation_sections():
    return list(Section.objects.only("name", "slug"))


def publication(request):
    """Expose the publication's name, site URL and sections (fetched only if a template asks)."""
    return {
        "publication_name": settings.NEWSROOM_PUBLICATION_NAME,
        "site_url": settings.NEWSROOM_SITE_URL,
        "navigation_sections": SimpleLazyObject(navigation_sections),
    }
