"""Predicates: plain answers the transitions check and the admin uses to choose its buttons."""

from django.conf import settings
from django.db.models import Max

from articles.models import Article, Revision
from articles.workflow.steps import Status


def is_author(user, article: Article) -> bool:
    """Say whether the user created the article or is in its byline."""
    if not user.is_authenticated:
        return False
    if article.created_by_id == user.pk:
        return True
    return article.bylines.filter(person__user=user).exists()


# Revisions whose content a reviewer approved; what was written before them has been reviewed.
APPROVALS = ("articles.approve", "articles.schedule", "articles.approve_update")


def writers_since_approval(article: Article) -> set[int]:
    """Return the ids of the accounts that wrote the content now up for approval.

    The creator, and for every save since the story's last approval, who saved it and the
    accounts linked to its byline at that moment, as recorded in the revisions. Nothing here
    reads today's links, so unlinking a person record later changes nothing.
    """
    revisions = article.revisions.exclude(kind=Revision.Kind.PROPOSED)
    last_approval = (
        revisions.filter(transition__in=APPROVALS).aggregate(last=Max("number"))["last"] or 0
    )
    return _writers_after(article, last_approval)


def writers_of_approved_content(article: Article) -> set[int]:
    """Return the ids of the accounts that wrote the story as it was last approved, or since.

    As `writers_since_approval`, counted from the approval before the last one: an approved
    story's embargo is the release of what its writers wrote, so they may not change it.
    """
    approvals = (
        article.revisions.exclude(kind=Revision.Kind.PROPOSED)
        .filter(transition__in=APPROVALS)
        .order_by("-number")
        .values_list("number", flat=True)[:2]
    )
    numbers = list(approvals)
    return _writers_after(article, numbers[1] if len(numbers) > 1 else 0)


def _writers_after(article: Article, number: int) -> set[int]:
    """The creator and the accounts recorded on every save after revision `number`."""
    revisions = article.revisions.exclude(kind=Revision.Kind.PROPOSED)
    writers = {article.created_by_id} - {None}
    for authors in revisions.filter(number__gt=number).values_list("authors", flat=True):
        writers.update(authors)
    return writers


def wrote_current_content(user, article: Article) -> bool:
    """Say whether the user wrote any of the content up for approval (the four-eyes rule)."""
    return user.pk in writers_since_approval(article)


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
    """Say whether the user may approve a proposed update: a reviewer who neither wrote it nor
    is in the story's byline (then, as the proposal recorded it, or now)."""
    if proposal.status != proposal.Status.PENDING or not user.has_perm("articles.approve_article"):
        return False
    if not settings.NEWSROOM_FOUR_EYES:
        return True
    wrote = proposal.proposed_by_id == user.pk or user.pk in proposal.revision.authors
    return not wrote and not proposal.article.bylines.filter(person__user=user).exists()


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


def can_cancel_schedule(user, article: Article) -> bool:
    """Reviewers may take back an approved story readers cannot see yet (scheduled, or under
    embargo)."""
    return (article.is_scheduled or article.is_embargoed) and user.has_perm(
        "articles.approve_article"
    )


def can_change_embargo(user, article: Article) -> bool:
    """Say whether the user may lift or extend the running embargo of an approved story: a
    reviewer who wrote none of it (the four-eyes rule, as for approval)."""
    return (
        article.is_embargoed
        and user.has_perm("articles.approve_article")
        and not (settings.NEWSROOM_FOUR_EYES and user.pk in writers_of_approved_content(article))
    )


def can_unpublish(user, article: Article) -> bool:
    return article.is_public and user.has_perm("articles.unpublish_article")


def can_publish_correction(user, article: Article) -> bool:
    return article.is_public and user.has_perm("articles.publish_correction")


def can_preview(user, article: Article) -> bool:
    """Staff who may edit the story, or review it, may preview it."""
    return can_edit(user, article) or (
        user.is_authenticated and user.has_perm("articles.approve_article")
    )


def can_lock(user, article: Article) -> bool:
    """Reviewers may lock a story nobody holds, so that only they can save it."""
    return article.locked_by_id is None and user.has_perm("articles.approve_article")


def can_unlock(user, article: Article) -> bool:
    """Whoever locked a story unlocks it."""
    return article.locked_by_id is not None and article.locked_by_id == user.pk


def can_break_lock(user, article: Article) -> bool:
    """Superusers may break someone else's lock (with a reason, which is logged)."""
    return (
        article.locked_by_id is not None
        and article.locked_by_id != user.pk
        and user.is_active
        and user.is_superuser
    )


def available_actions(user, article: Article) -> list[str]:
    """Name the transitions the user may make on the article now, in the order to show them."""
    checks = [
        ("submit", can_submit),
        ("approve", can_approve),
        ("schedule", can_approve),
        ("request_changes", can_request_changes),
        ("reschedule", can_reschedule),
        ("cancel_schedule", can_cancel_schedule),
        ("unpublish", can_unpublish),
        ("publish_correction", can_publish_correction),
    ]
    return [name for name, allowed in checks if allowed(user, article)]


def breaks_four_eyes(user, article: Article) -> bool:
    return settings.NEWSROOM_FOUR_EYES and wrote_current_content(user, article)
