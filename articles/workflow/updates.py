"""Changes to live stories: proposed updates, their review, and restoring old revisions."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from articles import revisions
from articles.models import Article, Revision, UpdateProposal
from articles.workflow.predicates import can_edit, can_propose_update, can_review_update
from articles.workflow.steps import Status, TransitionError, finish, lock, log_event, require_reason


def propose_update(article: Article, user, content: dict, comment: str = "") -> UpdateProposal:
    """Save a change to a live story as a proposal for review; readers keep the live version."""
    with transaction.atomic():
        locked = lock(article)
        if not can_propose_update(user, locked):
            raise TransitionError("You may not propose changes to this article.")
        revision = revisions.record(locked, user, kind=Revision.Kind.PROPOSED, content=content)
        proposal = UpdateProposal.objects.create(
            article=locked, revision=revision, proposed_by=user
        )
        log_event(locked, user, "articles.propose_update", locked.status, comment)
        return proposal


def approve_update(proposal: UpdateProposal, user, comment: str = "") -> Article:
    """Apply a proposed update to the live story in one transaction (four-eyes applies)."""
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
                "You proposed this update, so another reviewer must approve it (four-eyes rule)."
            )
        revisions.apply_content(locked, proposal.revision.content)
        locked.last_edited_by = proposal.proposed_by
        locked.updated_at = timezone.now()
        proposal.status = UpdateProposal.Status.APPROVED
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at"])
        finish(
            locked, user, "articles.approve_update", Status.PUBLISHED, comment,
            revision_kind=Revision.Kind.APPLIED, based_on=proposal.revision,
        )  # fmt: skip
        return locked


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
        locked = lock(article)
        if not can_edit(user, locked):
            raise TransitionError("You may not edit this article.")
        revisions.apply_content(locked, revision.content)
        locked.last_edited_by = user
        if locked.is_public:
            locked.updated_at = timezone.now()
        from_status = locked.status
        if locked.status == Status.IN_REVIEW and settings.NEWSROOM_REAPPROVE_ON_EDIT:
            locked.status = Status.DRAFT
        return finish(
            locked, user, "articles.restore", from_status, f"Restored revision {revision.number}",
            revision_kind=Revision.Kind.RESTORED, based_on=revision,
        )  # fmt: skip
