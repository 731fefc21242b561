"""Give the roles their assignments (Editors and Reviewers plan, Reporters their own): `articles.roles`, once the
planning tables exist."""

from django.db import migrations


def sync(apps, schema_editor):
    from articles.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0001_initial"),
        ("articles", "0022_more_from_ids"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
