"""Reads for people and organization pages."""

from people.models import Organization, Person, PublicName


def entity_by_slug(slug: str) -> Person | Organization | None:
    """Return the person or organization at /people/<slug>/ (one query: they share addresses)."""
    address = PublicName.objects.select_related("person", "organization").filter(slug=slug).first()
    return address.entity if address is not None else None
