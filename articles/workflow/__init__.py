"""The editorial workflow: the only code that changes an article's status.

Every transition has one shape: lock the row, check the state, check the permission, change the
fields, validate, save, log an event, and purge caches once the transaction commits. Views, the
admin and commands call these functions, so each path refuses exactly the same things.
"""

from articles.workflow.predicates import (
    available_actions,
    breaks_four_eyes,
    can_approve,
    can_edit,
    can_preview,
    can_propose_update,
    can_publish_correction,
    can_request_changes,
    can_reschedule,
    can_review_update,
    can_submit,
    can_unpublish,
    is_author,
    wrote_current_content,
)
from articles.workflow.steps import Status, TransitionError
from articles.workflow.transitions import (
    approve,
    cancel_schedule,
    latest_change_request,
    publish_correction,
    publish_due,
    request_changes,
    reschedule,
    return_to_draft_after_edit,
    submit,
    unpublish,
)
from articles.workflow.updates import approve_update, propose_update, restore, return_update

__all__ = [
    "Status",
    "TransitionError",
    "approve",
    "approve_update",
    "available_actions",
    "breaks_four_eyes",
    "can_approve",
    "can_edit",
    "can_preview",
    "can_propose_update",
    "can_publish_correction",
    "can_request_changes",
    "can_reschedule",
    "can_review_update",
    "can_submit",
    "can_unpublish",
    "cancel_schedule",
    "is_author",
    "latest_change_request",
    "propose_update",
    "publish_correction",
    "publish_due",
    "request_changes",
    "reschedule",
    "restore",
    "return_to_draft_after_edit",
    "return_update",
    "submit",
    "unpublish",
    "wrote_current_content",
]
