"""Related stories: the editor's picks first, then the closest stories in the archive.

Score of a candidate story C for a story A (computed in SQL, never in Python)::

    overlap = 3 × (tags A and C share)
            + 2 × (people both mention)
            + 2 × (organizations both mention)
            + 1 × (1 if they are in the same section else 0)

    score = overlap / (1 + days_apart / 30)

where ``days_apart`` is the absolute distance in days (counted to the second) between the two
stories' publish times (a draft being previewed counts as published now). A month's distance
halves a score, so a fresh story sharing one tag (3) beats a year-old story sharing two
(6 / 13.2 ≈ 0.45).

Only stories readers can see take part (`Article.objects.published()`), the story itself is
never its own relative, and a candidate needs a positive overlap. Equal scores go to the newer
story, then to the higher id, so the order never changes between two identical requests.

Hand picks (`RelatedPick`, in their position order) come first and are never repeated among
the automatic ones; a pick that is not public is skipped. Everything is capped at `limit`.

Cost: three queries whatever the archive's size: the story's own links and picks (one UNION),
the ranking (one SELECT whose per-candidate counts are correlated subqueries on the link
tables' unique indexes), and the byline prefetch. `bench/bench_related.py` measures it.
"""

import operator
from dataclasses import dataclass
from functools import reduce

from django.core.cache import cache
from django.db import NotSupportedError
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Abs, Coalesce
from django.utils import timezone

from articles.models import Article, Byline, RelatedPick, TaggedArticle
from reader.cache import public_generation

TAG_WEIGHT = 3
PERSON_WEIGHT = 2
ORGANIZATION_WEIGHT = 2
SECTION_WEIGHT = 1
HALF_SCORE_DAYS = 30.0
SECONDS_PER_DAY = 86400.0

RELATED_LIMIT = 5
CACHE_SECONDS = 15 * 60  # a safety net: publishing bumps the generation and refreshes at once

PeopleMentioned = Article.people_mentioned.through
OrganizationsMentioned = Article.organizations_mentioned.through


class EpochSeconds(Func):
    """Whole seconds since 1970-01-01 of a timestamp, on SQLite and PostgreSQL.

    Whole seconds keep the arithmetic exact, so two stories equally far from the reference
    get exactly equal scores and the tie-break, not rounding noise, decides their order.
    """

    output_field = BigIntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError("Related stories are ranked on SQLite and PostgreSQL only.")

    def as_sqlite(self, compiler, connection, **extra_context):
        # "%%%%" survives both the template's and the driver's %-formatting as a literal "%".
        template = "CAST(strftime('%%%%s', %(expressions)s) AS INTEGER)"
        return super().as_sql(compiler, connection, template=template, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        template = "CAST(FLOOR(EXTRACT(EPOCH FROM %(expressions)s)) AS BIGINT)"
        return super().as_sql(compiler, connection, template=template, **extra_context)


@dataclass(frozen=True)
class Link:
    """A kind of link two stories can share: through which table, to what, and its weight."""

    model: type[Model]
    owner: str
    target: str
    weight: int


LINKS = (
    Link(TaggedArticle, "content_object", "tag", TAG_WEIGHT),
    Link(PeopleMentioned, "article", "person", PERSON_WEIGHT),
    Link(OrganizationsMentioned, "article", "organization", ORGANIZATION_WEIGHT),
)
PICKS = len(LINKS)  # the row kind footprint() uses for hand picks


@dataclass(frozen=True)
class Footprint:
    """What a story links to (ids per `LINKS` entry) and the stories its editor picked, in order."""

    linked: tuple[list[int], ...]
    picks: list[int]


def footprint(article: Article) -> Footprint:
    """Fetch, in one query, the ids of the story's tags, people, organizations and picks."""
    parts = [
        _footprint_rows(link.model, link.owner, article, target=f"{link.target}_id", kind=number)
        for number, link in enumerate(LINKS)
    ]
    picks = _footprint_rows(
        RelatedPick, "article", article, target="target_id", kind=PICKS, rank="position", tie="id"
    )
    linked: tuple[list[int], ...] = tuple([] for _ in LINKS)
    pick_rows = []
    for kind, target, rank, tie in parts[0].union(*parts[1:], picks, all=True):
        if kind == PICKS:
            pick_rows.append((rank, tie, target))
        else:
            linked[kind].append(target)
    return Footprint(linked=linked, picks=[target for *_, target in sorted(pick_rows)])


def _footprint_rows(
    model, owner: str, article: Article, *, target: str, kind: int, **order
) -> QuerySet:
    # The same names in the same order in every part, so the union lines up on every database.
    return (
        model.objects.filter(**{owner: article.pk})
        .order_by()
        .annotate(
            row_kind=Value(kind),
            row_target=F(target),
            row_rank=F(order["rank"]) if order else Value(0),
            row_tie=F(order["tie"]) if order else Value(0),
        )
        .values_list("row_kind", "row_target", "row_rank", "row_tie")
    )


def rank_related(article: Article, *, limit: int = RELATED_LIMIT) -> list[Article]:
    """Return up to `limit` public stories related to `article`: hand picks, then the best scores.

    Three queries (the story's footprint, the ranking, the byline prefetch), whatever the size
    of the archive.
    """
    own = footprint(article)
    candidates = overlaps(article, own)
    if own.picks:
        candidates.append(Q(pk__in=own.picks))
    if not candidates:
        return []
    ranked = (
        Article.objects.published()
        .for_listing()
        .exclude(pk=article.pk)
        .filter(reduce(operator.or_, candidates))
        .annotate(pick_rank=pick_rank(own.picks), score=relatedness(article, own))
        .order_by(
            F("pick_rank").asc(nulls_last=True),
            F("score").desc(),
            F("publish_at").desc(),
            F("id").desc(),
        )
    )
    return list(ranked[:limit])


def pick_rank(picks: list[int]) -> Case | Value:
    """Give each hand pick its place (0, 1, …) and every other story NULL."""
    if not picks:
        return Value(None, output_field=IntegerField())
    return Case(
        *[When(pk=target, then=Value(place)) for place, target in enumerate(picks)],
        default=None,
        output_field=IntegerField(),
    )


def relatedness(article: Article, own: Footprint) -> ExpressionWrapper:
    """Build the score expression of the module docstring for candidates of `article`."""
    overlap = _same_section(article)
    for link, ids in zip(LINKS, own.linked, strict=True):
        if ids:
            overlap = overlap + Value(link.weight) * _shared(link, ids)
    reference = int((article.publish_at or timezone.now()).timestamp())
    seconds_apart = Abs(EpochSeconds("publish_at") - Value(reference))
    days_apart = seconds_apart / Value(SECONDS_PER_DAY)
    return ExpressionWrapper(
        overlap / (Value(1.0) + days_apart / Value(HALF_SCORE_DAYS)), output_field=FloatField()
    )


def overlaps(article: Article, own: Footprint) -> list[Q]:
    """Return conditions matching stories that share a tag, person, organization or section."""
    conditions = [
        Q(pk__in=link.model.objects.filter(**{f"{link.target}__in": ids}).values(link.owner))
        for link, ids in zip(LINKS, own.linked, strict=True)
        if ids
    ]
    if article.section_id is not None:  # section=None would match every story without one
        conditions.append(Q(section_id=article.section_id))
    return conditions


def _shared(link: Link, ids: list[int]) -> Coalesce:
    """Count, per candidate, how many of these tags (or people…) it links to as well."""
    common = (
        link.model.objects.filter(**{link.owner: OuterRef("pk"), f"{link.target}__in": ids})
        .order_by()
        .values(link.owner)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(common, output_field=IntegerField()), Value(0))


def _same_section(article: Article) -> Case | Value:
    if article.section_id is None:
        return Value(0)
    return Case(
        When(section_id=article.section_id, then=Value(SECTION_WEIGHT)),
        default=Value(0),
        output_field=IntegerField(),
    )


def related_for_page(article: Article, *, limit: int = RELATED_LIMIT) -> list[Article]:
    """Return the related stories for `article`'s page, ranking at most once per generation.

    The cache holds ids only; they are fetched again through `published()`, so a story that
    stops being public disappears at once, even before the generation moves on.
    """
    key = f"newsroom:related:{public_generation()}:{article.pk}:{limit}"
    ids = cache.get(key)
    if ids is None:
        related = rank_related(article, limit=limit)
        cache.set(key, [story.pk for story in related], CACHE_SECONDS)
        return related
    return public_in_order(ids)


def public_in_order(ids: list[int]) -> list[Article]:
    """Return the stories with these ids that are still public, in the order of `ids`."""
    found = Article.objects.published().for_listing().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def more_from_author(article: Article, *, limit: int = 4) -> list[Article]:
    """Return the latest other public stories by the first author in `article`'s byline."""
    first_author = (
        Byline.objects.filter(article=article.pk).order_by("position", "id").values("person")[:1]
    )
    return list(
        Article.objects.published()
        .for_listing()
        .filter(bylines__person=Subquery(first_author))
        .exclude(pk=article.pk)
        .order_by("-publish_at", "-id")[:limit]
    )
