"""Embargoes: a time before which readers see nothing of an approved story, while partners
with the embargo scope already have it (`Article.objects.under_embargo()`).

An embargo is part of the story's content while it is a draft or in review: it is set in the
change form and saved by `save_content`, which refuses a time in the past (`check_embargo`,
which the form also calls while validating). Once the story is approved, only a reviewer who
wrote none of it changes the embargo, through `lift_embargo` and `extend_embargo`. An embargo
that ends by itself is logged by `publish_due`; readers see the story at that moment anyway.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article
from articles.workflow.predicates import can_change_embargo
from articles.workflow.steps import (
    Status,
    TransitionError,
    finish,
    lock,
    release_times,
    require_reason,
)

MAX_YEARS_AHEAD = 10


def when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%d %b %Y %H:%M}"


def check_embargo(stored: Article | None, embargo_until: datetime | None) -> None:
    """Refuse an embargo time an edit of the story may not give it; `stored` is the story as
    saved (None for a new one). An unchanged time always passes, even once it is past."""
    if embargo_until == (stored.embargo_until if stored else None):
        return
    if stored is not None and stored.status == Status.PUBLISHED:
        raise TransitionError(
            "This story is approved: lift or extend its embargo from the workflow panel."
        )
    if embargo_until is not None:
        require_future(embargo_until, "An embargo must end in the future; leave it empty for none.")


def require_future(moment: datetime, message: str) -> None:
    now = timezone.now()
    if moment <= now:
        raise TransitionError(message)
    if moment > now + timedelta(days=365 * MAX_YEARS_AHEAD):
        raise TransitionError(f"Choose an embargo within the next {MAX_YEARS_AHEAD} years.")


def lift_embargo(article: Article, user, *, reason: str) -> Article:
    """End a story's embargo now: readers see it at once, or at its publish time if later."""
    reason = require_reason(reason, "Say why the embargo is lifted early.")
    with transaction.atomic():
        locked = lock(article)
        require_running_embargo(locked, user, "lift")
        old, now = locked.embargo_until, timezone.now()
        locked.embargo_until = now
        release_times(locked)
        if locked.is_public:
            locked.went_live_at = now
            locked.unpublished_at = None
        return finish(
            locked, user, "articles.embargo_lift", Status.PUBLISHED, reason,
            old_embargo_until=old, new_embargo_until=now,
        )  # fmt: skip


def extend_embargo(article: Article, user, *, until: datetime | None, reason: str) -> Article:
    """Move a story's running embargo to a later time."""
    reason = require_reason(reason, "Say why the embargo is extended.")
    with transaction.atomic():
        locked = lock(article)
        require_running_embargo(locked, user, "extend")
        old = locked.embargo_until
        if until is None:
            raise TransitionError("Choose when the embargo should end.")
        require_future(until, "Choose a time in the future for the embargo to end.")
        if until <= old:
            raise TransitionError(
                f"The embargo already runs until {when(old)}: choose a later time to extend it, "
                "or lift it."
            )
        locked.embargo_until = until
        release_times(locked)
        return finish(
            locked, user, "articles.embargo_extend", Status.PUBLISHED, reason,
            old_embargo_until=old, new_embargo_until=until,
        )  # fmt: skip


def require_running_embargo(article: Article, user, verb: str) -> None:
    """Refuse unless the story is approved with its embargo still running and the user may
    change it."""
    if article.status != Status.PUBLISHED:
        raise TransitionError(
            f"Only an approved story's embargo can be {verb}ed here. This one is "
            f"{article.get_status_display().lower()}: change its embargo time in the form."
        )
    if not article.is_embargoed:
        raise TransitionError("This story is not under embargo any more.")
    if not user.has_perm("articles.approve_article"):
        raise TransitionError("Only reviewers can lift or extend an embargo.")
    if not can_change_embargo(user, article):
        raise TransitionError(
            "You wrote or edited this story, so another reviewer must lift or extend its "
            "embargo (four-eyes rule)."
        )
