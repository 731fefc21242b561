"""Give the roles their editorial comments (every role comments): `articles.roles`, once the
desk tables exist."""

from django.db import migrations


def sync(apps, schema_editor):
    from articles.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0001_initial"),
        ("articles", "0022_more_from_ids"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
