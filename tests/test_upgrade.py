"""A database from the previous release migrates forward with nothing lost."""

import gzip
import importlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from people.models import Organization, Person, PublicName
from tests import factories

PROJECT_ROOT = Path(__file__).resolve().parent.parent
OLD_DEMO = PROJECT_ROOT / "tests" / "fixtures" / "demo-e4c552c.sqlite3.gz"  # release e4c552c
COUNTED_TABLES = [
    "people_person",
    "people_organization",
    "articles_article",
    "articles_revision",
    "articles_articleevent",
    "articles_quote",
    "articles_byline",
]


def read_database(path: Path) -> dict:
    """Return the row counts of the counted tables and every person's and organization's slug."""
    with closing(sqlite3.connect(path)) as database:
        return {
            "counts": {
                table: database.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in COUNTED_TABLES
            },
            "person": dict(database.execute("SELECT id, slug FROM people_person")),
            "organization": dict(database.execute("SELECT id, slug FROM people_organization")),
        }


def read_public_names(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as database:
        return database.execute(
            "SELECT person_id, organization_id, slug FROM people_publicname"
        ).fetchall()


def migrate(path: Path) -> None:
    """Run the real `manage.py migrate` on the SQLite file at `path`, with no cache server."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_old_demo_database_migrates_forward_intact(tmp_path):
    """After the upgrade every story, revision, event, quote, byline and name is still there,
    and every person and organization keeps its address."""
    path = tmp_path / "demo.sqlite3"
    with gzip.open(OLD_DEMO) as source, path.open("wb") as target:
        shutil.copyfileobj(source, target)
    before = read_database(path)
    assert all(before["counts"].values())  # the fixture has something of each to lose

    migrate(path)

    after = read_database(path)
    assert after == before
    addresses = read_public_names(path)
    assert len(addresses) == len(before["person"]) + len(before["organization"])
    people = {person: slug for person, organization, slug in addresses if person is not None}
    organizations = {
        organization: slug for person, organization, slug in addresses if organization is not None
    }
    assert people == before["person"]
    assert organizations == before["organization"]


@pytest.mark.django_db
def test_a_shared_slug_stays_with_the_person():
    """Where an old database let a person and an organization share a slug, the person keeps
    it (the old site showed them there) and the organization moves to the next free one."""
    claim_public_names = importlib.import_module(
        "people.migrations.0004_claim_public_names"
    ).claim_public_names
    person = factories.make_person(name="Mercury", slug="mercury")
    factories.make_organization(slug="mercury-2")
    organization = factories.make_organization(name="Mercury programme", slug="programme")
    PublicName.objects.all().delete()  # as before the migration
    Organization.objects.filter(pk=organization.pk).update(slug="mercury")

    claim_public_names(apps, SimpleNamespace(connection=connection))

    organization.refresh_from_db()
    assert organization.slug == "mercury-3"
    assert Person.objects.get(public_name__slug="mercury") == person
    assert Organization.objects.get(public_name__slug="mercury-3") == organization
    assert PublicName.objects.count() == 3
