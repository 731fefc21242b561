"""Reads of the comment desk: a story's threads and their history, and who may read them."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from articles.models import Article
from articles.selectors import own_articles
from desk.models import Comment


def comments_visible_to(user) -> QuerySet:
    """Return the comments on the stories the user may open in the admin."""
    comments = Comment.objects.select_related("article", "author", "resolved_by")
    if user.has_perm("articles.change_any_article"):
        return comments
    return comments.filter(article__in=own_articles(Article.objects.all(), user).values("pk"))


def threads_for(article) -> list[Comment]:
    """Return the story's threads, oldest first, each with its `thread_replies` (one query
    for the comments, one for their mentions)."""
    comments = list(
        Comment.objects.filter(article=article)
        .select_related("author", "resolved_by")
        .prefetch_related("mentions")
    )
    threads = [comment for comment in comments if comment.parent_id is None]
    for thread in threads:
        thread.thread_replies = [c for c in comments if c.parent_id == thread.pk]
    return threads


@dataclass(frozen=True)
class Entry:
    """One line of the comment history."""

    at: datetime
    actor: object
    label: str
    comment: Comment


def history_of(threads: list[Comment]) -> list[Entry]:
    """Return what happened in the threads, newest first: posts, replies and resolutions."""
    entries = []
    for thread in threads:
        entries.append(Entry(thread.created_at, thread.author, "Commented", thread))
        for reply in thread.thread_replies:
            entries.append(Entry(reply.created_at, reply.author, "Replied", reply))
        if thread.resolved_at:
            entries.append(Entry(thread.resolved_at, thread.resolved_by, "Resolved", thread))
    return sorted(entries, key=lambda entry: entry.at, reverse=True)
