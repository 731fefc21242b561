"""Reads for public pages. Each returns everything its template shows, prefetched."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Article,
    Byline,
    Correction,
    Quote,
    Section,
    mentions_field,
    speaker_field,
)
from people.models import Organization, Person
from people.selectors import entity_by_slug

FRONT_PAGE_STORIES_PER_SECTION = 4
MAX_PAGE_NUMBER = 10_000


@dataclass
class SectionBlock:
    section: Section
    ids: list[int]


def paginate(queryset: QuerySet, page_number, *, per_page: int | None = None) -> Page:
    """Return the requested page; a malformed or out-of-range number gives the nearest real page."""
    paginator = Paginator(queryset, per_page or settings.NEWSROOM_PAGE_SIZE)
    try:
        number = min(int(page_number), MAX_PAGE_NUMBER)
    except (TypeError, ValueError):
        number = 1
    return paginator.get_page(number)


@dataclass
class ResultsPage:
    """One page of results without counting them all: the rows shown, and whether more
    follow (one row more is fetched to tell). For search, where a count of every match would
    cost more than the page itself."""

    object_list: list
    number: int
    has_next: bool
    start_index: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.object_list) - 1

    def __iter__(self):
        return iter(self.object_list)


def window(queryset: QuerySet, page_number, *, per_page: int | None = None) -> ResultsPage:
    """Return the requested page of `queryset` without counting it; a malformed number gives
    the first page, one past the end an empty page."""
    per_page = per_page or settings.NEWSROOM_PAGE_SIZE
    try:
        number = max(1, min(int(page_number), MAX_PAGE_NUMBER))
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * per_page
    rows = list(queryset[offset : offset + per_page + 1])
    return ResultsPage(rows[:per_page], number, len(rows) > per_page, offset + 1)


def public_articles() -> QuerySet:
    """Return published articles, newest first, with what a teaser needs."""
    return Article.objects.published().for_listing().order_by("-publish_at", "-id")


def front_page() -> tuple[int | None, list[SectionBlock]]:
    """Return the lead story's id and the ids of each section's latest stories.

    Two queries whatever the archive's size: the sections, then one statement that takes the
    newest story and each section's newest few from the (section, status, publish time) index.
    The page shows the stories' stored cards (`reader.pages.cards_for`).
    """
    sections = list(Section.objects.all())
    rows = _front_page_rows([section.pk for section in sections])
    lead = next((pk for part, pk in rows if part == 0), None)
    by_part: dict[int, list[int]] = {}
    for part, pk in rows:
        if part and pk != lead:
            by_part.setdefault(part, []).append(pk)
    blocks = [
        SectionBlock(section=section, ids=by_part[number][:FRONT_PAGE_STORIES_PER_SECTION])
        for number, section in enumerate(sections, start=1)
        if by_part.get(number)
    ]
    return lead, blocks


def _front_page_rows(section_ids: list[int]) -> list[tuple[int, int]]:
    """Return (part, id): part 0 the newest public story, part n the newest few of the n-th
    section, each part newest first. One query."""
    table = connection.ops.quote_name(Article._meta.db_table)
    # Article.objects.published(), written out: approved, publish time come, embargo lifted.
    public = "status = %s AND publish_at <= %s AND (embargo_until IS NULL OR embargo_until <= %s)"
    order = "ORDER BY publish_at DESC, id DESC"
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    columns = "id, publish_at"
    parts = [
        f"SELECT * FROM (SELECT 0 AS part, {columns} FROM {table} WHERE {public} {order} LIMIT 1) lead"  # noqa: S608
    ]
    params: list = [Article.Status.PUBLISHED, now, now]
    for number, section in enumerate(section_ids, start=1):
        parts.append(
            f"SELECT * FROM (SELECT {number} AS part, {columns} FROM {table} "  # noqa: S608
            f"WHERE section_id = %s AND {public} {order} "
            f"LIMIT {FRONT_PAGE_STORIES_PER_SECTION + 1}) s{number}"
        )
        params += [section, Article.Status.PUBLISHED, now, now]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)  # the table's name and integers only
        rows = cursor.fetchall()
    rows.sort(key=lambda row: (row[0], -row[2].timestamp() if row[2] else 0, -row[1]))
    return [(part, pk) for part, pk, _ in rows]


def with_page_data(queryset: QuerySet) -> QuerySet:
    """Prefetch everything the article page shows (authors, tags, people, quotes, corrections)."""
    return queryset.for_listing().prefetch_related(
        "tags",
        "people_mentioned",
        "organizations_mentioned",
        Prefetch(
            "quotes",
            queryset=Quote.objects.select_related("speaker_person", "speaker_organization"),
        ),
        Prefetch("corrections", queryset=Correction.objects.order_by("created_at", "id")),
    )


def _published_on(article: Article, year: int, month: int, day: int) -> bool:
    try:
        requested = date(year, month, day)
    except ValueError:
        return False
    moment = article.first_published_at or article.publish_at
    return moment is not None and timezone.localtime(moment).date() == requested


def article_to_read(*, year: int, month: int, day: int, slug: str) -> Article | None:
    """Return the published article at this address with its stored page (one query), or
    None."""
    article = (
        Article.objects.published()
        .select_related("public_page")
        .defer("body", "search_vector")
        .filter(slug=slug)
        .first()
    )
    if article is None or not _published_on(article, year, month, day):
        return None
    return article


def article_for_page(pk: int) -> Article | None:
    """Return any article with everything its page shows, to build the page from."""
    return with_page_data(Article.objects.all()).filter(pk=pk).first()


def articles_for_pages(ids: list[int]) -> list[Article]:
    """Return these articles with everything their pages show (a fixed number of queries)."""
    return list(with_page_data(Article.objects.filter(pk__in=ids)))


def listing(ids: list[int]) -> list[Article]:
    """Return these articles with what a card shows (section, byline), without their bodies."""
    return list(Article.objects.for_listing().defer("body", "search_vector").filter(pk__in=ids))


def cards() -> QuerySet:
    """Published stories with what a link to one shows (headline, date, address)."""
    return Article.objects.published().only(
        "id", "headline", "slug", "publish_at", "first_published_at"
    )


def cards_by_id(ids: list[int]) -> dict[int, Article]:
    """Return the stories with these ids that are still public, by id (one query)."""
    return cards().in_bulk(ids)


def withdrawn_article(*, year: int, month: int, day: int, slug: str) -> Article | None:
    """Return the article once published at this address and since unpublished, or None."""
    article = (
        Article.objects.filter(slug=slug, unpublished_at__isnull=False)
        .only("status", "first_published_at", "publish_at", "slug", "unpublished_at")
        .first()
    )
    if article is None or article.is_public or not _published_on(article, year, month, day):
        return None
    return article


def article_for_preview(pk: int) -> Article | None:
    """Return any article, in whatever state, with what its page shows (staff previews)."""
    return with_page_data(Article.objects.all()).filter(pk=pk).first()


def articles_in_section(section: Section) -> QuerySet:
    """Return the section's published articles, newest first."""
    return public_articles().filter(section=section)


def articles_tagged(tag) -> QuerySet:
    """Return published articles carrying this tag, newest first."""
    return public_articles().filter(tagged_items__tag=tag)


def public_tag(slug: str) -> Tag | None:
    """Return the tag readers may know at this slug: one a published story carries, else None
    (a tag used only on drafts, scheduled or withdrawn stories stays unknown, page and feed)."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None or not articles_tagged(tag).exists():
        return None
    return tag


def articles_by(entity) -> QuerySet:
    """Return published articles whose byline names this person."""
    if entity.kind_name != "person":
        return Article.objects.none()
    return public_articles().filter(bylines__person=entity)


def articles_about(entity) -> QuerySet:
    """Return published articles that mention this person or organization."""
    return public_articles().filter(**{mentions_field(entity): entity})


def by_or_about(entity) -> Q:
    """Match stories whose byline names `entity` or that mention it, without duplicate rows."""
    mentions = getattr(Article, mentions_field(entity)).through.objects
    matches = Q(pk__in=mentions.filter(**{entity.kind_name: entity}).values("article"))
    if entity.kind_name == "person":
        matches |= Q(pk__in=Byline.objects.filter(person=entity).values("article"))
    return matches


def articles_by_or_about(entity) -> QuerySet:
    """Return published articles by this person or about this person or organization."""
    return public_articles().filter(by_or_about(entity))


def has_public_presence(entity) -> bool:
    """Say whether readers may know of this person or organization: a biography, or a
    published story by, about or quoting them (one query)."""
    if getattr(entity, "bio", "") or getattr(entity, "description", ""):
        return True
    quoting = Quote.objects.filter(**{speaker_field(entity): entity}).values("article")
    named = by_or_about(entity) | Q(pk__in=quoting)
    return Article.objects.published().filter(named).exists()


def public_entity(slug: str) -> Person | Organization | None:
    """Return the person or organization readers may know at this slug, else None (one named
    only in unpublished copy so far stays unknown, page and feed)."""
    entity = entity_by_slug(slug)
    if entity is None or not has_public_presence(entity):
        return None
    return entity


def quotes_by(entity, *, limit: int = 20) -> list[Quote]:
    """Return the latest quotes this person or organization gave in published articles."""
    return list(
        Quote.objects.filter(
            **{speaker_field(entity): entity}, article__in=Article.objects.published()
        )
        .select_related("article")
        .order_by("-article__publish_at", "position")[:limit]
    )


def public_corrections() -> QuerySet:
    """Return every correction on a published article, newest first."""
    return (
        Correction.objects.filter(article__in=Article.objects.published())
        .select_related("article")
        .order_by("-created_at", "-id")
    )
