"""The editorial workflow: the only code that changes an article's status.

Every transition has one shape: lock the row, check the state, check the permission, change the
fields, validate, save, log an event, and purge caches once the transaction commits. Views, the
admin and commands call these functions, so each path refuses exactly the same things.
"""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles import cache, checks, revisions
from articles.models import Article, ArticleEvent, Correction, Revision, UpdateProposal

Status = Article.Status


class TransitionError(Exception):
    """A transition the user may not make, or the article's state does not allow."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# Predicates: plain answers the admin also uses to decide which buttons to show.


def is_author(user, article: Article) -> bool:
    """Say whether the user created the article or is in its byline."""
    if not user.is_authenticated:
        return False
    if article.created_by_id == user.pk:
        return True
    return article.bylines.filter(person__user=user).exists()


def wrote_current_content(user, article: Article) -> bool:
    """Say whether the user last changed the text or is one of its authors (four-eyes rule)."""
    if article.last_edited_by_id == user.pk:
        return True
    return article.bylines.filter(person__user=user).exists()


def can_edit(user, article: Article) -> bool:
    """Say whether the user may change the article's content in its current state."""
    if not (user.is_authenticated and user.is_active and user.has_perm("articles.change_article")):
        return False
    if article.status == Status.PUBLISHED:
        return user.has_perm("articles.change_published_article")
    if user.has_perm("articles.change_any_article"):
        return True
    return article.status == Status.DRAFT and is_author(user, article)


def can_propose_update(user, article: Article) -> bool:
    """Reporters (their own stories) and editors may propose changes to a published story."""
    if article.status != Status.PUBLISHED or not user.has_perm("articles.change_article"):
        return False
    return user.has_perm("articles.change_any_article") or is_author(user, article)


def can_review_update(user, proposal) -> bool:
    return (
        proposal.status == proposal.Status.PENDING
        and user.has_perm("articles.approve_article")
        and not (settings.NEWSROOM_FOUR_EYES and proposal.proposed_by_id == user.pk)
    )


def can_submit(user, article: Article) -> bool:
    return (
        article.status == Status.DRAFT
        and user.has_perm("articles.submit_article")
        and can_edit(user, article)
    )


def can_approve(user, article: Article) -> bool:
    return (
        article.status == Status.IN_REVIEW
        and user.has_perm("articles.approve_article")
        and not breaks_four_eyes(user, article)
    )


def can_request_changes(user, article: Article) -> bool:
    return article.status == Status.IN_REVIEW and user.has_perm("articles.approve_article")


def can_reschedule(user, article: Article) -> bool:
    return article.is_scheduled and user.has_perm("articles.approve_article")


def can_unpublish(user, article: Article) -> bool:
    return article.is_public and user.has_perm("articles.unpublish_article")


def can_publish_correction(user, article: Article) -> bool:
    return article.is_public and user.has_perm("articles.publish_correction")


def can_preview(user, article: Article) -> bool:
    """Staff who may edit the story, or review it, may preview it."""
    return can_edit(user, article) or (
        user.is_authenticated and user.has_perm("articles.approve_article")
    )


def available_actions(user, article: Article) -> list[str]:
    """Name the transitions the user may make on the article now, in the order to show them."""
    checks = [
        ("submit", can_submit),
        ("approve", can_approve),
        ("schedule", can_approve),
        ("request_changes", can_request_changes),
        ("reschedule", can_reschedule),
        ("cancel_schedule", can_reschedule),
        ("unpublish", can_unpublish),
        ("publish_correction", can_publish_correction),
    ]
    return [name for name, allowed in checks if allowed(user, article)]


def breaks_four_eyes(user, article: Article) -> bool:
    return settings.NEWSROOM_FOUR_EYES and wrote_current_content(user, article)


# Transitions.


def submit(article: Article, user, comment: str = "") -> Article:
    """Send a draft to the review queue."""
    with transaction.atomic():
        locked = _lock(article)
        _require_state(locked, Status.DRAFT, "Only a draft can be submitted for review.")
        if not can_submit(user, locked):
            raise TransitionError("You may not submit this article for review.")
        locked.status = Status.IN_REVIEW
        locked.submitted_at = timezone.now()
        return _finish(locked, user, "articles.submit", Status.DRAFT, comment)


def approve(
    article: Article,
    user,
    publish_at: datetime | None = None,
    comment: str = "",
    *,
    override_reason: str = "",
) -> Article:
    """Publish a story in review now, or schedule it when `publish_at` is in the future.

    While the editorial checks find a blocker, approval needs `override_reason`, which is
    logged with the event.
    """
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(article)
        if locked.status == Status.PUBLISHED:
            raise TransitionError("This article is already published.")
        _require_state(locked, Status.IN_REVIEW, "Only an article in review can be approved.")
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can approve articles.")
        if breaks_four_eyes(user, locked):
            raise TransitionError(
                "You wrote or last edited this article, so another reviewer must approve it "
                "(four-eyes rule)."
            )
        override_reason = (override_reason or "").strip()
        standing = checks.blockers(checks.run_checks(locked))
        if standing and not override_reason:
            raise TransitionError(
                f"The copy desk found {len(standing)} blocker{'s' if len(standing) > 1 else ''} "
                f"(first: {standing[0].message}). Fix them, or give a reason to approve anyway."
            )
        moment = max(publish_at, now) if publish_at else now
        scheduled = moment > now
        locked.status = Status.PUBLISHED
        locked.publish_at = moment
        locked.first_published_at = locked.first_published_at or moment
        locked.updated_at = moment
        locked.went_live_at = None if scheduled else now
        if not scheduled:
            locked.unpublished_at = None  # a withdrawn story stays "gone" until it is live again
        action = "articles.schedule" if scheduled else "articles.approve"
        return _finish(
            locked, user, action, Status.IN_REVIEW, comment, publish_at=moment,
            override_reason=override_reason if standing else "",
        )  # fmt: skip


def reschedule(article: Article, user, publish_at: datetime, comment: str = "") -> Article:
    """Move a scheduled story to another future time."""
    with transaction.atomic():
        locked = _lock(article)
        if not locked.is_scheduled:
            raise TransitionError("Only a scheduled article can be rescheduled.")
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can reschedule articles.")
        if publish_at <= timezone.now():
            raise TransitionError("Choose a time in the future, or approve it to publish now.")
        locked.publish_at = publish_at
        if _never_live(locked):
            locked.first_published_at = publish_at
        locked.updated_at = publish_at
        return _finish(
            locked, user, "articles.reschedule", Status.PUBLISHED, comment, publish_at=publish_at
        )


def cancel_schedule(article: Article, user, reason: str) -> Article:
    """Take a scheduled story back to draft before it goes live."""
    reason = _require_reason(reason, "Say why the schedule is cancelled.")
    with transaction.atomic():
        locked = _lock(article)
        if not locked.is_scheduled:
            raise TransitionError("Only a scheduled article can have its schedule cancelled.")
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can cancel a schedule.")
        locked.status = Status.DRAFT
        if _never_live(locked):
            locked.first_published_at = None
            locked.updated_at = None
        locked.publish_at = None
        _close_proposals(locked, user, "The schedule was cancelled.")
        return _finish(locked, user, "articles.cancel_schedule", Status.PUBLISHED, reason)


def request_changes(article: Article, user, reason: str) -> Article:
    """Send a story in review back to its authors with the reviewer's reason."""
    reason = _require_reason(reason, "Say what needs to change.")
    with transaction.atomic():
        locked = _lock(article)
        _require_state(locked, Status.IN_REVIEW, "Only an article in review can be sent back.")
        if not can_request_changes(user, locked):
            raise TransitionError("Only reviewers can request changes.")
        locked.status = Status.DRAFT
        return _finish(locked, user, "articles.request_changes", Status.IN_REVIEW, reason)


def unpublish(article: Article, user, reason: str) -> Article:
    """Withdraw a published story; readers then get 410 Gone at its address."""
    reason = _require_reason(reason, "Say why the article is unpublished.")
    with transaction.atomic():
        locked = _lock(article)
        _require_state(locked, Status.PUBLISHED, "Only a published article can be unpublished.")
        if not user.has_perm("articles.unpublish_article"):
            raise TransitionError("Only reviewers can unpublish articles.")
        if locked.is_scheduled:
            raise TransitionError(
                "This article is scheduled, not live: cancel its schedule instead."
            )
        locked.status = Status.DRAFT
        locked.unpublished_at = timezone.now()
        locked.went_live_at = None
        _close_proposals(locked, user, "The story was unpublished.")
        return _finish(locked, user, "articles.unpublish", Status.PUBLISHED, reason)


def publish_correction(article: Article, user, text: str, kind: str) -> Correction:
    """Attach a public correction to a live story; the story stays published."""
    text = _require_reason(text, "Write the correction readers will see.")
    if kind not in Correction.Kind.values:
        raise TransitionError("Choose a kind: correction, clarification, update or editor's note.")
    with transaction.atomic():
        locked = _lock(article)
        if not locked.is_public:
            raise TransitionError("Corrections go on published articles only.")
        if not user.has_perm("articles.publish_correction"):
            raise TransitionError("Only reviewers can publish corrections.")
        correction = Correction.objects.create(
            article=locked, kind=kind, text=text, created_by=user, revision=revisions.latest(locked)
        )
        locked.updated_at = correction.created_at
        _finish(locked, user, "articles.publish_correction", Status.PUBLISHED, text)
        return correction


def return_to_draft_after_edit(article: Article, user) -> Article:
    """Send a story in review back to draft after its content changed, so what is approved
    is what was reviewed (setting NEWSROOM_REAPPROVE_ON_EDIT)."""
    if not settings.NEWSROOM_REAPPROVE_ON_EDIT:
        return article
    with transaction.atomic():
        locked = _lock(article)
        if locked.status != Status.IN_REVIEW:
            return locked
        locked.status = Status.DRAFT
        return _finish(
            locked, user, "articles.edit_in_review", Status.IN_REVIEW, "Content changed in review."
        )


def publish_due(*, now: datetime | None = None) -> list[Article]:
    """Log the go-live of every scheduled story whose time has come; return them.

    Readers see a story at its publish time whether or not this runs (the `published()`
    queryset decides); this writes the event and purges caches. Safe to run every minute.
    """
    now = now or timezone.now()
    went_live = []
    with transaction.atomic():
        due = (
            Article.objects.select_for_update()
            .filter(status=Status.PUBLISHED, publish_at__lte=now, went_live_at__isnull=True)
            .order_by("publish_at")
        )
        for article in due:
            article.went_live_at = now
            article.unpublished_at = None
            article.save(update_fields=["went_live_at", "unpublished_at"])
            _log(
                article,
                None,
                "articles.go_live",
                Status.PUBLISHED,
                "",
                publish_at=article.publish_at,
            )
            cache.purge_after_commit(article)
            went_live.append(article)
    return went_live


def propose_update(article: Article, user, content: dict, comment: str = "") -> UpdateProposal:
    """Save a change to a live story as a proposal for review; readers keep the live version."""
    with transaction.atomic():
        locked = _lock(article)
        if not can_propose_update(user, locked):
            raise TransitionError("You may not propose changes to this article.")
        revision = revisions.record(locked, user, kind=Revision.Kind.PROPOSED, content=content)
        proposal = UpdateProposal.objects.create(
            article=locked, revision=revision, proposed_by=user
        )
        _log(locked, user, "articles.propose_update", locked.status, comment)
        return proposal


def approve_update(proposal: UpdateProposal, user, comment: str = "") -> Article:
    """Apply a proposed update to the live story in one transaction (four-eyes applies)."""
    with transaction.atomic():
        locked = _lock(proposal.article)
        proposal = UpdateProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != UpdateProposal.Status.PENDING:
            raise TransitionError("This update has already been decided.")
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can approve updates to published articles.")
        if locked.status != Status.PUBLISHED:
            raise TransitionError(
                "The story is no longer published; send this update back instead."
            )
        if proposal.revision.version != locked.version:
            raise TransitionError(
                "The story has changed since this update was proposed, so approving it would undo "
                "those changes. Send it back so it can be redone on the current text."
            )
        if not can_review_update(user, proposal):
            raise TransitionError(
                "You proposed this update, so another reviewer must approve it (four-eyes rule)."
            )
        revisions.apply_content(locked, proposal.revision.content)
        locked.last_edited_by = proposal.proposed_by
        locked.updated_at = timezone.now()
        proposal.status = UpdateProposal.Status.APPROVED
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at"])
        _finish(
            locked, user, "articles.approve_update", Status.PUBLISHED, comment,
            revision_kind=Revision.Kind.APPLIED, based_on=proposal.revision,
        )  # fmt: skip
        return locked


def return_update(proposal: UpdateProposal, user, reason: str) -> UpdateProposal:
    """Send a proposed update back to its author with the reviewer's reason."""
    reason = _require_reason(reason, "Say what needs to change.")
    with transaction.atomic():
        locked = _lock(proposal.article)
        proposal = UpdateProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != UpdateProposal.Status.PENDING:
            raise TransitionError("This update has already been decided.")
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can send updates back.")
        proposal.status = UpdateProposal.Status.RETURNED
        proposal.decided_by, proposal.decided_at, proposal.reason = user, timezone.now(), reason
        proposal.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        _log(locked, user, "articles.return_update", locked.status, reason)
        return proposal


def restore(article: Article, revision: Revision, user) -> Article | UpdateProposal:
    """Bring back an earlier revision's content as a new revision (history is never rewritten).

    On a published story, a user who may not edit it directly gets a proposed update instead.
    """
    if revision.article_id != article.pk:
        raise TransitionError("That revision belongs to another article.")
    if article.status == Status.PUBLISHED and not user.has_perm(
        "articles.change_published_article"
    ):
        return propose_update(
            article, user, revision.content, f"Restore revision {revision.number}"
        )
    with transaction.atomic():
        locked = _lock(article)
        if not can_edit(user, locked):
            raise TransitionError("You may not edit this article.")
        revisions.apply_content(locked, revision.content)
        locked.last_edited_by = user
        if locked.is_public:
            locked.updated_at = timezone.now()
        from_status = locked.status
        if locked.status == Status.IN_REVIEW and settings.NEWSROOM_REAPPROVE_ON_EDIT:
            locked.status = Status.DRAFT
        return _finish(
            locked, user, "articles.restore", from_status, f"Restored revision {revision.number}",
            revision_kind=Revision.Kind.RESTORED, based_on=revision,
        )  # fmt: skip


def latest_change_request(article: Article) -> ArticleEvent | None:
    """Return the reviewer's request for changes that still stands on a draft, if any."""
    if article.status != Status.DRAFT:
        return None
    latest = article.events.exclude(action="articles.edit_in_review").first()
    if latest and latest.action == "articles.request_changes":
        return latest
    return None


# The shared shape.


def _lock(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


def _require_state(article: Article, status: str, message: str) -> None:
    if article.status != status:
        raise TransitionError(f"{message} This one is {article.get_status_display().lower()}.")


def _require_reason(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise TransitionError(message)
    return text


def _close_proposals(article: Article, user, reason: str) -> None:
    """Send back every pending update of a story that is leaving publication."""
    article.proposals.filter(status=UpdateProposal.Status.PENDING).update(
        status=UpdateProposal.Status.RETURNED,
        decided_by=user,
        decided_at=timezone.now(),
        reason=reason,
    )


def _never_live(article: Article) -> bool:
    """Say whether readers have never seen the story (its first publication is still ahead)."""
    return article.first_published_at is None or article.first_published_at > timezone.now()


def _finish(
    article,
    user,
    action,
    from_status,
    comment,
    *,
    publish_at=None,
    revision_kind=None,
    based_on=None,
    override_reason="",
) -> Article:
    try:
        article.full_clean(exclude=["hero_image"], validate_unique=False)
    except ValidationError as error:
        raise TransitionError(" ".join(error.messages)) from error
    article.version += 1  # the row is locked, so this is the stored version plus one
    article.save()
    revisions.record(
        article,
        user,
        kind=revision_kind or Revision.Kind.SAVED,
        transition=action,
        based_on=based_on,
    )
    _log(
        article,
        user,
        action,
        from_status,
        comment,
        publish_at=publish_at,
        override_reason=override_reason,
    )
    cache.purge_after_commit(article)
    return article


def _log(
    article, user, action, from_status, comment, *, publish_at=None, override_reason=""
) -> ArticleEvent:
    return ArticleEvent.objects.create(
        article=article,
        actor=user,
        action=action,
        from_status=from_status,
        to_status=article.status,
        comment=comment,
        publish_at=publish_at,
        override_reason=override_reason,
    )
