"""Notifications' background work, run by `manage.py db_worker` (django-tasks), never in the
request that made the change.

Each task builds its message, stores the notices (once per recipient and event) and emails
them. A failure (the mail server is down, say) is logged and retried
(`articles.background.retry`); what was already stored or emailed is not done again.
"""

import logging

from django.utils import timezone
from django_tasks import task

from articles.background import retry
from notices import delivery

logger = logging.getLogger(__name__)


@task()
def notify_transition(event_id: int, attempt: int = 1) -> None:
    """Tell those concerned of the logged workflow transition `event_id`."""
    try:
        delivery.deliver(delivery.for_transition(event_id))
    except Exception:
        retry(notify_transition, event_id, attempt=attempt)


@task()
def notify_mention(comment_id: int, user_ids: list[int], attempt: int = 1) -> None:
    """Tell the colleagues a comment mentions."""
    try:
        delivery.deliver(delivery.for_mention(comment_id, user_ids))
    except Exception:
        retry(notify_mention, comment_id, user_ids, attempt=attempt)


@task()
def notify_assignment(assignment_id: int, attempt: int = 1) -> None:
    """Tell an assignee of the assignment they were given."""
    try:
        delivery.deliver(delivery.for_assignment(assignment_id))
    except Exception:
        retry(notify_assignment, assignment_id, attempt=attempt)


@task()
def notify_overdue_assignment(assignment_id: int, attempt: int = 1) -> None:
    """Tell an assignee and their editor that the assignment is past due and unfiled."""
    try:
        delivery.deliver(delivery.for_overdue(assignment_id))
    except Exception:
        retry(notify_overdue_assignment, assignment_id, attempt=attempt)


def notify_overdue(*, now=None) -> int:
    """Queue the notice of every assignment past its due time and not filed, once each; return
    how many were queued. Run each minute (`publish_due` sends `minute_passed`)."""
    ids = list(delivery.overdue_assignments(now or timezone.now()).values_list("pk", flat=True))
    for assignment_id in ids:
        notify_overdue_assignment.enqueue(assignment_id)
    if ids:
        logger.info("Queued overdue notices for %s assignments", len(ids))
    return len(ids)
