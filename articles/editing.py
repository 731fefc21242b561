"""Saving an article's content: version checks (no lost updates), revisions, proposed updates.

Two editors open a story; the second to save must not overwrite the first unawares. Every form
carries the version it loaded; the save locks the row and compares it in the same transaction,
so there is no window between the check and the write.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles import revisions, signals, workflow
from articles.models import Article, Revision

Status = Article.Status


class StaleEdit(Exception):
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
        self.message = str(self)


def is_proposal(user, article: Article) -> bool:
    """Say whether the user's edit of this article becomes a proposed update for review."""
    return (
        article.status == Status.PUBLISHED
        and not user.has_perm("articles.change_published_article")
        and workflow.can_propose_update(user, article)
    )


def lock_current_version(article: Article, loaded_version: int) -> int:
    """Lock the article's row; raise StaleEdit unless it is still at `loaded_version`."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if locked.version != loaded_version:
        raise StaleEdit(locked, loaded_version)
    return locked.version


def record_save(article: Article, user, *, edited: bool) -> Revision:
    """After a direct save: store the revision, move the public "updated" time, purge caches."""
    if edited and article.is_public:
        Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
        article.refresh_from_db(fields=["updated_at"])
    revision = revisions.record(article, user)
    if article.status == Status.PUBLISHED:
        signals.announce_public_change(article)
    return revision


def save_article(article: Article, user, *, expected_version: int, **fields) -> Article:
    """Change content fields of a draft or story in review, refusing a stale version.

    The version check and the write are one conditional UPDATE, so two concurrent saves from
    the same version cannot both succeed.
    """
    if not workflow.can_edit(user, article) or article.status == Status.PUBLISHED:
        raise workflow.TransitionError("You may not edit this article.")
    unknown = set(fields) - set(revisions.TEXT_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        updated = Article.objects.filter(pk=article.pk, version=expected_version).update(
            version=F("version") + 1, last_edited_by=user, modified_at=timezone.now(), **fields
        )
        current = Article.objects.get(pk=article.pk)
        if not updated:
            raise StaleEdit(current, expected_version)
        current.full_clean(exclude=["hero_image", "slug"], validate_unique=False)
        revisions.record(current, user)
        if current.status == Status.IN_REVIEW:
            current = workflow.return_to_draft_after_edit(current, user)
        return current
