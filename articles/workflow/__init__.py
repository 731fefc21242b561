"""The editorial workflow: the only code that changes an article's status or content.

Every transition has one shape: lock the row, check the state, check the permission, change the
fields, validate, save, log an event, and purge caches once the transaction commits. Every
content change goes through `save_content` (saving.py). Views, the admin, commands and the
demo call these functions, so each path refuses exactly the same things.
"""

from articles.workflow.embargoes import check_embargo, extend_embargo, lift_embargo
from articles.workflow.locks import break_lock, lock, unlock
from articles.workflow.predicates import (
    available_actions,
    breaks_four_eyes,
    can_approve,
    can_break_lock,
    can_cancel_schedule,
    can_change_embargo,
    can_edit,
    can_lock,
    can_preview,
    can_propose_update,
    can_publish_correction,
    can_request_changes,
    can_reschedule,
    can_review_update,
    can_submit,
    can_unlock,
    can_unpublish,
    is_author,
    wrote_current_content,
)
from articles.workflow.saving import (
    SaveResult,
    StaleEdit,
    check_version,
    is_proposal,
    propose_update,
    return_to_draft_after_edit,
    save_article,
    save_content,
)
from articles.workflow.steps import (
    Status,
    TransitionError,
    display_name,
    lock_notice,
    require_unlocked,
)
from articles.workflow.transitions import (
    approve,
    cancel_schedule,
    latest_change_request,
    publish_correction,
    publish_due,
    request_changes,
    reschedule,
    submit,
    unpublish,
)
from articles.workflow.updates import approve_update, restore, return_update

__all__ = [
    "SaveResult",
    "StaleEdit",
    "Status",
    "TransitionError",
    "approve",
    "approve_update",
    "available_actions",
    "break_lock",
    "breaks_four_eyes",
    "can_approve",
    "can_break_lock",
    "can_cancel_schedule",
    "can_change_embargo",
    "can_edit",
    "can_lock",
    "can_preview",
    "can_propose_update",
    "can_publish_correction",
    "can_request_changes",
    "can_reschedule",
    "can_review_update",
    "can_submit",
    "can_unlock",
    "can_unpublish",
    "cancel_schedule",
    "check_embargo",
    "check_version",
    "display_name",
    "extend_embargo",
    "is_author",
    "is_proposal",
    "latest_change_request",
    "lift_embargo",
    "lock",
    "lock_notice",
    "propose_update",
    "publish_correction",
    "publish_due",
    "request_changes",
    "require_unlocked",
    "reschedule",
    "restore",
    "return_to_draft_after_edit",
    "return_update",
    "save_article",
    "save_content",
    "submit",
    "unlock",
    "unpublish",
    "wrote_current_content",
]
