"""The workflow panel on the article change form: state, buttons, copy desk, history."""

from django.urls import reverse
from django.utils import timezone

from articles import checks, copydesk, presence, revisions, workflow
from articles.models import (
    Article,
    Correction,
    UpdateProposal,
)

ACTION_BUTTONS = {
    # name: (label, reason label, reason required, needs a time, needs a kind, primary)
    "submit": ("Submit for review", "Note for the reviewer (optional)", False, False, False, True),
    "approve": ("Approve and publish", "Comment (optional)", False, False, False, True),
    "schedule": ("Schedule…", "Comment (optional)", False, True, False, False),
    "request_changes": ("Request changes…", "What needs to change", True, False, False, False),
    "reschedule": ("Reschedule…", "Comment (optional)", False, True, False, False),
    "cancel_schedule": ("Cancel schedule…", "Why", True, False, False, False),
    "unpublish": ("Unpublish…", "Why (kept in the log)", True, False, False, False),
    "publish_correction": (
        "Publish correction…",
        "Correction text readers will see",
        True,
        False,
        True,
        False,
    ),
}


class WorkflowPanelMixin:
    """Give the change form its workflow panel (see templates/admin/articles/article/)."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None:
            extra_context = {
                **(extra_context or {}),
                "workflow": self.workflow_context(request, article),
                "presence": self.presence_context(request, article),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_context(self, request, article):
        user = request.user
        names = workflow.available_actions(user, article)
        actions = []
        for name in names:
            label, reason_label, required, needs_time, needs_kind, primary = ACTION_BUTTONS[name]
            actions.append(
                {
                    "name": name,
                    "label": label,
                    "reason_label": reason_label,
                    "reason_required": required,
                    "needs_time": needs_time,
                    "needs_kind": needs_kind,
                    "primary": primary,
                    "url": reverse("admin:articles_article_transition", args=[article.pk, name]),
                }
            )
        refusal = ""
        if article.status == Article.Status.IN_REVIEW and workflow.breaks_four_eyes(user, article):
            refusal = "You wrote or last edited this story, so another reviewer must approve it."
        can_preview = workflow.can_preview(user, article)
        reading = checks.CheckInput.from_article(article)
        findings = checks.run_checks(reading)
        return {
            "findings": findings,
            "quotes": copydesk.quotes_read(reading),
            "findings_by_severity": [
                (severity, [f for f in findings if f.severity == severity])
                for severity in ("blocker", "warning", "note")
                if any(f.severity == severity for f in findings)
            ],
            "has_blockers": any(f.severity == "blocker" for f in findings),
            "suggestions": copydesk.suggestions_for(article)
            if workflow.can_edit(user, article)
            else [],
            "suggestion_url": reverse("admin:articles_article_suggestion", args=[article.pk]),
            "state_label": self.status_label(article),
            "actions": actions,
            "refusal": refusal,
            "events": list(article.events.select_related("actor")[:15]),
            "change_request": workflow.latest_change_request(article),
            "correction_kinds": Correction.Kind.choices,
            "can_preview": can_preview,
            "can_share": can_preview and not article.is_public,
            "live_links": article.preview_links.filter(
                revoked_at__isnull=True, expires_at__gt=timezone.now()
            ).count(),
            "preview_url": reverse("admin:articles_article_preview", args=[article.pk]),
            "proposals": self.proposals_context(user, article),
            "embargo": self.embargo_context(user, article),
            "lock": self.lock_context(user, article),
            "returned_proposals": list(
                article.proposals.filter(status=UpdateProposal.Status.RETURNED, proposed_by=user)
                .filter(decided_at__gte=article.updated_at or article.created_at)
                .select_related("decided_by")
            ),
            "revisions": list(article.revisions.select_related("created_by")[:15]),
            "compare_url": reverse("admin:articles_article_compare", args=[article.pk]),
            "can_restore": workflow.can_edit(user, article)
            or workflow.can_propose_update(user, article),
            "share_url": reverse("admin:articles_article_share", args=[article.pk]),
            "revoke_url": reverse("admin:articles_article_revoke", args=[article.pk]),
        }

    def embargo_context(self, user, article):
        """What the embargo part of the panel shows (embargo_panel.html), or None when the
        story has no embargo still to run."""
        if article.embargo_until is None or article.embargo_until <= timezone.now():
            return None
        until = timezone.localtime(article.embargo_until)
        approved = article.status == Article.Status.PUBLISHED
        can_change = workflow.can_change_embargo(user, article)
        refusal = ""
        if approved and not can_change and user.has_perm("articles.approve_article"):
            refusal = (
                "You wrote or edited this story, so another reviewer must lift or extend its "
                "embargo."
            )
        return {
            "until": until,
            "label": f"{'Under embargo' if approved else 'Embargo set'} until "
            f"{until:%d %b %Y %H:%M}",
            "approved": approved,
            "can_change": can_change,
            "refusal": refusal,
            "earliest": f"{until:%Y-%m-%dT%H:%M}",
            "lift_url": reverse(
                "admin:articles_article_transition", args=[article.pk, "lift_embargo"]
            ),
            "extend_url": reverse(
                "admin:articles_article_transition", args=[article.pk, "extend_embargo"]
            ),
        }

    def lock_context(self, user, article):
        """What the lock part of the panel shows (lock_panel.html)."""
        mine = article.locked_by_id is not None and article.locked_by_id == user.pk
        notice = workflow.lock_notice(article)
        if mine:
            since = timezone.localtime(article.locked_at)
            notice = (
                f"You locked this story at {since:%H:%M}: nobody else can save it or move it "
                "through the workflow until you unlock it."
            )
        return {
            "locked": article.locked_by_id is not None,
            "mine": mine,
            "notice": notice,
            "can_lock": workflow.can_lock(user, article),
            "can_unlock": workflow.can_unlock(user, article),
            "can_break": workflow.can_break_lock(user, article),
            "lock_url": reverse("admin:articles_article_transition", args=[article.pk, "lock"]),
            "unlock_url": reverse("admin:articles_article_transition", args=[article.pk, "unlock"]),
            "break_url": reverse(
                "admin:articles_article_transition", args=[article.pk, "break_lock"]
            ),
        }

    def presence_context(self, request, article):
        """Mark the user as editing the story and say who else is (presence.html); None when
        they may not change it, so the page neither shows nor pings presence."""
        if not self.has_change_permission(request, article):
            return None
        page = presence.new_page()
        return {
            "others": presence.mark_present(article.pk, request.user, page=page),
            "page": page,
            "url": reverse("admin:articles_article_presence", args=[article.pk]),
            "ping_seconds": presence.PING_SECONDS,
        }

    def proposals_context(self, user, article):
        pending = list(
            article.proposals.filter(status=UpdateProposal.Status.PENDING).select_related(
                "revision", "proposed_by"
            )
        )
        if not pending:
            return []
        live = revisions.snapshot(article)
        return [
            {
                "proposal": proposal,
                "changes": revisions.diff(live, proposal.revision.content),
                "can_review": workflow.can_review_update(user, proposal),
                "url": reverse("admin:articles_article_proposal", args=[article.pk, proposal.pk]),
            }
            for proposal in pending
        ]
