"""Reads for the syndication API: filters, keyset pages, related stories, tags.

Each read starts from the stories the caller may see (`syndication.access.visible_articles`)
and costs a fixed number of queries per page, whatever its size.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce, Greatest
from taggit.models import Tag

from articles.models import Article, Byline, TaggedArticle
from reader import search
from reader import selectors as reader_selectors

NEWEST = "newest"  # publish time, newest first: the default list
CHANGES = "changes"  # version time, oldest first: a `since` poll
ORDERINGS = {
    NEWEST: ("-publish_at", "-id"),
    CHANGES: ("version_time", "id"),
}
TAGS = "tags"


def version_time():
    """The time of a story's current public version: its last public update, never before its
    publish time (a scheduled story's version appears when it goes live, not when approved)."""
    return Greatest(Coalesce("updated_at", "publish_at"), "publish_at")


def with_item_data(queryset: QuerySet) -> QuerySet:
    """Fetch everything a ninjs item shows with the stories: section, byline, tags, people,
    organizations, quotes, corrections and the stored related ids (seven queries a page)."""
    return (
        reader_selectors.with_page_data(queryset)
        .select_related("public_page")
        .defer(
            "search_vector",
            "public_page__head",
            "public_page__story",
            "public_page__card",
            "public_page__keys",
        )
        .annotate(version_time=version_time())
    )


def filtered(
    queryset: QuerySet,
    *,
    section: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    kind: str | None = None,
    q: str | None = None,
    since: datetime | None = None,
) -> QuerySet:
    """Return the stories of `queryset` matching every filter given (slugs; `q` as the site's
    search understands it; `since`: a version at or after that time)."""
    if section:
        queryset = queryset.filter(section__slug=section)
    if tag:
        tagged = TaggedArticle.objects.filter(tag__slug=tag).values("content_object")
        queryset = queryset.filter(pk__in=tagged)
    if person:
        queryset = queryset.filter(_by_or_about(person))
    if kind:
        queryset = queryset.filter(kind=kind)
    if q:
        queryset = search.matching(queryset, q)
    if since is not None:
        queryset = queryset.filter(version_time__gte=since)
    return queryset


def _by_or_about(slug: str) -> Q:
    """Match stories whose byline names the person at `slug`, or that mention the person or
    organization at `slug`, without duplicate rows."""
    people = Article.people_mentioned.through.objects.filter(person__slug=slug)
    organizations = Article.organizations_mentioned.through.objects.filter(organization__slug=slug)
    return (
        Q(pk__in=Byline.objects.filter(person__slug=slug).values("article"))
        | Q(pk__in=people.values("article"))
        | Q(pk__in=organizations.values("article"))
    )


@dataclass
class StoryPage:
    """One page of stories, the sort key of the last one when more follow, and the public
    related stories they link to, by id."""

    stories: list[Article]
    next_key: tuple | None
    related: dict[int, Article]


def page_of(
    queryset: QuerySet, *, ordering: str, after: tuple | None, size: int, visible: QuerySet
) -> StoryPage:
    """Return the `size` stories of `queryset` that come after the sort key `after` in
    `ordering` (from the start without it), with their related stories among `visible`."""
    queryset = queryset.order_by(*ORDERINGS[ordering])
    if after is not None:
        queryset = queryset.filter(_after(ordering, *after))
    rows = list(queryset[: size + 1])
    stories = rows[:size]
    next_key = sort_key(stories[-1], ordering) if len(rows) > size else None
    ids = {pk for story in stories for pk in related_ids(story)}
    return StoryPage(stories, next_key, related_stories(visible, ids))


def sort_key(article: Article, ordering: str) -> tuple:
    if ordering == CHANGES:
        return (article.version_time, article.pk)
    return (article.publish_at, article.pk)


def _after(ordering: str, moment: datetime, pk: int) -> Q:
    if ordering == CHANGES:
        return Q(version_time__gt=moment) | Q(version_time=moment, pk__gt=pk)
    return Q(publish_at__lt=moment) | Q(publish_at=moment, pk__lt=pk)


def related_ids(article: Article) -> list[int]:
    """The related stories stored with the story's page (`reader.pages`, ranked when the story
    changed), or none while its page is not built."""
    try:
        page = article.public_page
    except ObjectDoesNotExist:
        return []
    return list(page.related_ids) if page is not None else []


def related_stories(visible: QuerySet, ids) -> dict[int, Article]:
    """Return the stories with these ids that the caller may see, by id (one query, none
    without ids)."""
    if not ids:
        return {}
    cards = visible.select_related(None).prefetch_related(None)
    return cards.only("id", "headline", "slug", "publish_at", "first_published_at").in_bulk(
        list(ids)
    )


def story(visible: QuerySet, pk: int) -> Article | None:
    """Return the story `pk` with everything its item shows, if the caller may see it."""
    return visible.filter(pk=pk).first()


def withdrawn_story(pk: int) -> Article | None:
    """Return story `pk` if it was public once and has since been withdrawn, else None."""
    article = (
        Article.objects.filter(pk=pk, unpublished_at__isnull=False)
        .only("status", "slug", "version", "publish_at", "first_published_at", "unpublished_at")
        .first()
    )
    if article is None or article.is_public:
        return None
    return article


def public_tags(visible: QuerySet, *, after: str | None, size: int) -> tuple[list[Tag], bool]:
    """Return the tags carried by at least one story the caller may see, by slug, the `size`
    after the slug `after`, and whether more follow (one query)."""
    used = TaggedArticle.objects.filter(content_object__in=visible.values("pk")).values("tag")
    tags = Tag.objects.filter(pk__in=used).order_by("slug")
    if after is not None:
        tags = tags.filter(slug__gt=after)
    rows = list(tags[: size + 1])
    return rows[:size], len(rows) > size


def public_entity(slug: str):
    """Return the person or organization readers may know at `slug`, else None."""
    return reader_selectors.public_entity(slug)
