"""Give every existing person and organization its public address, keeping every slug.

Before this release a person and an organization could, in theory, share a slug; the site
served the person at that address, so the person keeps it and the organization moves to the
first free `-2`, `-3`… slug.
"""

from django.db import migrations

SLUG_LENGTH = 80


def claim_public_names(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    Organization = apps.get_model("people", "Organization")
    PublicName = apps.get_model("people", "PublicName")
    db = schema_editor.connection.alias
    people = list(Person.objects.using(db).order_by("pk").values_list("pk", "slug"))
    organizations = list(Organization.objects.using(db).order_by("pk").values_list("pk", "slug"))
    person_slugs = {slug for _, slug in people}
    taken = person_slugs | {slug for _, slug in organizations}
    addresses = [PublicName(person_id=pk, slug=slug) for pk, slug in people]
    for pk, slug in organizations:
        if slug in person_slugs:
            slug = free_slug(slug, taken)
            taken.add(slug)
            Organization.objects.using(db).filter(pk=pk).update(slug=slug)
        addresses.append(PublicName(organization_id=pk, slug=slug))
    PublicName.objects.using(db).bulk_create(addresses, batch_size=500)


def free_slug(slug, taken):
    """Return `slug` with the first `-2`, `-3`… suffix that is not taken, within 80 characters."""
    counter = 2
    while True:
        suffix = f"-{counter}"
        candidate = f"{slug[: SLUG_LENGTH - len(suffix)]}{suffix}"
        if candidate not in taken:
            return candidate
        counter += 1


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_public_names"),
    ]

    operations = [
        # Going back drops the table (0003), so there is nothing to undo here.
        migrations.RunPython(claim_public_names, migrations.RunPython.noop),
    ]
