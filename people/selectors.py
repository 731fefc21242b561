"""Reads for people and organization pages."""

from people.models import Organization, Person


def entity_by_slug(slug: str) -> Person | Organization | None:
    """Return the person, or else the organization, with this slug (they share /people/)."""
    return (
        Person.objects.filter(slug=slug).first() or Organization.objects.filter(slug=slug).first()
    )
