"""Locks: a reviewer holds a story so that nobody else saves it until they let go.

A lock changes nothing readers see, so it moves no version, writes no revision and announces
no public change; each transition still has the workflow's shape (lock the row, check, change,
log an `articles.lock`, `articles.unlock` or `articles.lock_break` event). While a story is
locked, `steps.require_unlocked` refuses every save and transition by anyone but its locker.
"""

from django.db import transaction
from django.utils import timezone

from articles.models import Article
from articles.workflow import steps
from articles.workflow.predicates import can_break_lock, can_lock, can_unlock
from articles.workflow.steps import TransitionError, lock_notice, log_event, require_reason


def lock(article: Article, user) -> Article:
    """Lock the story for `user`: until they unlock it, only they may save it."""
    with transaction.atomic():
        locked = steps.lock(article)
        if locked.locked_by_id is not None:
            raise TransitionError(lock_notice(locked))
        if not can_lock(user, locked):
            raise TransitionError("Only reviewers can lock a story.")
        return _hold(locked, user, user, timezone.now(), "articles.lock", "")


def unlock(article: Article, user) -> Article:
    """Release the user's own lock on the story."""
    with transaction.atomic():
        locked = steps.lock(article)
        if locked.locked_by_id is None:
            raise TransitionError("This story is not locked.")
        if not can_unlock(user, locked):
            raise TransitionError(
                f"{lock_notice(locked)} Only a superuser can break someone else's lock."
            )
        return _hold(locked, user, None, None, "articles.unlock", "")


def break_lock(article: Article, user, *, reason: str) -> Article:
    """Release someone else's lock on the story (superusers only); the reason is logged."""
    reason = require_reason(reason, "Say why you break the lock (it is logged).")
    with transaction.atomic():
        locked = steps.lock(article)
        if locked.locked_by_id is None:
            raise TransitionError("This story is not locked.")
        if not can_break_lock(user, locked):
            if locked.locked_by_id == user.pk:
                raise TransitionError("You hold this lock: unlock it instead.")
            raise TransitionError("Only a superuser can break someone else's lock.")
        return _hold(locked, user, None, None, "articles.lock_break", reason)


def _hold(article: Article, actor, holder, moment, action: str, comment: str) -> Article:
    """Write the lock's holder and time (nothing else: no version, no revision), and log who
    did it."""
    article.locked_by, article.locked_at = holder, moment
    article.save(update_fields=["locked_by", "locked_at"])
    log_event(article, actor, action, article.status, comment)
    return article
