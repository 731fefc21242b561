"""The fixed shape every transition shares: lock, check, change, validate, save, log, purge."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from articles import revisions, signals
from articles.models import Article, ArticleEvent, Revision, UpdateProposal

Status = Article.Status


class TransitionError(Exception):
    """A transition the user may not make, or the article's state does not allow."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def lock(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


def display_name(user) -> str:
    """Name a staff account as colleagues know it: its person record (the byline name), else
    its full name, else its username."""
    person = getattr(user, "person", None)
    if person is not None and person.name:
        return person.name
    return (user.get_full_name() or user.get_username()).strip()


def lock_notice(article: Article) -> str:
    """Say who holds the story's lock and since when (empty when nobody does)."""
    if article.locked_by_id is None:
        return ""
    who = display_name(article.locked_by) if article.locked_by else "someone"
    since = f"{timezone.localtime(article.locked_at):%H:%M}" if article.locked_at else "earlier"
    return f"Locked by {who} since {since}: only they can save it, or unlock it."


def require_unlocked(article: Article, user) -> None:
    """Refuse any change to a story someone else has locked (`articles.workflow.locks`).

    The one lock check: `save_content`, `propose_update` and every transition's `finish` call
    it on the row they hold locked, so a locked story changes only at its locker's hand.
    """
    if article.locked_by_id is not None and (user is None or article.locked_by_id != user.pk):
        raise TransitionError(lock_notice(article))


def require_state(article: Article, status: str, message: str) -> None:
    if article.status != status:
        raise TransitionError(f"{message} This one is {article.get_status_display().lower()}.")


def require_reason(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise TransitionError(message)
    return text


def close_proposals(article: Article, user, reason: str) -> None:
    """Send back every pending update of a story that is leaving publication."""
    article.proposals.filter(status=UpdateProposal.Status.PENDING).update(
        status=UpdateProposal.Status.RETURNED,
        decided_by=user,
        decided_at=timezone.now(),
        reason=reason,
    )


def release_times(article: Article) -> None:
    """Date an approved story at the moment readers will see it: its publish time, or its
    embargo's end when that is later. Its first publication (the date in its address) moves
    only while readers have never seen it."""
    if never_live(article):
        article.first_published_at = article.public_from
    article.updated_at = article.public_from


def never_live(article: Article) -> bool:
    """Say whether readers have never seen the story (its first publication is still ahead)."""
    return article.first_published_at is None or article.first_published_at > timezone.now()


def finish(
    article,
    user,
    action,
    from_status,
    comment,
    *,
    revision_kind=None,
    based_on=None,
    **event,
) -> Article:
    """Validate and store the changed article, record the revision, log the event (`event`:
    log_event's keywords), and announce the change once the transaction commits."""
    require_unlocked(article, user)
    try:
        article.full_clean(exclude=["hero_image"], validate_unique=False)
    except ValidationError as error:
        raise TransitionError(" ".join(error.messages)) from error
    store(article, version=article.version)
    revisions.record(
        article,
        user,
        kind=revision_kind or Revision.Kind.SAVED,
        transition=action,
        based_on=based_on,
    )
    log_event(article, user, action, from_status, comment, **event)
    signals.announce_public_change(article, action)
    return article


def require_override(
    standing: list, override_reason: str, *, found_in: str = "", remedy: str = "Fix them"
) -> str:
    """Refuse while the copy desk finds blockers and nobody gave a reason to approve anyway;
    return the reason, trimmed (it is logged with the approval)."""
    override_reason = (override_reason or "").strip()
    if standing and not override_reason:
        plural = "s" if len(standing) > 1 else ""
        raise TransitionError(
            f"The copy desk found {len(standing)} blocker{plural}{found_in} "
            f"(first: {standing[0].message}). {remedy}, or give a reason to approve anyway."
        )
    return override_reason


def store(article: Article, *, version: int) -> None:
    """Save the locked article as the version after `version`.

    The only place an article's version moves: every content save and every transition ends
    here, so a form loaded before either is refused as stale.
    """
    article.version = version + 1
    article.save()


def log_event(
    article,
    user,
    action,
    from_status,
    comment,
    *,
    publish_at=None,
    override_reason="",
    old_embargo_until=None,
    new_embargo_until=None,
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
        old_embargo_until=old_embargo_until,
        new_embargo_until=new_embargo_until,
    )
