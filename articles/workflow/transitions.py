"""Transitions of a story through draft, review, publication and withdrawal."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from articles import addresses, checks, revisions, signals
from articles.models import Article, ArticleEvent, Correction
from articles.workflow.predicates import breaks_four_eyes, can_request_changes, can_submit
from articles.workflow.steps import (
    Status,
    TransitionError,
    close_proposals,
    finish,
    lock,
    log_event,
    never_live,
    release_times,
    require_override,
    require_reason,
    require_state,
)
from people.directory import known_entities


def standing_blockers(article: Article) -> list:
    """Return the copy desk's blockers on the story as it is: none without reading it when the
    counts stored at its last save describe this version and found none."""
    if article.findings_version == article.version and article.blocker_count == 0:
        return []
    return checks.blockers(checks.run_checks(article, known=known_entities()))


def submit(article: Article, user, comment: str = "") -> Article:
    """Send a draft to the review queue."""
    with transaction.atomic():
        locked = lock(article)
        require_state(locked, Status.DRAFT, "Only a draft can be submitted for review.")
        if not can_submit(user, locked):
            raise TransitionError("You may not submit this article for review.")
        locked.status = Status.IN_REVIEW
        locked.submitted_at = timezone.now()
        return finish(locked, user, "articles.submit", Status.DRAFT, comment)


def approve(
    article: Article,
    user,
    publish_at: datetime | None = None,
    comment: str = "",
    *,
    override_reason: str = "",
) -> Article:
    """Publish a story in review now, or schedule it when `publish_at` is in the future.

    A story with an embargo time still ahead is approved under embargo: readers see it when
    the embargo ends (partners with the embargo scope have it from its publish time). While the editorial checks find a blocker, approval needs `override_reason`, which is
    logged with the event.
    """
    now = timezone.now()
    # The copy desk reads the story before the row is locked: nobody waits on it.
    checked = Article.objects.get(pk=article.pk)
    standing = standing_blockers(checked)
    with transaction.atomic():
        locked = lock(article)
        if locked.status == Status.PUBLISHED:
            raise TransitionError("This article is already published.")
        require_state(locked, Status.IN_REVIEW, "Only an article in review can be approved.")
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can approve articles.")
        if breaks_four_eyes(user, locked):
            raise TransitionError(
                "You wrote or last edited this article, so another reviewer must approve it "
                "(four-eyes rule)."
            )
        if locked.version != checked.version:
            raise TransitionError(
                "The story changed while you were approving it. Look at it again, then approve."
            )
        override_reason = require_override(standing, override_reason)
        # A withdrawn story keeps the date readers knew it by; should that ever change, the
        # address they knew becomes a former one (nothing is recorded while it stays).
        previous = addresses.public_address(locked)
        moment = max(publish_at, now) if publish_at else now
        scheduled = moment > now
        locked.status = Status.PUBLISHED
        locked.publish_at = moment
        embargo = locked.embargo_until if locked.is_embargoed else None
        held = scheduled or embargo is not None
        locked.first_published_at = locked.first_published_at or locked.public_from
        locked.updated_at = locked.public_from
        locked.went_live_at = None if held else now
        if not held:
            locked.unpublished_at = None  # a withdrawn story stays "gone" until it is live again
        action = "articles.schedule" if scheduled else "articles.approve"
        addresses.record_move(locked, previous=previous)
        return finish(
            locked, user, action, Status.IN_REVIEW, comment, publish_at=moment,
            override_reason=override_reason if standing else "", new_embargo_until=embargo,
        )  # fmt: skip


def reschedule(article: Article, user, publish_at: datetime, comment: str = "") -> Article:
    """Move a scheduled story to another future time."""
    with transaction.atomic():
        locked = lock(article)
        if not locked.is_scheduled:
            raise TransitionError("Only a scheduled article can be rescheduled.")
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can reschedule articles.")
        if publish_at <= timezone.now():
            raise TransitionError("Choose a time in the future, or approve it to publish now.")
        locked.publish_at = publish_at
        release_times(locked)
        return finish(
            locked, user, "articles.reschedule", Status.PUBLISHED, comment, publish_at=publish_at
        )


def cancel_schedule(article: Article, user, reason: str) -> Article:
    """Take an approved story back to draft before readers see it (scheduled, or under
    embargo)."""
    reason = require_reason(reason, "Say why the schedule is cancelled.")
    with transaction.atomic():
        locked = lock(article)
        if not (locked.is_scheduled or locked.is_embargoed):
            raise TransitionError(
                "Only a scheduled article, or one under embargo, can have its schedule cancelled."
            )
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can cancel a schedule.")
        locked.status = Status.DRAFT
        if never_live(locked):
            locked.first_published_at = None
            locked.updated_at = None
        locked.publish_at = None
        close_proposals(locked, user, "The schedule was cancelled.")
        return finish(locked, user, "articles.cancel_schedule", Status.PUBLISHED, reason)


def request_changes(article: Article, user, reason: str) -> Article:
    """Send a story in review back to its authors with the reviewer's reason."""
    reason = require_reason(reason, "Say what needs to change.")
    with transaction.atomic():
        locked = lock(article)
        require_state(locked, Status.IN_REVIEW, "Only an article in review can be sent back.")
        if not can_request_changes(user, locked):
            raise TransitionError("Only reviewers can request changes.")
        locked.status = Status.DRAFT
        return finish(locked, user, "articles.request_changes", Status.IN_REVIEW, reason)


def unpublish(article: Article, user, reason: str) -> Article:
    """Withdraw a published story; readers then get 410 Gone at its address."""
    reason = require_reason(reason, "Say why the article is unpublished.")
    with transaction.atomic():
        locked = lock(article)
        require_state(locked, Status.PUBLISHED, "Only a published article can be unpublished.")
        if not user.has_perm("articles.unpublish_article"):
            raise TransitionError("Only reviewers can unpublish articles.")
        if locked.is_scheduled or locked.is_embargoed:
            raise TransitionError(
                "This article is scheduled or under embargo, not live: cancel its schedule instead."
            )
        locked.status = Status.DRAFT
        locked.unpublished_at = timezone.now()
        locked.went_live_at = None
        close_proposals(locked, user, "The story was unpublished.")
        return finish(locked, user, "articles.unpublish", Status.PUBLISHED, reason)


def publish_correction(article: Article, user, text: str, kind: str) -> Correction:
    """Attach a public correction to a live story; the story stays published."""
    text = require_reason(text, "Write the correction readers will see.")
    if kind not in Correction.Kind.values:
        raise TransitionError("Choose a kind: correction, clarification, update or editor's note.")
    with transaction.atomic():
        locked = lock(article)
        if not locked.is_public:
            raise TransitionError("Corrections go on published articles only.")
        if not user.has_perm("articles.publish_correction"):
            raise TransitionError("Only reviewers can publish corrections.")
        correction = Correction.objects.create(
            article=locked, kind=kind, text=text, created_by=user, revision=revisions.latest(locked)
        )
        locked.updated_at = correction.created_at
        finish(locked, user, "articles.publish_correction", Status.PUBLISHED, text)
        return correction


def publish_due(*, now: datetime | None = None) -> list[Article]:
    """Log the go-live of every approved story readers may now see for the first time (its
    publish time has come, or its embargo has ended); return them.

    Readers see a story at that moment whether or not this runs (the `published()` queryset
    decides); this writes the event and purges caches. Safe to run every minute.
    """
    now = now or timezone.now()
    went_live = []
    with transaction.atomic():
        due = (
            Article.objects.select_for_update()
            .published(at=now)
            .filter(went_live_at__isnull=True)
            .order_by("publish_at")
        )
        for article in due:
            article.went_live_at = now
            article.unpublished_at = None
            article.save(update_fields=["went_live_at", "unpublished_at"])
            held_by_embargo = article.public_from != article.publish_at
            action = "articles.embargo_ended" if held_by_embargo else "articles.go_live"
            log_event(article, None, action, Status.PUBLISHED, "", publish_at=article.public_from)
            signals.announce_public_change(article, action)
            went_live.append(article)
    return went_live


def latest_change_request(article: Article) -> ArticleEvent | None:
    """Return the reviewer's request for changes that still stands on a draft, if any."""
    if article.status != Status.DRAFT:
        return None
    latest = article.events.exclude(action="articles.edit_in_review").first()
    if latest and latest.action == "articles.request_changes":
        return latest
    return None
