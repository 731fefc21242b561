"""Retrying background tasks (django-tasks; run by `manage.py db_worker`).

The database backend runs a task once; a task that fails calls `retry` to enqueue itself again
a little later, with the attempt number, until it has tried `ATTEMPTS` times. Every task here is
idempotent, so running one twice is harmless. A task whose worker was killed mid-task is put
back in the queue by `requeue_abandoned_tasks` (below).
"""

import contextlib
import fcntl
import logging
import os
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from django.db import connection, transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks.signals import task_finished, task_started
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

ATTEMPTS = 4
BACKOFF = timedelta(seconds=10)


def retry(failed, *arguments, attempt: int) -> None:
    """Log the exception being handled and enqueue `failed` again with `attempt + 1` (waiting
    longer each time), or give up after `ATTEMPTS` attempts."""
    name = getattr(failed, "name", failed)
    if attempt >= ATTEMPTS:
        logger.exception("%s%s failed %s times; giving up", name, arguments, attempt)
        return
    logger.warning("%s%s failed (attempt %s); retrying", name, arguments, attempt, exc_info=True)
    later = timezone.now() + BACKOFF * attempt
    failed.using(run_after=later).enqueue(*arguments, attempt=attempt + 1)


# A task whose worker died -------------------------------------------------------------------
#
# django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a
# worker killed mid-task (SIGKILL, the OOM killer, a lost machine) leaves it RUNNING for ever.
# So a worker holds a lock for each task it runs, one that dies with its process: a PostgreSQL
# advisory lock on the worker's own connection (the server drops it when the connection goes),
# or, on SQLite, an flock on a file beside the database (the kernel drops it when the process
# goes). `requeue_abandoned_tasks`, run every minute by `publish_due`, puts a task that is
# RUNNING with nobody holding its lock back in the queue, where the next worker runs it once.
# A task that has now been claimed MAX_CLAIMS times (it keeps killing its worker) is marked
# failed instead. A worker that loses its database connection mid-task also loses its lock, so
# its task may run twice; every task here is idempotent.

CLAIM_GRACE = timedelta(seconds=10)  # a claim and its lock are taken a moment apart
MAX_CLAIMS = 3
_LOCK_SPACE = 0x4E575352  # "NWSR": our advisory locks, apart from anybody else's
_held_files: dict[str, int] = {}


class WorkerLost(Exception):
    """The worker running a task stopped before the task finished."""


def _lock_key(task_id) -> int:
    return uuid.UUID(str(task_id)).int & 0x7FFFFFFF


def _claims_folder() -> Path:
    name = str(connection.settings_dict["NAME"])
    folder = Path(name).parent if "memory" not in name else Path(tempfile.gettempdir())
    folder = folder / "newsroom-task-claims"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def hold_claim(task_id) -> None:
    """Take the lock that says this process runs task `task_id`."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [_LOCK_SPACE, _lock_key(task_id)])
        return
    descriptor = os.open(_claims_folder() / f"{task_id}.lock", os.O_CREAT | os.O_RDWR, 0o600)
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    _held_files[str(task_id)] = descriptor


def release_claim(task_id) -> None:
    """Let go of the lock on task `task_id`, which has finished."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_LOCK_SPACE, _lock_key(task_id)])
        return
    descriptor = _held_files.pop(str(task_id), None)
    if descriptor is not None:
        with contextlib.suppress(OSError):
            os.unlink(_claims_folder() / f"{task_id}.lock")
        os.close(descriptor)


def _claims_held(task_ids: list) -> set:
    """Return those of `task_ids` whose lock some process holds."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                " AND classid = %s AND objsubid = 2",
                [_LOCK_SPACE],
            )
            held = {int(row[0]) for row in cursor.fetchall()}
        return {task_id for task_id in task_ids if _lock_key(task_id) in held}
    held = set()
    for task_id in task_ids:
        path = _claims_folder() / f"{task_id}.lock"
        try:
            descriptor = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            held.add(task_id)
        else:  # a lock file its dead worker left behind
            with contextlib.suppress(OSError):
                os.unlink(path)
        finally:
            os.close(descriptor)
    return held


def requeue_abandoned_tasks(*, grace: timedelta = CLAIM_GRACE) -> list[str]:
    """Put back in the queue every task marked running whose worker has died (its lock is
    free), or fail it when it has been claimed MAX_CLAIMS times; return their ids."""
    started_before = timezone.now() - grace
    with transaction.atomic():
        running = list(
            DBTaskResult.objects.running()
            .filter(started_at__lt=started_before)
            .select_for_update(skip_locked=True)
        )
        held = _claims_held([task.id for task in running])
        abandoned = [task for task in running if task.id not in held]
        for task in abandoned:
            workers = ", ".join(task.worker_ids)
            if len(task.worker_ids) >= MAX_CLAIMS:
                logger.error("Task %s (%s) stopped %s workers (%s); failing it",
                             task.id, task.task_path, len(task.worker_ids), workers)  # fmt: skip
                task.set_failed(WorkerLost(f"Its workers stopped mid-task: {workers}"))
                continue
            logger.warning("Task %s (%s) was running on a worker that stopped (%s); queued "
                           "again", task.id, task.task_path, workers)  # fmt: skip
            task.status = TaskResultStatus.READY
            task.started_at = None
            task.save(update_fields=["status", "started_at"])
    return [str(task.id) for task in abandoned]


@receiver(task_started, dispatch_uid="articles-hold-claim")
def _hold_claim_while_running(sender, task_result, **kwargs) -> None:
    if getattr(task_result, "db_result", None) is None:  # not a database worker's task
        return
    try:
        hold_claim(task_result.id)
    except Exception:  # never fail the task over it: at worst it could run twice
        logger.warning("Could not take the claim on task %s", task_result.id, exc_info=True)


@receiver(task_finished, dispatch_uid="articles-release-claim")
def _release_claim_when_finished(sender, task_result, **kwargs) -> None:
    if getattr(task_result, "db_result", None) is not None:
        try:
            release_claim(task_result.id)
        except Exception:  # its connection is gone, and the lock with it
            logger.warning("Could not release the claim on task %s", task_result.id)
