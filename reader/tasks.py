"""The public site's background work, run by `manage.py db_worker` (django-tasks), never in a
reader's request: building a changed story's page and refreshing the related lists of the
stories closest to it.

Tasks are idempotent (running one twice leaves the same pages) and retried
(`articles.background.retry`).
"""

import logging

from django.core.cache import cache as django_cache
from django.db import transaction
from django.db.models import Q
from django_tasks import task

from articles.background import retry
from articles.models import Article
from reader import cache, pages, selectors
from reader.context_processors import NAVIGATION_KEY

logger = logging.getLogger(__name__)


def story_changed(sender, article, **kwargs) -> None:
    """Receiver of `public_article_changed` (sent after commit): purge every page that showed
    the story, before and after the change, then rebuild its page in the background."""
    fresh = selectors.article_for_page(article.pk)
    old = pages.stored_keys(article.pk)
    never_public = (
        fresh is not None
        and fresh.status != fresh.Status.PUBLISHED
        and fresh.first_published_at is None
    )
    if never_public and not old:
        return  # a draft readers have never seen: no page shows it
    keys = pages.keys_of(fresh) if fresh is not None else {pages.article_key(article.pk)}
    cache.purge(keys | old)
    rebuild_page.enqueue(article.pk)


@task()
def rebuild_page(article_id: int, attempt: int = 1) -> None:
    """Build story `article_id`'s page, then refresh the related lists of its neighbours."""
    try:
        pages.build(article_id)
        refreshed = sum(pages.refresh_related(pk) for pk in pages.neighbours_of(article_id))
        refreshed += pages.refresh_more_from(article_id)
    except Exception:
        retry(rebuild_page, article_id, attempt=attempt)
        return
    logger.info("Built the page of story %s; %s other lists changed", article_id, refreshed)


def entity_changed(sender, instance, **kwargs) -> None:
    """Receiver of a person's or organization's save or deletion: rebuild the pages of the
    public stories that show their name (byline, mentions, quotes) and purge their own page."""
    shows = Q(bylines__person=instance.pk) if sender.__name__ == "Person" else Q()
    field = "people_mentioned" if sender.__name__ == "Person" else "organizations_mentioned"
    speaker = (
        "quotes__speaker_person"
        if sender.__name__ == "Person"
        else ("quotes__speaker_organization")
    )
    shows |= Q(**{field: instance.pk}) | Q(**{speaker: instance.pk})
    _rebuild_after_commit(Article.objects.filter(shows), [f"entity-{instance.pk}"])


def tag_changed(sender, instance, **kwargs) -> None:
    """Receiver of a tag's save or deletion: rebuild the pages of its stories."""
    stories = Article.objects.filter(tagged_items__tag=instance.pk)
    _rebuild_after_commit(stories, [f"tag-{instance.pk}"])


def section_changed(sender, instance, **kwargs) -> None:
    """Receiver of a section's save or deletion: its name is in every page's navigation and in
    its stories' pages."""
    stories = Article.objects.filter(section=instance.pk)
    transaction.on_commit(lambda: django_cache.delete(NAVIGATION_KEY))
    _rebuild_after_commit(stories, [cache.EVERY_PAGE])


def _rebuild_after_commit(stories, keys: list[str]) -> None:
    ids = list(
        stories.filter(status=Article.Status.PUBLISHED).order_by().values_list("pk", flat=True)
    )
    ids = sorted(set(ids))

    def after_commit():
        cache.purge(keys)
        if ids:
            rebuild_pages.enqueue(ids)

    transaction.on_commit(after_commit)


@task()
def rebuild_pages(article_ids: list[int], attempt: int = 1) -> None:
    """Build these stories' pages again (a name they show changed) and purge each."""
    try:
        pages.build_many(article_ids)
        cache.purge(pages.article_key(pk) for pk in article_ids)
    except Exception:
        retry(rebuild_pages, article_ids, attempt=attempt)
