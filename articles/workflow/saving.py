"""Saving an article's content: the one way a story's text, byline, tags, quotes or links change.

The admin form, the copy desk's one-click accept, wire import, restoring a revision, approving a
proposed update, the demo loader and code calling in all come through `save_content`. It

1. locks the row and refuses a missing or stale version (no lost updates: two editors open a
   story, the second to save must see the first one's changes before saving over them);
2. turns an edit of a live story by someone who may not publish into a proposed update, which
   readers do not see until a reviewer approves it;
3. otherwise applies the change (an embargo time only in the future, and only before
   approval: `embargoes.check_embargo`), moves the public "updated" time of a live story,
   bumps the version (`steps.store`, the only place it moves), and records the revision with
   its user;
4. sends a story in review back to draft when its content changed, so what is approved is what
   was reviewed (setting `NEWSROOM_REAPPROVE_ON_EDIT`);
5. keeps the address a story readers have seen is leaving as a former address
   (`articles.addresses`), and refuses a slug another story used to have;
6. after the commit, re-indexes search, recounts copy-desk findings and tells the public site.

How a change is applied is the caller's business (`apply` writes the fields and relations);
when and whether it may be applied is decided here, once.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles import addresses, revisions, signals
from articles.models import Article, Byline, Revision, UpdateProposal
from articles.workflow.embargoes import check_embargo
from articles.workflow.predicates import can_edit, can_propose_update
from articles.workflow.steps import (
    Status,
    TransitionError,
    finish,
    lock,
    log_event,
    require_unlocked,
    store,
)
from people.accounts import person_for_account

Apply = Callable[[Article], None]


class StaleEdit(TransitionError):
    """Someone saved the story after this editor loaded it."""

    def __init__(self, article: Article, loaded_version: int):
        self.article = article
        self.loaded_version = loaded_version
        self.current_version = article.version
        loaded = revisions.at_version(article, loaded_version)
        current = revisions.latest(article)
        self.changed_by = current.created_by if current else None
        self.changed_at = current.created_at if current else article.modified_at
        self.changes = revisions.diff(loaded.content, current.content) if loaded and current else []
        who = self.changed_by.get_username() if self.changed_by else "someone else"
        super().__init__(
            f"{who} saved this story after you opened it. Your changes are still in the form: "
            "compare them with theirs below, merge, and save again."
        )


@dataclass(frozen=True)
class SaveResult:
    """What became of a save: a new revision of the story, or a proposed update."""

    article: Article
    revision: Revision | None = None
    proposal: UpdateProposal | None = None
    back_to_draft: bool = False

    @property
    def notice(self) -> str:
        """Return what the editor should be told beyond "saved" (empty when nothing)."""
        if self.proposal is not None:
            return (
                "Your change is saved as a proposed update. Readers keep seeing the published "
                "version until a reviewer approves it."
            )
        if self.back_to_draft:
            return (
                "The story changed during review, so it is back in draft: submit it again so a "
                "reviewer approves what they read."
            )
        return ""


def is_proposal(user, article: Article) -> bool:
    """Say whether the user's edit of this article becomes a proposed update for review."""
    return (
        article.status == Status.PUBLISHED
        and not user.has_perm("articles.change_published_article")
        and can_propose_update(user, article)
    )


def check_version(article: Article, loaded_version: int | None) -> Article:
    """Lock the article's row and return it; raise StaleEdit unless it is at `loaded_version`.

    Forms call this while validating, so a stale save comes back with the editor's typing and
    the other editor's changes; the lock then holds until the form's transaction ends.
    """
    if loaded_version is None:
        raise TransitionError(
            "This change does not say which version of the story it was made on. Reload the "
            "story and make it again."
        )
    locked = lock(article)
    if locked.version != loaded_version:
        raise StaleEdit(locked, loaded_version)
    return locked


def save_content(
    article: Article,
    user,
    apply: Apply,
    *,
    expected_version: int | None = None,
    kind: str = Revision.Kind.SAVED,
    based_on: Revision | None = None,
    action: str = "",
    comment: str = "",
    author=None,
    writer_in_byline: bool = False,
    override_reason: str = "",
) -> SaveResult:
    """Apply a change to an article's content as described in this module; return the outcome.

    `apply(article)` writes the change (fields and relations) to the database. A new article
    (no primary key yet) needs no version. `action` logs an event with `comment` (a restore, an
    approved update); `author` is who wrote the change when it is not `user`. With
    `writer_in_byline`, a new story's writer becomes its first author (a staff member writing
    in the admin), with a person record made for their account on first use.
    """
    with transaction.atomic():
        if article.pk is None:
            return _create(article, user, apply, writer_in_byline=writer_in_byline)
        locked = check_version(article, expected_version)
        require_unlocked(locked, user)
        if is_proposal(user, locked):
            return SaveResult(locked, proposal=_propose(article, user, apply, comment))
        if not can_edit(user, locked):
            raise TransitionError("You may not edit this article.")
        apply(article)
        check_embargo(locked, article.embargo_until)
        if article.slug != locked.slug:
            addresses.check_slug_free(article.slug, article_id=article.pk)
        content = revisions.snapshot(article)
        previous = revisions.latest(locked)
        content_changed = previous is None or previous.content != content
        # The embargo is released with the story, so a reviewer approves it too.
        edited = (
            content_changed
            or article.slug != locked.slug
            or article.embargo_until != locked.embargo_until
        )
        article.last_edited_by = author or user
        if edited and locked.is_public:
            article.updated_at = timezone.now()
        store(article, version=locked.version)
        addresses.record_move(article, previous=addresses.public_address(locked))
        revision = revisions.record(
            article, user, kind=kind, based_on=based_on, content=content, transition=action,
            written_by=author or user, changed=content_changed,
        )  # fmt: skip
        if action:
            log_event(
                article, user, action, locked.status, comment, override_reason=override_reason
            )
        if locked.status == Status.PUBLISHED:
            signals.announce_public_change(article, action or "")
        back_to_draft = False
        if edited and locked.status == Status.IN_REVIEW:
            article = return_to_draft_after_edit(article, user)
            back_to_draft = article.status == Status.DRAFT
        return SaveResult(article, revision, back_to_draft=back_to_draft)


def _create(article: Article, user, apply: Apply, *, writer_in_byline: bool) -> SaveResult:
    # No user means the operator at the shell (`import_wire` without --user), not a web request.
    if user is not None and not user.has_perm("articles.add_article"):
        raise TransitionError("You may not create articles.")
    article.created_by = article.created_by or user
    article.last_edited_by = user
    apply(article)
    check_embargo(None, article.embargo_until)
    addresses.check_slug_free(article.slug, article_id=article.pk)
    if writer_in_byline and user is not None:
        put_first_in_byline(article, person_for_account(user))
    return SaveResult(article, revisions.record(article, user, written_by=user))


def put_first_in_byline(article: Article, person) -> None:
    """Make `person` the article's first author, unless they are in its byline already."""
    if article.bylines.filter(person=person).exists():
        return
    article.bylines.update(position=F("position") + 1)
    Byline.objects.create(article=article, person=person, position=0)


def _propose(article: Article, user, apply: Apply, comment: str) -> UpdateProposal:
    """Apply the change where nobody sees it, take its snapshot, undo it, and propose that."""
    savepoint = transaction.savepoint()
    apply(article)
    content = revisions.snapshot(article)
    transaction.savepoint_rollback(savepoint)
    return propose_update(article, user, content, comment)


def propose_update(article: Article, user, content: dict, comment: str = "") -> UpdateProposal:
    """Save a change to a live story as a proposal for review; readers keep the live version."""
    with transaction.atomic():
        locked = lock(article)
        require_unlocked(locked, user)
        if not can_propose_update(user, locked):
            raise TransitionError("You may not propose changes to this article.")
        revision = revisions.record(
            locked, user, kind=Revision.Kind.PROPOSED, content=content, written_by=user
        )
        proposal = UpdateProposal.objects.create(
            article=locked, revision=revision, proposed_by=user
        )
        log_event(locked, user, "articles.propose_update", locked.status, comment)
        return proposal


def return_to_draft_after_edit(article: Article, user) -> Article:
    """Send a story in review back to draft after its content changed, so what is approved
    is what was reviewed (setting NEWSROOM_REAPPROVE_ON_EDIT)."""
    if not settings.NEWSROOM_REAPPROVE_ON_EDIT:
        return article
    with transaction.atomic():
        locked = lock(article)
        if locked.status != Status.IN_REVIEW:
            return locked
        locked.status = Status.DRAFT
        return finish(
            locked, user, "articles.edit_in_review", Status.IN_REVIEW, "Content changed in review."
        )


def save_article(article: Article, user, *, expected_version: int, **fields) -> Article:
    """Change content fields (headline, body…) of an article from code; return it as saved.

    The same rules as the admin form: a stale `expected_version` raises StaleEdit, a live story
    edited by someone who may not publish becomes a proposed update.
    """
    unknown = set(fields) - set(revisions.TEXT_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")

    def apply(target: Article) -> None:
        for name, value in fields.items():
            setattr(target, name, value)
        target.full_clean(exclude=["hero_image", "slug"], validate_unique=False)
        target.save()

    current = Article.objects.get(pk=article.pk)
    return save_content(current, user, apply, expected_version=expected_version).article
