"""The background worker for real: a story approved with the database task backend waits for
`manage.py db_worker`, started as a production server would start it, which builds its page.

Runs on PostgreSQL (CI's second pass), where the worker process can open the test database;
SQLite's test database lives in the test process's memory.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django_tasks_db.models import DBTaskResult

from articles import workflow
from articles.models import PublicPage
from articles.roles import sync_roles
from tests import factories

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the worker needs a database it can open"
    ),
]


def worker_environment() -> dict:
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    return {**os.environ, "DATABASE_URL": url, "NEWSROOM_TASKS": "database"}


def run_worker() -> subprocess.CompletedProcess:
    """Run `manage.py db_worker` until the queue is empty (`--batch`), as its own process."""
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=worker_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """Transactional tests flush the groups the data migrations made; make them again."""
    sync_roles(django_apps)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_worker_builds_the_page_of_an_approved_story(
    database_tasks, client, reporter, reviewer, section
):
    story = factories.make_article(section=section, headline="Worker story", created_by=reporter)
    workflow.submit(story, reporter)
    workflow.approve(story, reviewer)
    assert not PublicPage.objects.filter(article=story).exists()  # the reader did not wait
    assert DBTaskResult.objects.ready().exists()

    finished = run_worker()

    assert finished.returncode == 0, finished.stderr
    assert PublicPage.objects.filter(article=story).exists()
    assert not DBTaskResult.objects.ready().exists()
    assert not DBTaskResult.objects.failed().exists()
    story.refresh_from_db()
    assert "Worker story" in client.get(story.get_absolute_url()).content.decode()


def test_a_task_that_fails_is_enqueued_again_for_later(database_tasks):
    """A task that raises is not lost: the worker leaves its second attempt waiting, to run
    a little later."""
    from reader import tasks

    tasks.rebuild_pages.enqueue(["not a story id"])
    finished = run_worker()
    assert finished.returncode == 0, finished.stderr
    [waiting] = DBTaskResult.objects.filter(finished_at__isnull=True)
    assert waiting.args_kwargs["kwargs"] == {"attempt": 2}
    assert waiting.run_after is not None
    assert "retrying" in finished.stdout + finished.stderr  # the log goes to stdout
