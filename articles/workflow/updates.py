"""Changes to live stories: the review of proposed updates, and restoring old revisions.

Both change content, so both go through `saving.save_content`, like every other edit.
"""

from django.db import transaction
from django.utils import timezone

from articles import checks, revisions
from articles.models import Article, Revision, UpdateProposal
from articles.workflow.predicates import can_review_update
from articles.workflow.saving import is_proposal, propose_update, save_content
from articles.workflow.steps import (
    Status,
    TransitionError,
    lock,
    log_event,
    require_override,
    require_reason,
)


def approve_update(
    proposal: UpdateProposal, user, comment: str = "", *, override_reason: str = ""
) -> Article:
    """Apply a proposed update to the live story in one transaction (four-eyes applies).

    The copy desk reads the update first, as it reads a story before its first approval: a
    blocker in it needs `override_reason`, logged with the event.
    """
    standing = checks.blockers(
        checks.run_checks(checks.CheckInput.from_content(proposal.revision.content))
    )
    override_reason = require_override(
        standing, override_reason, found_in=" in this update", remedy="Send it back"
    )
    with transaction.atomic():
        locked = lock(proposal.article)
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
                "You wrote this update or are in the story's byline, so another reviewer must "
                "approve it (four-eyes rule)."
            )
        proposal.status = UpdateProposal.Status.APPROVED
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at"])
        saved = save_content(
            locked, user, lambda article: revisions.apply_content(article, proposal.revision.content),
            expected_version=proposal.revision.version, kind=Revision.Kind.APPLIED,
            based_on=proposal.revision, action="articles.approve_update", comment=comment,
            author=proposal.proposed_by, override_reason=override_reason,
        )  # fmt: skip
        return saved.article


def return_update(proposal: UpdateProposal, user, reason: str) -> UpdateProposal:
    """Send a proposed update back to its author with the reviewer's reason."""
    reason = require_reason(reason, "Say what needs to change.")
    with transaction.atomic():
        locked = lock(proposal.article)
        proposal = UpdateProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != UpdateProposal.Status.PENDING:
            raise TransitionError("This update has already been decided.")
        if not user.has_perm("articles.approve_article"):
            raise TransitionError("Only reviewers can send updates back.")
        proposal.status = UpdateProposal.Status.RETURNED
        proposal.decided_by, proposal.decided_at, proposal.reason = user, timezone.now(), reason
        proposal.save(update_fields=["status", "decided_by", "decided_at", "reason"])
        log_event(locked, user, "articles.return_update", locked.status, reason)
        return proposal


def restore(
    article: Article, revision: Revision, user, *, expected_version: int | None = None
) -> Article | UpdateProposal:
    """Bring back an earlier revision's content as a new revision (history is never rewritten).

    On a published story, a user who may not edit it directly gets a proposed update instead.
    `expected_version` is the version the user saw when choosing to restore.
    """
    if revision.article_id != article.pk:
        raise TransitionError("That revision belongs to another article.")
    if is_proposal(user, article):
        return propose_update(
            article, user, revision.content, f"Restore revision {revision.number}"
        )
    saved = save_content(
        article, user, lambda target: revisions.apply_content(target, revision.content),
        expected_version=expected_version,
        kind=Revision.Kind.RESTORED, based_on=revision, action="articles.restore",
        comment=f"Restored revision {revision.number}",
    )  # fmt: skip
    return saved.article
