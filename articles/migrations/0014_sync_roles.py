"""Give every role the byline and related-pick permissions (writing a story needs them)."""

from django.db import migrations


def sync(apps, schema_editor):
    from articles.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_backfill_revision_authors")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
