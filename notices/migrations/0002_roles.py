"""Give Editors and Reviewers the section reviewers (`articles.roles`), once the notices
tables exist."""

from django.db import migrations


def sync(apps, schema_editor):
    from articles.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0001_initial"),
        ("articles", "0022_more_from_ids"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
