"""Addresses that never break: a person's or organization's page keeps its old addresses.

When the slug of a person or organization changes, `save_entity` keeps the address it leaves
as a `FormerAddress` naming the entity, in the same transaction; the public site answers it
with a 301 straight to their current page, and only while that page is public, so an old
address reveals no more than the current one. Whether a page is public depends on the stories
(a layer above this one), so the address is kept whatever it is and the public site decides
when it is asked.

A slug another person or organization used to have is refused (`check_slug_free`), so an old
link never lands on someone else; one of the entity's own old slugs may be taken back.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from people.models import FormerAddress, Organization, Person, PublicName


def check_slug_free(slug: str, *, entity: Person | Organization) -> None:
    """Refuse a slug that is a former address of another person or organization (one query)."""
    taken = FormerAddress.objects.filter(slug=slug)
    if entity.pk is not None:
        taken = taken.exclude(**{entity.kind_name: entity.pk})
    if taken.exists():
        raise ValidationError(
            "Another person or organization used to have this address, and its old links "
            "lead to them. Choose another slug.",
            code="former_address",
        )


def save_entity(entity: Person | Organization) -> None:
    """Save a person or organization (the admin's one way); when the slug changed, keep the
    old address as a former address and forget one the entity is back at."""
    owner = {entity.kind_name: entity.pk}
    with transaction.atomic():
        previous = None
        if entity.pk is not None:
            known = PublicName.objects.select_for_update().filter(**owner)
            previous = known.values_list("slug", flat=True).first()
        if previous != entity.slug:
            check_slug_free(entity.slug, entity=entity)
        entity.save()
        if previous is None or previous == entity.slug:
            return
        FormerAddress.objects.filter(slug=entity.slug, **owner).delete()
        FormerAddress.objects.update_or_create(
            slug=previous,
            defaults={"person": None, "organization": None, entity.kind_name: entity},
        )


def entity_at_former_address(slug: str) -> Person | Organization | None:
    """Return the person or organization that used to be at /people/<slug>/ (one query)."""
    former = (
        FormerAddress.objects.select_related("person", "organization").filter(slug=slug).first()
    )
    return former.entity if former is not None else None
