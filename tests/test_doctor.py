"""`manage.py doctor` says in plain words what is wrong with a deployment, and exits non-zero."""

import os
import subprocess
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from ops import heartbeats

ROOT = Path(__file__).resolve().parent.parent


def doctor(**options) -> tuple[str, str]:
    """Run the doctor in this process; return its output and the error it ended with."""
    out = StringIO()
    try:
        call_command("doctor", stdout=out, **options)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), ""


def doctor_process(**environment) -> subprocess.CompletedProcess:
    """Run the doctor as its own process, with `environment` over this one's."""
    return subprocess.run(
        [sys.executable, "manage.py", "doctor", "--wait", "1"],
        cwd=ROOT,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def line(output: str, name: str) -> str:
    """Return the doctor's line about `name`."""
    return next(row for row in output.splitlines() if row.split()[1:2] == [name])


@pytest.fixture
def timer_ran(db):
    heartbeats.beat(heartbeats.PUBLISH_DUE)


def test_a_healthy_site_has_no_problems(timer_ran):
    """Database, migrations, timer, tasks and media all fine: exit 0, no PROBLEM line."""
    output, error = doctor()
    assert error == ""
    assert "PROBLEM" not in output
    assert line(output, "migrations").startswith("ok")
    assert "No problems in" in output


def test_publish_due_that_never_ran_is_a_problem(db):
    """Without the minute timer, scheduled stories never go live: the doctor says so."""
    output, error = doctor()
    assert "publish_due" in error
    assert "has never run" in line(output, "publish_due")
    assert "systemctl enable --now newsroom-publish-due.timer" in output


def test_publish_due_that_stopped_running_is_a_problem(db):
    """A timer that last ran ten minutes ago is reported with how long ago."""
    with time_machine.travel(timezone.now() - timedelta(minutes=10)):
        heartbeats.beat(heartbeats.PUBLISH_DUE)
    output, error = doctor()
    assert "last ran 10\xa0minutes ago" in line(output, "publish_due")
    assert "publish_due" in error


def test_the_publish_due_command_records_its_run(db):
    """Running `publish_due` once is what makes the doctor's timer check pass."""
    call_command("publish_due", stdout=StringIO())
    assert line(doctor()[0], "publish_due").startswith("ok")


def test_a_missing_worker_is_a_problem(timer_ran, settings):
    """With the database task backend and no worker running, the heartbeat is never answered."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    started = time.monotonic()
    output, error = doctor(wait=0.5)
    assert time.monotonic() - started < 10
    assert "No worker ran a heartbeat task within 0.5 s" in line(output, "worker")
    assert "systemctl start newsroom-worker" in output
    assert error == "1 problem found: worker."


def test_unwritable_media_is_a_problem(timer_ran, settings, tmp_path):
    """Uploads that cannot be saved are named with the folder and the reason."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = str(blocker / "media")
    output, error = doctor()
    assert "Cannot write uploads to MEDIA_ROOT" in line(output, "media")
    assert "media" in error


def test_static_files_not_collected_is_a_problem(timer_ran, settings, tmp_path):
    """In production, a missing `collectstatic` is caught before readers get unstyled pages."""
    settings.STATIC_ROOT = str(tmp_path / "static")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    output, error = doctor()
    assert "run `python manage.py collectstatic --no-input`" in line(output, "static")
    assert "static" in error


def test_an_unreachable_edge_cache_is_a_problem(timer_ran, settings):
    """A configured Varnish that does not answer is named."""
    settings.NEWSROOM_EDGE_PURGERS = [
        {"BACKEND": "reader.edge.VarnishPurger", "URL": "http://127.0.0.1:9"}
    ]
    output, error = doctor()
    assert "Cannot reach http://127.0.0.1:9" in line(output, "edge")
    assert error == "1 problem found: edge."


def test_an_unreachable_database_is_named_and_the_rest_still_checked():
    """A database that is down: one clear message, the dependent checks skipped, exit 1, fast."""
    started = time.monotonic()
    finished = doctor_process(DATABASE_URL="postgres://postgres@127.0.0.1:9/newsroom")
    assert time.monotonic() - started < 30
    assert finished.returncode == 1
    assert "Cannot reach the postgresql database newsroom" in line(finished.stdout, "database")
    assert "Not checked: the database cannot be reached." in line(finished.stdout, "worker")
    assert line(finished.stdout, "media").startswith("ok")


def test_an_unmigrated_database_is_named(tmp_path):
    """A new, empty database: the doctor says to run migrate."""
    finished = doctor_process(DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert finished.returncode == 1
    assert "run `python manage.py migrate`" in line(finished.stdout, "migrations")


def test_an_unreachable_redis_is_a_problem(tmp_path):
    """A REDIS_URL where no Redis answers: the cache check fails with what to look at."""
    finished = doctor_process(
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}", REDIS_URL="redis://127.0.0.1:9/0"
    )
    assert finished.returncode == 1
    assert "Is Redis running, and is REDIS_URL right?" in line(finished.stdout, "cache")
