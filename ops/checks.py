"""A deployment checked from the inside (`manage.py doctor`).

Each check returns a `Finding` that says in plain words what it saw and, when something is
wrong, what to do about it. The checks that need the database are not run when it cannot be
reached: one cause, one message.
"""

import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.timesince import timesince
from django_tasks import task_backends
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResultStatus

from ops import heartbeats
from ops.tasks import heartbeat

OK, WARNING, PROBLEM = "ok", "warning", "problem"
PUBLISH_DUE_EVERY = timedelta(minutes=2)  # the timer runs it each minute


@dataclass(frozen=True)
class Finding:
    name: str
    status: str  # OK, WARNING or PROBLEM
    message: str


def check_database() -> Finding:
    """Say whether the database answers, and which one it is."""
    where = f"{connection.vendor} database {connection.settings_dict.get('NAME')}"
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any failure to connect is the finding itself
        return Finding(
            "database",
            PROBLEM,
            f"Cannot reach the {where}: {str(error).strip()}. Is the server running, and is "
            "DATABASE_URL right?",
        )
    return Finding("database", OK, f"The {where} answers.")


def check_migrations() -> Finding:
    """Say whether every migration has been applied."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        apps = sorted({migration.app_label for migration, _ in plan})
        return Finding(
            "migrations",
            PROBLEM,
            f"{len(plan)} migration(s) not applied ({', '.join(apps)}): run "
            "`python manage.py migrate`.",
        )
    return Finding("migrations", OK, "Every migration is applied.")


def check_cache() -> Finding:
    """Write a value to the cache and read it back; say whether the cache is shared."""
    key, value = f"doctor:{uuid.uuid4().hex}", uuid.uuid4().hex
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    try:
        cache.set(key, value, 30)
        read = cache.get(key)
        cache.delete(key)
    except Exception as error:  # an unreachable Redis is the finding itself
        read, detail = None, f": {error}"
    else:
        detail = ""
    if read != value:
        return Finding(
            "cache",
            PROBLEM,
            f"Could not write to the cache and read it back ({backend}{detail}). Is Redis "
            "running, and is REDIS_URL right?",
        )
    if "LocMem" in backend or "Dummy" in backend:
        return Finding(
            "cache",
            WARNING,
            "The cache is in-process memory: each process keeps its own, so a purge in one "
            "leaves the others serving old pages. Set REDIS_URL when more than one process "
            "serves the site.",
        )
    return Finding("cache", OK, f"The cache ({backend}) is shared and writable.")


def check_worker(wait: float) -> Finding:
    """Enqueue a heartbeat task and wait up to `wait` seconds for a worker to run it."""
    if isinstance(task_backends[heartbeat.backend], ImmediateBackend):
        heartbeat.enqueue()
        return Finding(
            "worker",
            OK,
            "Background tasks run in the process that starts them (NEWSROOM_TASKS=immediate); "
            "no worker is needed.",
        )
    started = time.monotonic()
    result = heartbeat.enqueue()
    while time.monotonic() - started < wait:
        time.sleep(0.2)
        result.refresh()
        if result.status == TaskResultStatus.SUCCESSFUL:
            seconds = time.monotonic() - started
            return Finding(
                "worker",
                OK,
                f"A worker ran a heartbeat task in {seconds:.1f} s ({result.return_value}).",
            )
        if result.status == TaskResultStatus.FAILED:
            return Finding(
                "worker", PROBLEM, "A worker ran the heartbeat task and it failed: see its log."
            )
    return Finding(
        "worker",
        PROBLEM,
        f"No worker ran a heartbeat task within {wait:g} s. Start one: "
        "`systemctl start newsroom-worker` (or `python manage.py db_worker`).",
    )


def check_publish_due() -> Finding:
    """Say whether `publish_due` ran within the last two minutes."""
    last = heartbeats.last(heartbeats.PUBLISH_DUE)
    enable = "`systemctl enable --now newsroom-publish-due.timer`"
    if last is None:
        return Finding(
            "publish_due",
            PROBLEM,
            f"`publish_due` has never run, so scheduled stories never go live. Enable its timer: "
            f"{enable}.",
        )
    if timezone.now() - last > PUBLISH_DUE_EVERY:
        return Finding(
            "publish_due",
            PROBLEM,
            f"`publish_due` last ran {_ago(last)}; it should run every minute. "
            f"Is its timer enabled? {enable}",
        )
    return Finding("publish_due", OK, f"`publish_due` ran {_ago(last)}.")


def _ago(moment) -> str:
    seconds = (timezone.now() - moment).total_seconds()
    return f"{seconds:.0f} s ago" if seconds < 120 else f"{timesince(moment)} ago"


def check_media() -> Finding:
    """Write a small file under MEDIA_ROOT and delete it."""
    try:
        name = default_storage.save(f".doctor-{uuid.uuid4().hex}", ContentFile(b"ok"))
        default_storage.delete(name)
    except OSError as error:
        return Finding(
            "media",
            PROBLEM,
            f"Cannot write uploads to MEDIA_ROOT ({settings.MEDIA_ROOT}): {error.strerror or error}. "
            "The folder must exist and belong to the user the site runs as.",
        )
    return Finding("media", OK, f"MEDIA_ROOT ({settings.MEDIA_ROOT}) is writable.")


def check_static() -> Finding:
    """In production, say whether `collectstatic` has been run."""
    storage = storages["staticfiles"]
    if not hasattr(storage, "manifest_name"):
        return Finding("static", OK, "Static files are served from the source tree.")
    if not storage.exists(storage.manifest_name):
        return Finding(
            "static",
            PROBLEM,
            f"Static files are not collected into STATIC_ROOT ({settings.STATIC_ROOT}): run "
            "`python manage.py collectstatic --no-input`.",
        )
    return Finding("static", OK, f"Static files are collected in {settings.STATIC_ROOT}.")


def check_edge() -> Finding | None:
    """Say whether each configured edge cache answers HTTP; None when none is configured."""
    urls = [purger["URL"] for purger in settings.NEWSROOM_EDGE_PURGERS]
    if not urls:
        return None
    unreachable = []
    for url in urls:
        try:
            urllib.request.urlopen(f"{url.rstrip('/')}/healthz", timeout=3)  # noqa: S310
        except urllib.error.HTTPError:
            pass  # it answered: reachable, whatever the backend said
        except (OSError, ValueError) as error:
            unreachable.append(f"{url} ({getattr(error, 'reason', error)})")
    if unreachable:
        return Finding(
            "edge",
            PROBLEM,
            f"Cannot reach {', '.join(unreachable)}: purges wait and retry until it answers. "
            "Is Varnish running, and is NEWSROOM_VARNISH_URL right?",
        )
    return Finding("edge", OK, f"{', '.join(urls)} answer{'s' if len(urls) == 1 else ''}.")


def run(*, wait: float = 10.0) -> list[Finding]:
    """Run every check, skipping those that need a database that cannot be reached."""
    findings = [check_database()]
    if findings[0].status == OK:
        findings.append(check_migrations())
    if findings[-1].status == OK:
        findings += [check_publish_due(), check_worker(wait)]
    else:
        why = "the database " + ("cannot be reached" if len(findings) == 1 else "is not migrated")
        findings.append(Finding("worker", PROBLEM, f"Not checked: {why}."))
    findings += [check_cache(), check_media(), check_static()]
    edge = check_edge()
    return findings + ([edge] if edge else [])
