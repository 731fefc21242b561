"""Writes of the comment desk: post, resolve and reopen comments, and who may."""

import logging
import re

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles import workflow
from articles.models import Article
from desk.models import Comment
from desk.signals import comment_posted

logger = logging.getLogger(__name__)

# A Django username after an "@" that does not follow a word character (so no e-mail address).
MENTION = re.compile(r"(?<![\w.@+-])@([\w.@+-]+)")


def can_comment(user, article: Article) -> bool:
    """Say whether the user may read and write comments on the story: active staff with the
    comment permission who may open the story in the admin (editors and reviewers any story,
    reporters their own, as the article admin's list decides)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if not (user.has_perm("desk.add_comment") and user.has_perm("articles.view_article")):
        return False
    return user.has_perm("articles.change_any_article") or workflow.is_author(user, article)


def can_resolve(user, comment: Comment) -> bool:
    """Say whether the user may resolve or reopen the comment: its author, or an editor or
    reviewer of the story."""
    return can_comment(user, comment.article) and is_resolver(user, comment)


def is_resolver(user, comment: Comment) -> bool:
    """The part of `can_resolve` that follows from the comment, for a user who may comment."""
    if not user.has_perm("desk.change_comment"):
        return False
    return comment.author_id == user.pk or user.has_perm("articles.change_any_article")


def find_mentions(body: str, article: Article) -> list:
    """Return the active staff users the body mentions (@username) who may read the story;
    raise ValidationError naming every other mention."""
    names = {name.rstrip(".-") for name in MENTION.findall(body)} - {""}
    if not names:
        return []
    users = get_user_model().objects.filter(username__in=names, is_active=True, is_staff=True)
    found = {user.username: user for user in users}
    unknown = sorted(names - found.keys())
    if unknown:
        raise ValidationError(
            {"body": f"Nobody on the staff is called {', '.join('@' + n for n in unknown)}."},
            code="unknown_mention",
        )
    blind = sorted(name for name, user in found.items() if not can_comment(user, article))
    if blind:
        raise ValidationError(
            {"body": f"{', '.join('@' + n for n in blind)} cannot open this story."},
            code="mention_cannot_see",
        )
    return [found[name] for name in sorted(found)]


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def check_passage(passage: str, article: Article) -> str:
    """Return the passage, trimmed; raise ValidationError unless the body contains it (line
    breaks and runs of spaces count as one space)."""
    passage = passage.strip()
    if passage and _collapsed(passage) not in _collapsed(article.body):
        raise ValidationError(
            {"passage": "This passage is not in the story's body (it may have changed)."},
            code="passage_not_in_body",
        )
    return passage


def add_comment(article: Article, user, *, body: str, passage: str = "", parent=None) -> Comment:
    """Post a comment (or a reply to `parent`) on the story, with its mentions resolved, and
    send `comment_posted` once it commits. A reply to a reply joins its thread."""
    with transaction.atomic():
        # The passage is checked against the body as it stands now, not as the page showed it.
        article = Article.objects.select_for_update().get(pk=article.pk)
        if not can_comment(user, article):
            raise PermissionDenied("You may not comment on this story.")
        if parent is not None:
            if parent.article_id != article.pk:
                raise ValidationError("Reply to a comment on this story.", code="wrong_thread")
            parent = parent.parent or parent
        comment = Comment(
            article=article,
            author=user,
            parent=parent,
            body=body.strip(),
            passage=check_passage(passage, article),
        )
        comment.full_clean()
        mentioned = find_mentions(comment.body, article)
        comment.save()
        comment.mentions.set(mentioned)
        transaction.on_commit(lambda: _announce(comment, mentioned))
    return comment


def _announce(comment: Comment, mentioned: list) -> None:
    for receiver, result in comment_posted.send_robust(
        sender=Comment, comment=comment, mentioned_users=mentioned
    ):
        if isinstance(result, Exception):
            logger.error("comment_posted receiver %r failed", receiver, exc_info=result)


def resolve(comment: Comment, user) -> Comment:
    """Mark the comment resolved by the user."""
    return _set_resolved(comment, user, resolved=True)


def reopen(comment: Comment, user) -> Comment:
    """Mark a resolved comment open again."""
    return _set_resolved(comment, user, resolved=False)


def _set_resolved(comment: Comment, user, *, resolved: bool) -> Comment:
    with transaction.atomic():
        comment = Comment.objects.select_for_update().select_related("article").get(pk=comment.pk)
        if not can_resolve(user, comment):
            raise PermissionDenied("Only its author or the story's editors may do that.")
        if comment.parent_id is not None:
            raise ValidationError("Resolve or reopen the thread, not a reply.", code="reply")
        if comment.is_resolved == resolved:
            state = "resolved" if resolved else "open"
            raise ValidationError(f"This comment is already {state}.", code="unchanged")
        comment.resolved_at = timezone.now() if resolved else None
        comment.resolved_by = user if resolved else None
        comment.full_clean()
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment
