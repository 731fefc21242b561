"""Record who wrote each existing revision, as well as it can be told now.

Content saves get their saver and the accounts linked to their byline today; an approved
update gets the account that proposed it; transitions wrote nothing. New revisions record this
when they are saved.
"""

from django.db import migrations

CONTENT_TRANSITIONS = ("", "articles.restore", "articles.approve_update")


def backfill(apps, schema_editor):
    Revision = apps.get_model("articles", "Revision")
    Person = apps.get_model("people", "Person")
    linked = dict(Person.objects.filter(user__isnull=False).values_list("pk", "user_id"))
    revisions = Revision.objects.filter(transition__in=CONTENT_TRANSITIONS).select_related(
        "based_on"
    )
    changed = []
    for revision in revisions.iterator(chunk_size=500):
        writer = revision.created_by_id
        if revision.kind == "applied" and revision.based_on is not None:
            writer = revision.based_on.created_by_id  # the proposer, not the approving reviewer
        byline = [ref.get("id") for ref in revision.content.get("byline", []) if ref]
        authors = {writer, *(linked[pk] for pk in byline if pk in linked)} - {None}
        revision.authors = sorted(authors)
        changed.append(revision)
    Revision.objects.bulk_update(changed, ["authors"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_revision_authors"),
        ("people", "0004_claim_public_names"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
