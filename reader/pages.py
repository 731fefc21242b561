"""Each story's public page, built when the story changes and only read when a reader asks.

Publishing is rare and reading constant, so the work goes where it is rare. When a public story
changes (`articles.signals.public_article_changed`, after commit), `story_changed` purges what
showed it and a background task (`reader.tasks.rebuild_page`) builds its `PublicPage`: the
rendered head and story markup (byline, body, hero image, quotes, corrections, structured
data), its related-story ids, its first author, and the surrogate keys of the listings it is
on. It then refreshes the related lists of the stories closest to it, which it may have joined
or left.

A reader's request reads the page with the story in one query, and the related and "more
from" cards in two more, each filtered through `published()`, so a withdrawn story leaves
every list at once. A page missing or older than its story (the task has not run yet) is
built in the request, once.
"""

import logging

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from articles.models import Article, Byline, PublicPage
from reader import cache, related, renditions, selectors, structured_data

logger = logging.getLogger(__name__)

NEIGHBOURS = 20  # stories whose related lists a change may touch, closest first
BATCH = 200  # stories fetched at once when many pages are built


def article_key(pk: int) -> str:
    return f"article-{pk}"


def keys_of(article: Article) -> set[str]:
    """Return the surrogate keys of everything that shows `article`: its page and every listing
    it is on (uses the prefetched tags, byline, people and quotes)."""
    keys = {article_key(article.pk), "front", "feeds", "sitemaps", "search", "api"}
    if article.section_id:
        keys.add(f"section-{article.section_id}")
    keys |= {f"tag-{tag.pk}" for tag in article.tags.all()}
    keys |= {f"entity-{person.pk}" for person in article.authors}
    keys |= {f"entity-{entity.pk}" for entity in article.people_mentioned.all()}
    keys |= {f"entity-{entity.pk}" for entity in article.organizations_mentioned.all()}
    keys |= {f"entity-{quote.speaker.pk}" for quote in article.quotes.all() if quote.speaker}
    if article.corrections.all():
        keys.add("corrections")
    return keys


def page_context(article: Article, *, preview: bool = False) -> dict:
    """What the story's head and body markup show (the article fetched with its page data)."""
    return {
        "article": article,
        "authors": article.authors,
        "pull_quotes": [quote for quote in article.quotes.all() if quote.is_pull_quote],
        "corrections": article.corrections.all(),
        "structured_data": structured_data.news_article(article),
        "share_image": renditions.share_image(article.hero_image),
        "preview": preview,
        "publication_name": settings.NEWSROOM_PUBLICATION_NAME,
        "site_url": settings.NEWSROOM_SITE_URL,
    }


def build(pk: int) -> PublicPage | None:
    """Build and store the page of story `pk` when it is published (or scheduled); delete any
    stored page of a story that is not. Idempotent."""
    article = selectors.article_for_page(pk)
    if article is None or article.status != Article.Status.PUBLISHED:
        PublicPage.objects.filter(article_id=pk).delete()
        return None
    return _store(article, _page_fields(article))


def build_many(ids: list[int]) -> int:
    """Build the pages of many stories, fetching them a batch at a time (`build_pages`, and
    rebuilding after a rename); return how many were built."""
    built = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        stories = selectors.articles_for_pages(batch)
        public = [story for story in stories if story.status == Article.Status.PUBLISHED]
        PublicPage.objects.filter(article_id__in=set(batch) - {s.pk for s in public}).delete()
        for article in public:
            _store(article, _page_fields(article))
        built += len(public)
    return built


def _page_fields(article: Article) -> dict:
    context = page_context(article)
    authors = article.authors
    return {
        "version": article.version,
        "head": render_to_string("articles/_page_head.html", context),
        "story": render_to_string("articles/_page_story.html", context),
        "card": render_to_string("includes/article_card.html", {"article": article}),
        "related_ids": [story for story, _ in related.ranked_ids(article)],
        "more_from_ids": _more_from(article.pk, authors[0].pk) if authors else [],
        "first_author_id": authors[0].pk if authors else None,
        "first_author_name": authors[0].name if authors else "",
        "keys": sorted(keys_of(article)),
        "built_at": timezone.now(),
    }


def _store(article: Article, fields: dict) -> PublicPage:
    """Save the page unless a build of a newer version got there first."""
    page = PublicPage(article=article, **fields)
    try:
        with transaction.atomic():
            page.save(force_insert=True)
    except IntegrityError:  # built already: replace it, unless it is newer
        PublicPage.objects.filter(article=article, version__lte=page.version).update(**fields)
    return page


def current(article: Article) -> PublicPage | None:
    """Return the stored page of a public `article` (fetched with `selectors.article_to_read`),
    building it first when it is missing or older than the story."""
    try:
        page = article.public_page
    except ObjectDoesNotExist:
        page = None
    if page is None or page.version != article.version:
        logger.info("Building the page of story %s in a reader's request", article.pk)
        page = build(article.pk)
    return page


def refresh_related(pk: int) -> bool:
    """Rank story `pk`'s related stories again; if its list changed, store it and purge its
    page. Return whether it changed."""
    article = Article.objects.filter(pk=pk).only("pk", "section_id", "publish_at").first()
    if article is None:
        return False
    ids = [story for story, _ in related.ranked_ids(article)]
    changed = PublicPage.objects.filter(article_id=pk).exclude(related_ids=ids)
    if not changed.update(related_ids=ids):
        return False
    cache.purge([article_key(pk)])
    return True


def neighbours_of(pk: int) -> list[int]:
    """Return the public stories closest to story `pk`, whose related lists it may now join or
    have left (the score is symmetric), at most `NEIGHBOURS`."""
    article = Article.objects.filter(pk=pk).only("pk", "section_id", "publish_at").first()
    if article is None:
        return []
    return related.neighbours(article, limit=NEIGHBOURS)


def cards(ids: list[int]) -> dict[int, str]:
    """Return the stored card markup of these stories (one query; the caller has checked
    they are public). A story whose page is not built yet, or was built from an older version
    of it, has none."""
    current = PublicPage.objects.filter(article_id__in=ids, version=F("article__version"))
    return dict(current.exclude(card="").values_list("article", "card"))


def cards_for(ids: list[int]) -> dict[int, str]:
    """Return card markup for these public stories: the stored cards, and for any story whose
    page is not built yet, a card rendered now."""
    found = cards(ids)
    missing = [pk for pk in ids if pk not in found]
    if missing:
        for article in selectors.listing(missing):
            found[article.pk] = render_to_string("includes/article_card.html", {"article": article})
    return found


def stored_keys(pk: int) -> set[str]:
    """Return the surrogate keys story `pk`'s stored page was built with (what it was on)."""
    keys = PublicPage.objects.filter(article_id=pk).values_list("keys", flat=True).first()
    return set(keys or ())


MORE_FROM = 4  # other stories by the first author on a story's page
AUTHOR_PAGES = 10  # an author's latest stories whose "more from" lists a new story refreshes


def _latest_by(author_id: int, count: int) -> list[int]:
    return list(
        Article.objects.published()
        .filter(bylines__person_id=author_id)
        .order_by("-publish_at", "-id")
        .values_list("pk", flat=True)[:count]
    )


def _more_from(pk: int, author_id: int) -> list[int]:
    """The ids of the author's latest other public stories (one query)."""
    return [other for other in _latest_by(author_id, MORE_FROM + 1) if other != pk][:MORE_FROM]


def refresh_more_from(pk: int) -> int:
    """After story `pk` changed, refresh the "more from" lists of its first author's latest
    stories (a new story joins them, a withdrawn one leaves); purge the pages whose list
    changed and return how many did."""
    author_id = (
        Byline.objects.filter(article=pk)
        .order_by("position", "id")
        .values_list("person", flat=True)
    ).first()
    if author_id is None:
        return 0
    latest = _latest_by(author_id, max(AUTHOR_PAGES, MORE_FROM + 1))
    changed = []
    for page in PublicPage.objects.filter(article_id__in=latest[:AUTHOR_PAGES]).only(
        "article_id", "more_from_ids"
    ):
        wanted = [other for other in latest if other != page.article_id][:MORE_FROM]
        if page.more_from_ids != wanted:
            page.more_from_ids = wanted
            changed.append(page)
    PublicPage.objects.bulk_update(changed, ["more_from_ids"])
    cache.purge(article_key(page.article_id) for page in changed)
    return len(changed)
