"""Writes to assignments: saving one, starting the story, changing its status.

Each service checks the permission, validates with `full_clean()` and saves in one
transaction. The admin calls them, so every path refuses exactly the same things. The story
itself is created by the editorial core's own save service (`articles.workflow.save_content`),
like a story written in the admin or imported from the wire.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from articles import workflow
from articles.models import Article
from articles.wire import unique_article_slug
from articles.workflow.saving import put_first_in_byline
from people.accounts import person_for_account
from planning.models import Assignment

MANAGE = "planning.change_any_assignment"


def can_manage(user) -> bool:
    """Say whether the user plans anyone's assignments (editors and reviewers)."""
    return user.has_perm(MANAGE)


def can_work_on(user, assignment: Assignment) -> bool:
    """Say whether the user may start the story or change the status: its assignee or a
    planner."""
    if can_manage(user):
        return True
    return assignment.assignee_id == user.pk and user.has_perm("planning.change_assignment")


def can_start_work(user, assignment: Assignment) -> bool:
    """Say whether the user may start the story now (the admin shows the button on this)."""
    return (
        assignment.article_id is None
        and assignment.status not in (Assignment.Status.CANCELLED, Assignment.Status.FILED)
        and can_work_on(user, assignment)
    )


def save_assignment(assignment: Assignment, *, user) -> Assignment:
    """Validate and save an assignment a planner wrote (new or changed)."""
    if not can_manage(user):
        raise PermissionDenied("Only editors and reviewers plan assignments.")
    with transaction.atomic():
        if assignment.pk is None:
            assignment.created_by = user
        assignment.full_clean()
        assignment.save()
    return assignment


def change_status(assignment: Assignment, *, user, status: str) -> Assignment:
    """Set the assignment's status (its assignee, or a planner)."""
    with transaction.atomic():
        locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if not can_work_on(user, locked):
            raise PermissionDenied("You may change the status of your own assignments only.")
        if status not in Assignment.Status.values:
            raise ValidationError({"status": "Choose a known status."}, code="status")
        locked.status = status
        locked.full_clean()
        locked.save(update_fields=["status"])
    return locked


def start_work(assignment: Assignment, *, user) -> Assignment:
    """Create the assignment's draft story (the assignee first in its byline) and put the
    assignment in progress."""
    with transaction.atomic():
        locked = (
            Assignment.objects.select_for_update().select_related("assignee").get(pk=assignment.pk)
        )
        if locked.article_id is not None:
            raise ValidationError("Work has started already: open the story.", code="started")
        if locked.status in (Assignment.Status.CANCELLED, Assignment.Status.FILED):
            raise ValidationError(
                f"This assignment is {locked.get_status_display().lower()}; nothing to start.",
                code="closed",
            )
        if not can_work_on(user, locked):
            raise PermissionDenied("Only the assignee or an editor may start this story.")
        draft = Article(
            headline=locked.slug_line,
            slug=unique_article_slug(locked.slug_line),
            standfirst=locked.brief[:600],
            section_id=locked.section_id,
            created_by=locked.assignee,  # the story is the assignee's, whoever starts it
        )

        def apply(article: Article) -> None:
            article.save()
            put_first_in_byline(article, person_for_account(locked.assignee))

        try:
            locked.article = workflow.save_content(draft, user, apply).article
        except workflow.TransitionError as error:
            raise ValidationError(error.message, code="not_created") from None
        locked.status = Assignment.Status.IN_PROGRESS
        locked.full_clean()
        locked.save(update_fields=["article", "status"])
    return locked
