"""Where notifications listen: the workflow's, the comment desk's and planning's signals.

Every receiver only queues a task; the task does the work in the background worker. The
workflow's and the desk's signals are sent after the transaction commits; planning's save is
not, so its task is queued on commit (a rolled-back assignment tells nobody).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save

from articles.signals import minute_passed, public_article_changed
from desk.signals import comment_posted
from notices import delivery, tasks
from planning.models import Assignment

logger = logging.getLogger(__name__)


def transition_made(sender, article, action="", **kwargs) -> None:
    """Queue the notices of a workflow transition that tells somebody."""
    if action not in delivery.TRANSITIONS:
        return
    try:  # the workflow's signal is sent plainly: a failure here must not reach the request
        event = article.events.filter(action=action).order_by("-created_at", "-id").first()
        if event is not None:
            tasks.notify_transition.enqueue(event.pk)
    except Exception:
        logger.exception("Could not queue the notices of %s on story %s", action, article.pk)


def comment_mentions(sender, comment, mentioned_users, **kwargs) -> None:
    """Queue the notice of a comment to the colleagues it mentions."""
    if mentioned_users:
        tasks.notify_mention.enqueue(comment.pk, sorted(user.pk for user in mentioned_users))


def assignment_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Queue the notice of an assignment to its assignee, once it commits (the task tells each
    assignee once, so a later save of the same assignment tells nobody again)."""
    if raw or (update_fields is not None and "assignee" not in update_fields):
        return
    assignment_id = instance.pk
    transaction.on_commit(lambda: tasks.notify_assignment.enqueue(assignment_id))


def minute_tick(sender, **kwargs) -> None:
    """Each minute (`publish_due`): queue the notices of assignments that just went past due."""
    try:
        tasks.notify_overdue()
    except Exception:
        logger.exception("Could not queue the notices of overdue assignments")


def connect() -> None:
    public_article_changed.connect(transition_made, dispatch_uid="notices-transition")
    comment_posted.connect(comment_mentions, dispatch_uid="notices-mention")
    post_save.connect(assignment_saved, sender=Assignment, dispatch_uid="notices-assignment")
    minute_passed.connect(minute_tick, dispatch_uid="notices-minute")
