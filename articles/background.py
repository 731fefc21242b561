"""Retrying background tasks (django-tasks; run by `manage.py db_worker`).

The database backend runs a task once; a task that fails calls `retry` to enqueue itself again
a little later, with the attempt number, until it has tried `ATTEMPTS` times. Every task here is
idempotent, so running one twice is harmless.
"""

import logging
from datetime import timedelta

from django.utils import timezone

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
